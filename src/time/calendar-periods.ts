/**
 * Calendar periods: months, quarters, half-years and years aligned to a year that starts on a given
 * month and day ("01-01" for the calendar; a fiscal year's own start otherwise), never to the
 * effective date. Every period boundary is computed from one anchor, the start of the year, by the
 * corresponding-day rule, so no short month shifts later boundaries.
 *
 * Works on calendar dates; the evaluator turns them into local midnights in the contract's zone.
 */
import type { CalendarUnit } from '../language/ast';
import { addDays, addMonthsCorresponding, dayNumber, daysInMonth, formatIsoDate, type CalendarDate } from './calendar-date';

export const MONTHS_PER_CALENDAR_UNIT: Readonly<Record<CalendarUnit, number>> = { month: 1, quarter: 3, 'half-year': 6, year: 12 };

/** The start of a year as month and day; "01-01" is the calendar year. */
export interface YearStart {
  month: number;
  day: number;
}

export const CALENDAR_YEAR_START: YearStart = { month: 1, day: 1 };

/** Reads "MM-DD" (a day every year has: 02-29 is refused); null when it is not one. */
export function parseYearStart(text: string): YearStart | null {
  const m = /^(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2025, month)) return null;
  return { month, day };
}

/** One calendar period: its first and last day, and where it falls (`index` counts periods from year 0's start). */
export interface CalendarPeriod {
  first: CalendarDate;
  last: CalendarDate;
  /** Periods since the start of the year `0` (may be negative): consecutive periods have consecutive indices. */
  index: number;
}

/** The first day of period `index` of `unit` for a year starting at `start`. */
function periodStart(unit: CalendarUnit, start: YearStart, index: number): CalendarDate {
  return addMonthsCorresponding({ year: 0, month: start.month, day: start.day }, index * MONTHS_PER_CALENDAR_UNIT[unit]);
}

/** Period `index` of `unit` (see `CalendarPeriod.index`). */
export function calendarPeriodAt(unit: CalendarUnit, start: YearStart, index: number): CalendarPeriod {
  return { first: periodStart(unit, start, index), last: addDays(periodStart(unit, start, index + 1), -1), index };
}

/** The period of `unit` holding `date`. */
export function calendarPeriodOf(date: CalendarDate, unit: CalendarUnit, start: YearStart): CalendarPeriod {
  const k = MONTHS_PER_CALENDAR_UNIT[unit];
  const months = date.year * 12 + (date.month - start.month);
  let index = Math.floor(months / k);
  const day = dayNumber(date);
  // The month arithmetic lands on the right period or its neighbour (when the year starts after the 1st).
  while (dayNumber(periodStart(unit, start, index)) > day) index--;
  while (dayNumber(periodStart(unit, start, index + 1)) <= day) index++;
  return calendarPeriodAt(unit, start, index);
}

/**
 * The named period `n` of `unit` in the year labelled `year`: the year that starts on `start` in
 * the calendar year `year` (for the calendar year, simply `year`). `n` is 1-based within that year.
 */
export function namedCalendarPeriod(unit: CalendarUnit, start: YearStart, year: number, n: number): CalendarPeriod {
  const perYear = 12 / MONTHS_PER_CALENDAR_UNIT[unit];
  return calendarPeriodAt(unit, start, year * perYear + (n - 1));
}

/** How many periods of `unit` a year has: 12, 4, 2 or 1. */
export function periodsPerYear(unit: CalendarUnit): number {
  return 12 / MONTHS_PER_CALENDAR_UNIT[unit];
}

/** "calendar quarter" → "Q2 2026 (2026-04-01 to 2026-06-30)" and the like, for notes. */
export function describeCalendarPeriod(unit: CalendarUnit, start: YearStart, period: CalendarPeriod): string {
  const perYear = periodsPerYear(unit);
  const within = ((period.index % perYear) + perYear) % perYear;
  const year = Math.floor(period.index / perYear);
  const yearName = start.month === 1 && start.day === 1 ? String(year) : `the year from ${formatIsoDate(periodStart('year', start, year))}`;
  const name =
    unit === 'year' ? yearName
      : unit === 'quarter' ? `Q${within + 1} of ${yearName}`
        : unit === 'half-year' ? `H${within + 1} of ${yearName}`
          : `month ${within + 1} of ${yearName}`;
  return `${name}, ${formatIsoDate(period.first)} to ${formatIsoDate(period.last)}`;
}
