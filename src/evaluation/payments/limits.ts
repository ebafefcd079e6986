/**
 * Caps and floors. A floor and a cap per payment bound each obligation on its own; a cap per
 * contract month, quarter or year bounds the obligations of one payment triggered in one such
 * period together, taken in the order they were triggered (ties in report order), so an
 * obligation gets what is left of the cap once the earlier ones are paid. Pure: the caller gives
 * the obligations in report order and each one's payment and contract period.
 */
import type { LimitedPaymentNode, PeriodUnit } from '../../language/ast';
import { ContractCalendar, dayNumber, formatIsoDate, type CalendarDate } from '../../time/periods';
import { Dec, moneyString, roundMoney } from '../../values/money';
import { figure } from './calculation';
import { calendarPeriodOf } from './calendar-period-of';
import { calendarPeriodOf as yearPeriodOf, parseYearStart } from '../../time/calendar-periods';

/** What a cap or floor did to one obligation, as reported with it. */
export interface LimitApplied {
  /** The amount before the cap and floor. */
  uncappedAmount: string | null;
  cap: string | null;
  floor: string | null;
  /** `payment`, or the contract period the cap counts over. */
  per: 'payment' | PeriodUnit;
  /** The contract period's first and last day, for a cap per period. */
  periodStart: string | null;
  periodEnd: string | null;
  /** What the cap had left for this obligation, for a cap per period. */
  capRemaining: string | null;
  /** `cap` or `floor` when one changed the amount, `minimum-payout` when it was below the minimum paid; else null. */
  applied: 'cap' | 'floor' | 'minimum-payout' | null;
  /** A cap per calendar period ("in any Calendar Quarter"), not a contract one. */
  calendar?: boolean;
  /** "no commission for a quarter in which the commission earned is less than $75.00": that minimum. */
  minimumPayout?: string;
}

export interface LimitInput {
  /** The obligation's amount, already rounded; null when it is undefined (nothing to bound). */
  amount: Dec | null;
  currency: string | null;
  /** Local calendar day the obligation was triggered. */
  triggered: CalendarDate;
  payment: LimitedPaymentNode;
}

export interface LimitOutput {
  amount: Dec | null;
  limit: LimitApplied;
  /** One line of words: "$12,000.00 capped at $10,000.00 (what is left of $15,000.00 for contract year 1, 2026-01-01 to 2026-12-31)". */
  text: string;
}

/** The contract period of `unit` holding `day` (1-based), with its first and last day. */
export function contractPeriodOf(calendar: ContractCalendar, unit: PeriodUnit, day: CalendarDate): { n: number; first: CalendarDate; last: CalendarDate } {
  const target = dayNumber(day);
  let n = 1;
  // Periods are at most a year long, so a first guess from the day count is off by at most one or two.
  const guess = Math.floor((target - calendar.effectiveDay) / { month: 31, quarter: 92, year: 366 }[unit]);
  if (guess > 1) n = guess;
  while (dayNumber(calendar.period(unit, n).last) < target) n++;
  while (n > 1 && dayNumber(calendar.period(unit, n).first) > target) n--;
  const { first, last } = calendar.period(unit, n);
  return { n, first, last };
}

/** The period a cap counts over: a contract period, a calendar one ("in any Calendar Quarter") or a fiscal year, with a key and a name. */
function capPeriodOf(unit: PeriodUnit, isCalendar: boolean, day: CalendarDate, calendar: ContractCalendar, yearStart?: string): { key: number; name: string; first: CalendarDate; last: CalendarDate } {
  const start = yearStart === undefined ? null : parseYearStart(yearStart);
  if (start !== null) {
    const { first, last } = yearPeriodOf(day, unit, start);
    return { key: dayNumber(first), name: `fiscal ${unit}`, first, last };
  }
  if (isCalendar) {
    const { first, last } = calendarPeriodOf(unit, day);
    return { key: dayNumber(first), name: `calendar ${unit}`, first, last };
  }
  const { n, first, last } = contractPeriodOf(calendar, unit, day);
  return { key: n, name: `contract ${unit} ${n}`, first, last };
}

export function applyLimits(inputs: readonly LimitInput[], calendar: ContractCalendar): LimitOutput[] {
  const order = inputs.map((_, i) => i).sort((a, b) => dayNumber(inputs[a].triggered) - dayNumber(inputs[b].triggered) || a - b);
  const used = new Map<LimitedPaymentNode, Map<number, Dec>>();
  const out: LimitOutput[] = new Array(inputs.length);
  for (const i of order) {
    const { amount, currency, triggered, payment } = inputs[i];
    const { cap, floor } = payment;
    const money = (d: Dec): string => (currency ? figure(d, currency) : d.toFixed());
    const round = (d: Dec): Dec => (currency ? roundMoney(d, currency) : d);
    const plain = (d: Dec): string => (currency ? moneyString(d, currency) : d.toFixed());
    const period = cap && cap.per !== 'payment' ? capPeriodOf(cap.per, cap.calendar === true, triggered, calendar, cap.yearStart) : null;
    const minimum = payment.minimumPayout ? round(new Dec(payment.minimumPayout.amount.amount)) : null;
    const limit: LimitApplied = {
      uncappedAmount: amount === null ? null : plain(amount),
      cap: cap ? plain(round(new Dec(cap.amount.amount))) : null,
      floor: floor ? plain(round(new Dec(floor.amount.amount))) : null,
      per: cap?.per ?? 'payment',
      periodStart: period ? formatIsoDate(period.first) : null,
      periodEnd: period ? formatIsoDate(period.last) : null,
      capRemaining: null,
      applied: null,
      ...(cap?.calendar ? { calendar: true } : {}),
      ...(minimum ? { minimumPayout: plain(minimum) } : {}),
    };
    if (amount === null) {
      out[i] = { amount: null, limit, text: 'amount undefined: no cap or floor applied' };
      continue;
    }
    let value = amount;
    const words: string[] = [];
    // Below the minimum payout nothing is paid, and nothing is counted toward a cap either.
    if (minimum && amount.lessThan(minimum)) {
      limit.applied = 'minimum-payout';
      out[i] = { amount: round(new Dec(0)), limit, text: `${money(amount)} is less than the minimum payout ${money(minimum)}, so nothing is paid` };
      continue;
    }
    if (floor) {
      const f = round(new Dec(floor.amount.amount));
      if (value.lessThan(f)) {
        words.push(`${money(value)} raised to the minimum ${money(f)}`);
        value = f;
        limit.applied = 'floor';
      }
    }
    if (cap) {
      const c = round(new Dec(cap.amount.amount));
      let room = c;
      if (period && cap.per !== 'payment') {
        const byPeriod = used.get(payment) ?? new Map<number, Dec>();
        used.set(payment, byPeriod);
        const spent = byPeriod.get(period.key) ?? new Dec(0);
        room = Dec.max(c.minus(spent), 0);
        limit.capRemaining = plain(room);
        if (value.greaterThan(room)) {
          words.push(
            `${money(value)} capped at ${money(room)}: ${room.equals(c) ? 'the cap' : `what is left of the cap ${money(c)}`} for ${period.name} (${formatIsoDate(period.first)} to ${formatIsoDate(period.last)})`,
          );
          value = room;
          limit.applied = 'cap';
        }
        byPeriod.set(period.key, spent.plus(value));
      } else if (value.greaterThan(c)) {
        words.push(`${money(value)} capped at ${money(c)} a payment`);
        value = c;
        limit.applied = 'cap';
      }
    }
    const bounds = [
      minimum ? `not below the minimum payout ${money(minimum)}` : null,
      floor ? `not below the minimum ${money(round(new Dec(floor.amount.amount)))}` : null,
      cap ? `not above ${cap.per === 'payment' ? 'the cap' : 'what is left of the cap'}` : null,
    ];
    const text = words.length > 0 ? words.join('; ') : `${money(amount)}: ${bounds.filter((b) => b !== null).join(' and ')}, so unchanged`;
    out[i] = { amount: value, limit, text };
  }
  return out;
}
