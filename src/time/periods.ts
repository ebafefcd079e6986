/**
 * Contract periods and milestone windows.
 *
 * Everything here works on calendar dates (`YYYY-MM-DD`) first and turns them into instants only at
 * the end, in the contract's zone: a window always starts and ends at a local midnight, so the
 * evaluator can aggregate rows into local-day buckets and still be exact.
 */
import { zoneAbbreviationHint } from './zone-abbreviations';
import { DateTime, IANAZone } from 'luxon';
import { assertNever, type OwnWindowNode, type PeriodUnit, type WindowNode } from '../language/ast';
import { addDays, addMonthsCorresponding, dayNumber, formatIsoDate, fromDayNumber, parseIsoDate, type CalendarDate } from './calendar-date';
import { calendarWindowInstances } from './calendar-windows';
import { instance, type WindowInstance } from './window-instance';
export { instance } from './window-instance';
export type { WindowInstance } from './window-instance';

export {
  addDays,
  addMonthsCorresponding,
  civilDay,
  dayNumber,
  daysInMonth,
  formatIsoDate,
  fromDayNumber,
  parseIsoDate,
  type CalendarDate,
} from './calendar-date';

const zoneValidity = new Map<string, boolean>();

/** Memoized: luxon builds an Intl.DateTimeFormat per call, a costly object, and a portfolio asks per contract. */
export function isValidZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    if (zoneValidity.size < 1000) zoneValidity.set(zone, valid);
  }
  return valid;
}

/** The instant (epoch ms) of the start of a local day in `zone`; the first existing moment if midnight is skipped. */
export function localDayStart(date: CalendarDate, zone: string): number {
  return DateTime.fromObject({ year: date.year, month: date.month, day: date.day }, { zone }).startOf('day').toMillis();
}

export const MONTHS_PER_UNIT: Readonly<Record<PeriodUnit, number>> = { month: 1, quarter: 3, year: 12 };

/**
 * Contract boundaries for one effective date. `boundary(n)` is B(n), the first day of contract
 * month n+1; always computed from E directly, never by chaining (chaining would let a short
 * month shift every later boundary).
 */
export class ContractCalendar {
  readonly effective: CalendarDate;
  readonly effectiveDay: number;

  constructor(effective: CalendarDate) {
    this.effective = effective;
    this.effectiveDay = dayNumber(effective);
  }

  /** B(n) as a calendar date. */
  boundary(months: number): CalendarDate {
    return addMonthsCorresponding(this.effective, months);
  }

  /** First and last calendar day of period `n` (1-based) of `unit`. */
  period(unit: PeriodUnit, n: number): { first: CalendarDate; last: CalendarDate } {
    const k = MONTHS_PER_UNIT[unit];
    return { first: this.boundary((n - 1) * k), last: addDays(this.boundary(n * k), -1) };
  }

  /** Text such as "month 1 is 2026-01-31 to 2026-02-28". */
  describePeriod(unit: PeriodUnit, n: number): string {
    const { first, last } = this.period(unit, n);
    return `${unit} ${n} is ${formatIsoDate(first)} to ${formatIsoDate(last)}`;
  }

  /** Whether some month boundary up to `months` fell back to the 1st because a month was too short. */
  usedMonthEndRule(months: number): boolean {
    // Any 48 consecutive months hold a 28-day February and 30-day months: beyond them the answer is known.
    for (let i = 1; i <= Math.min(months, 48); i++) {
      if (this.boundary(i).day !== this.effective.day) return true;
    }
    return false;
  }
}

const ORDINAL_WORDS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];

function ordinal(n: number): string {
  return ORDINAL_WORDS[n] ?? `${n}th`;
}

export function corresponding(calendar: ContractCalendar, months: number): string {
  return calendar.usedMonthEndRule(months)
    ? `corresponding-day rule; a month without day ${calendar.effective.day} moves the boundary to the 1st of the next month`
    : 'corresponding-day rule';
}

/**
 * The instances of a window. Every window but `recurring` has exactly one; a recurring one has one
 * per period that has started on or before the as-of date (at least the first, so that a clause
 * evaluated before its first period still reports something).
 */
export function windowInstances(window: Exclude<WindowNode, OwnWindowNode>, calendar: ContractCalendar, asOf: CalendarDate): WindowInstance[] {
  const e = calendar.effectiveDay;
  const eText = formatIsoDate(calendar.effective);
  switch (window.kind) {
    case 'end-of-period': {
      const months = window.n * MONTHS_PER_UNIT[window.unit];
      const end = dayNumber(calendar.boundary(months));
      return [
        instance(e, end, null, true,
          `by the end of the ${ordinal(window.n)} ${window.unit}: cumulative from the effective date ${eText} through ` +
          `${formatIsoDate(fromDayNumber(end - 1))}; ${calendar.describePeriod(window.unit, window.n)}` +
          `${window.unit === 'month' && window.n === 1 ? ': one contract month from the effective date' : ''}, ${corresponding(calendar, months)}`),
      ];
    }
    case 'by-date': {
      const date = parseIsoDate(window.date);
      // An impossible date is the checker's error; here it simply yields an empty window.
      const end = date ? dayNumber(date) + 1 : e;
      if (end <= e) {
        return [instance(e, end, null, true, `by ${window.date}: that is before the effective date ${eText}, so no sale can count`)];
      }
      return [instance(e, end, null, true,
        `by ${window.date}: cumulative from the effective date ${eText} through the whole local day ${window.date}`)];
    }
    case 'within': {
      if (window.unit === 'day') {
        const end = e + window.n + 1;
        return [instance(e, end, null, true,
          `within ${window.n} days ${window.relation} the effective date: cumulative from ${eText} through the whole day ` +
          `${formatIsoDate(fromDayNumber(end - 1))} (the effective date plus ${window.n} days)`)];
      }
      const end = dayNumber(calendar.boundary(window.n));
      return [instance(e, end, null, true,
        `within ${window.n} months ${window.relation} the effective date: cumulative from ${eText} through ` +
        `${formatIsoDate(fromDayNumber(end - 1))} (${corresponding(calendar, window.n)})`)];
    }
    case 'period': {
      const { first, last } = calendar.period(window.unit, window.n);
      return [instance(dayNumber(first), dayNumber(last) + 1, null, false,
        `in ${window.unit} ${window.n}: that period alone, not cumulative (${calendar.describePeriod(window.unit, window.n)}, ` +
        `${corresponding(calendar, window.n * MONTHS_PER_UNIT[window.unit])})`)];
    }
    case 'recurring': {
      const result: WindowInstance[] = [];
      const asOfDay = dayNumber(asOf);
      for (let p = 1; ; p++) {
        const { first, last } = calendar.period(window.unit, p);
        if (p > 1 && dayNumber(first) > asOfDay) break;
        result.push(instance(dayNumber(first), dayNumber(last) + 1, p, false,
          `each ${window.unit}, instance ${p}: that ${window.unit} alone (${calendar.describePeriod(window.unit, p)})`));
      }
      return result;
    }
    case 'open':
      // No deadline: the window runs to the as-of date, and the result stays pending until met.
      return [{
        ...instance(e, Math.max(dayNumber(asOf) + 1, e), null, true,
          `no deadline written: cumulative from the effective date ${eText} through the as-of date ${formatIsoDate(asOf)}; pending until met, never missed`),
        openEnded: true,
      }];
    case 'calendar-period':
      return calendarWindowInstances(window, calendar.effective, asOf);
    default:
      return assertNever(window);
  }
}

export interface ContractContext {
  effective: CalendarDate;
  zone: string;
  asOf: CalendarDate;
}

export type ContextResult = { ok: true; context: ContractContext } | { ok: false; message: string };

/**
 * Validates the user's context. A bad zone or date is a usage error, reported in words; the as-of
 * date defaults to today in the contract's zone.
 */
export function resolveContext(input: { effectiveDate: string; timeZone?: string; asOf?: string }, now: () => number = Date.now): ContextResult {
  const zone = input.timeZone ?? 'UTC';
  if (!isValidZone(zone)) return { ok: false, message: `unknown time zone '${zone}': use an IANA name such as America/New_York or UTC${zoneAbbreviationHint(zone)}` };
  const effective = parseIsoDate(input.effectiveDate);
  if (!effective) return { ok: false, message: `effective date '${input.effectiveDate}' is not a real calendar date in the form YYYY-MM-DD` };
  let asOf: CalendarDate;
  if (input.asOf === undefined) {
    const today = DateTime.fromMillis(now(), { zone });
    asOf = { year: today.year, month: today.month, day: today.day };
  } else {
    const parsed = parseIsoDate(input.asOf);
    if (!parsed) return { ok: false, message: `as-of date '${input.asOf}' is not a real calendar date in the form YYYY-MM-DD` };
    asOf = parsed;
  }
  // Contract dates are limited to the years 1 to 9999 (date-out-of-range), as the clause's periods are.
  for (const [what, date] of [['effective date', effective], ['as-of date', asOf]] as const) {
    if (date.year < 1 || date.year > 9999) return { ok: false, message: `[date-out-of-range] the ${what} ${formatIsoDate(date)} is outside the years 1 to 9999` };
  }
  return { ok: true, context: { effective, zone, asOf } };
}
