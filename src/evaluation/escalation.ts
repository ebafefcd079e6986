/**
 * An escalating minimum ("The minimum purchase volume shall increase by ten percent (10%) on every annual anniversary
 * of the Effective Date"): the minimum of a period that starts on or after the k-th anniversary of E is the minimum
 * written times (1 + p/100)^k, each increase on the minimum then in force, exact (a count may become fractional:
 * 4,392.3 units is met by 4,393, never rounded). The checker admits escalation only on windows counted from E in whole
 * months, quarters or years, so an anniversary always falls at the start of a period, never inside one.
 */
import { assertNever, type EscalationNode, type MilestoneNode } from '../language/ast';
import { dayNumber, formatIsoDate } from '../time/calendar-date';
import type { ContractCalendar } from '../time/periods';
import { Dec, decimalString, formatMoney, NO_CURRENCY } from '../values/money';
import { targetQuantity, toDec, type Quantity } from '../values/quantity';

export interface EscalatedTarget {
  target: Quantity;
  /** How many anniversaries of E fall on or before the period's first day. */
  anniversaries: number;
  /** The last of them, `YYYY-MM-DD`, or null when none has. */
  since: string | null;
}

/** The minimum of the period starting on `startDay` (a day number). */
export function escalatedTarget(base: Quantity, escalation: EscalationNode, startDay: number, calendar: ContractCalendar): EscalatedTarget {
  let k = 0;
  while (dayNumber(calendar.boundary(12 * (k + 1))) <= startDay) k++;
  if (k === 0) return { target: base, anniversaries: 0, since: null };
  const factor = new Dec(1).plus(new Dec(escalation.percent).dividedBy(100)).pow(k);
  return { target: targetQuantity(toDec(base).times(factor).toFixed()), anniversaries: k, since: formatIsoDate(calendar.boundary(12 * k)) };
}

/**
 * The note of a period whose minimum an escalation raised: the raised figure, what it was raised from and how many times
 * (null for a period no anniversary has reached). Every kind of target gets it: a raised target with no word is a figure
 * the reader cannot trace. A raised amount of money is exact (not rounded to the cent), as it is tested.
 */
export function escalationNote(name: string, m: MilestoneNode, escalation: EscalationNode | null | undefined, window: { windowStart: string; deadline: string }, escalated: { target: Quantity | string; anniversaries: number; since: string | null }): string | null {
  if (escalated.anniversaries === 0) return null;
  const raised = typeof escalated.target === 'string' ? new Dec(escalated.target) : toDec(escalated.target);
  const t = m.target;
  let figures: { raised: string; written: string };
  switch (t.kind) {
    case 'revenue': {
      const currency = t.amount.currency === NO_CURRENCY ? null : t.amount.currency;
      const exact = currency === null ? decimalString(raised) : `${decimalString(raised)} ${currency}`;
      figures = { raised: exact, written: currency === null ? decimalString(new Dec(t.amount.amount)) : formatMoney(new Dec(t.amount.amount), currency) };
      break;
    }
    case 'units':
    case 'new-customers':
    case 'deals':
      figures = { raised: raised.toFixed(), written: String(t.count) };
      break;
    default:
      return assertNever(t);
  }
  const times = escalated.anniversaries === 1 ? 'once' : `${escalated.anniversaries} times, each on the minimum then in force`;
  return `${name}: the minimum of ${window.windowStart} to ${window.deadline} is ${figures.raised}: ${figures.written} raised by ${escalation?.percent ?? '?'}% ${times}, the last on the anniversary ${escalated.since}`;
}
