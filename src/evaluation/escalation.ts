/**
 * An escalating minimum ("The minimum purchase volume shall increase by ten percent (10%) on every annual anniversary
 * of the Effective Date"): the minimum of a period that starts on or after the k-th anniversary of E is the minimum
 * written times (1 + p/100)^k, each increase on the minimum then in force, exact (a count may become fractional:
 * 4,392.3 units is met by 4,393, never rounded). The checker admits escalation only on windows counted from E in whole
 * months, quarters or years, so an anniversary always falls at the start of a period, never inside one.
 */
import type { EscalationNode } from '../language/ast';
import { dayNumber, formatIsoDate } from '../time/calendar-date';
import type { ContractCalendar } from '../time/periods';
import { Dec } from '../values/money';
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
 * The note on one period's escalated minimum (a count of units, after the period's explanation), or null when no
 * anniversary has raised it. Both engines write it from here.
 */
export function escalationNote(name: string, escalation: EscalationNode | null, count: string, window: { windowStart: string; deadline: string }, e: EscalatedTarget): string | null {
  if (e.anniversaries === 0) return null;
  return (
    `${name}: the minimum of ${window.windowStart} to ${window.deadline} is ${toDec(e.target).toFixed()}: ${count} raised by ${escalation?.percent ?? '?'}% ` +
    `${e.anniversaries === 1 ? 'once' : `${e.anniversaries} times, each on the minimum then in force`}, the last on the anniversary ${e.since}`
  );
}
