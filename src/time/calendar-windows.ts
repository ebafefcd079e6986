/**
 * The window instances of a calendar-period window: one per calendar period from the one holding
 * the effective date E to the one holding the as-of date A (`each`, `first`), or the one named period.
 * A period that began before E starts at E for the ledger: no sale before the agreement counts, and
 * the notes say the period is partial.
 */
import type { CalendarPeriodWindowNode, CalendarUnit, PeriodBoundNode } from '../language/ast';
import { dayNumber, formatIsoDate, fromDayNumber, parseIsoDate, type CalendarDate } from './calendar-date';
import {
  CALENDAR_YEAR_START,
  calendarPeriodAt,
  calendarPeriodOf,
  describeCalendarPeriod,
  MONTHS_PER_CALENDAR_UNIT,
  namedCalendarPeriod,
  parseYearStart,
  type CalendarPeriod,
  type YearStart,
} from './calendar-periods';
import { instance, type WindowInstance } from './window-instance';

/** "calendar quarter", "calendar half-year"; for a year with its own start, "quarter of the year starting 04-01". */
export function calendarUnitName(unit: CalendarUnit, yearStart: string): string {
  return yearStart === '01-01' ? `calendar ${unit}` : `${unit} of the year starting ${yearStart}`;
}

/** The year start of a window ("01-01" when the text is not a month-day, which the checker reports). */
export function yearStartOf(window: CalendarPeriodWindowNode): YearStart {
  return parseYearStart(window.yearStart) ?? CALENDAR_YEAR_START;
}

/** The last day a bounded period may end on: the day before the date, or the date itself for "on or before". */
export function boundLastDay(bound: PeriodBoundNode): number {
  const date = parseIsoDate(bound.date);
  // An impossible date is the checker's error; here no period counts.
  if (date === null) return Number.NEGATIVE_INFINITY;
  return bound.written === 'ending on or before' ? dayNumber(date) : dayNumber(date) - 1;
}

/** How many instances the window has from E to A, counted without making them (an upper bound by at most one). */
export function calendarInstanceCount(window: CalendarPeriodWindowNode, effective: CalendarDate, asOf: CalendarDate): number {
  if (window.selection.kind === 'named') return 1;
  const months = (asOf.year - effective.year) * 12 + (asOf.month - effective.month);
  return Math.max(0, Math.floor(months / MONTHS_PER_CALENDAR_UNIT[window.unit])) + 2;
}

function periodInstance(window: CalendarPeriodWindowNode, start: YearStart, p: CalendarPeriod, e: number, number: number | null, lead: string): WindowInstance {
  const first = dayNumber(p.first);
  const end = dayNumber(p.last) + 1;
  const from = Math.max(first, e);
  const what = describeCalendarPeriod(window.unit, start, p);
  const partial =
    first < e && end > e
      ? `; the period began before the effective date, so it is partial: only sales from ${formatIsoDate(fromDayNumber(e))} count`
      : end <= e
        ? '; the period ended before the effective date, so no sale can count'
        : '';
  const made = instance(Math.min(from, end), end, number, false, `${lead}: ${what}, that period alone (aligned to the calendar in the contract's zone, not to the effective date)${partial}`);
  return first < e && end > e ? { ...made, partialFrom: formatIsoDate(fromDayNumber(first)) } : made;
}

/**
 * The instances of a calendar-period window for effective date `effective` and as-of date `asOf`:
 * every period that has begun by A, the first one at least (so that a clause evaluated before its
 * first period still reports it), each numbered from 1; or the one named period, unnumbered.
 */
export function calendarWindowInstances(window: CalendarPeriodWindowNode, effective: CalendarDate, asOf: CalendarDate): WindowInstance[] {
  const start = yearStartOf(window);
  const e = dayNumber(effective);
  const unitName = calendarUnitName(window.unit, window.yearStart);
  switch (window.selection.kind) {
    case 'named': {
      const p = namedCalendarPeriod(window.unit, start, window.selection.year, window.selection.n);
      return [periodInstance(window, start, p, e, null, `the named ${unitName}`)];
    }
    case 'each':
    case 'first': {
      const bound = window.bound;
      const lastDay = bound === undefined ? null : boundLastDay(bound);
      const until = bound === undefined || lastDay === null || !Number.isFinite(lastDay) ? '' : ` ${bound.written} ${bound.date} (periods ending after ${formatIsoDate(fromDayNumber(lastDay as number))} do not count)`;
      const lead = window.selection.kind === 'first' ? `the first ${unitName} in which the target is met${until}` : `each ${unitName}${until}`;
      const a = dayNumber(asOf);
      const out: WindowInstance[] = [];
      let p = calendarPeriodOf(effective, window.unit, start);
      for (let number = 1; number === 1 || dayNumber(p.first) <= a; number++) {
        if (lastDay !== null && dayNumber(p.last) > lastDay) break;
        out.push(periodInstance(window, start, p, e, number, `${lead}, instance ${number}`));
        p = calendarPeriodAt(window.unit, start, p.index + 1);
      }
      return out;
    }
    default: {
      const never: never = window.selection;
      throw new Error(`Unhandled selection: ${JSON.stringify(never)}`);
    }
  }
}
