/**
 * Calendar periods (src/time/calendar-periods.ts, calendar-windows.ts): aligned to the year's start,
 * never to the effective date; the period holding the effective date is partial.
 */
import fc from 'fast-check';
import { calendarPeriodAt, calendarPeriodOf, namedCalendarPeriod, parseYearStart, CALENDAR_YEAR_START, type YearStart } from '../../src/time/calendar-periods';
import { calendarWindowInstances } from '../../src/time/calendar-windows';
import { addDays, dayNumber, formatIsoDate, parseIsoDate, type CalendarDate } from '../../src/time/calendar-date';
import type { CalendarPeriodWindowNode, CalendarUnit } from '../../src/language/ast';

const d = (s: string): CalendarDate => parseIsoDate(s)!;
const span = (p: { first: CalendarDate; last: CalendarDate }): string => `${formatIsoDate(p.first)}..${formatIsoDate(p.last)}`;
const range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
const window = (unit: CalendarUnit, selection: CalendarPeriodWindowNode['selection'], yearStart = '01-01'): CalendarPeriodWindowNode => ({
  kind: 'calendar-period', unit, yearStart, selection, written: 'in any', range,
});

test('the period holding a date, for each unit of the calendar year', () => {
  expect(span(calendarPeriodOf(d('2026-02-15'), 'month', CALENDAR_YEAR_START))).toBe('2026-02-01..2026-02-28');
  expect(span(calendarPeriodOf(d('2028-02-29'), 'month', CALENDAR_YEAR_START))).toBe('2028-02-01..2028-02-29');
  expect(span(calendarPeriodOf(d('2026-02-15'), 'quarter', CALENDAR_YEAR_START))).toBe('2026-01-01..2026-03-31');
  expect(span(calendarPeriodOf(d('2026-12-31'), 'quarter', CALENDAR_YEAR_START))).toBe('2026-10-01..2026-12-31');
  expect(span(calendarPeriodOf(d('2026-07-01'), 'half-year', CALENDAR_YEAR_START))).toBe('2026-07-01..2026-12-31');
  expect(span(calendarPeriodOf(d('2026-06-30'), 'half-year', CALENDAR_YEAR_START))).toBe('2026-01-01..2026-06-30');
  expect(span(calendarPeriodOf(d('2026-06-30'), 'year', CALENDAR_YEAR_START))).toBe('2026-01-01..2026-12-31');
});

test('a year with another start (a fiscal year) is the same computation', () => {
  const april = parseYearStart('04-01')!;
  expect(span(calendarPeriodOf(d('2026-02-15'), 'year', april))).toBe('2025-04-01..2026-03-31');
  expect(span(calendarPeriodOf(d('2026-02-15'), 'quarter', april))).toBe('2026-01-01..2026-03-31');
  expect(span(calendarPeriodOf(d('2026-04-01'), 'half-year', april))).toBe('2026-04-01..2026-09-30');
  const mid = parseYearStart('07-15')!;
  expect(span(calendarPeriodOf(d('2026-07-14'), 'month', mid))).toBe('2026-06-15..2026-07-14');
  expect(parseYearStart('02-29')).toBeNull();
  expect(parseYearStart('13-01')).toBeNull();
});

test('named periods: Q3 2026, H2 2026, calendar year 2027', () => {
  expect(span(namedCalendarPeriod('quarter', CALENDAR_YEAR_START, 2026, 3))).toBe('2026-07-01..2026-09-30');
  expect(span(namedCalendarPeriod('half-year', CALENDAR_YEAR_START, 2026, 2))).toBe('2026-07-01..2026-12-31');
  expect(span(namedCalendarPeriod('year', CALENDAR_YEAR_START, 2027, 1))).toBe('2027-01-01..2027-12-31');
  expect(span(namedCalendarPeriod('month', CALENDAR_YEAR_START, 2026, 2))).toBe('2026-02-01..2026-02-28');
});

test('instances run from the period holding E (partial) to the one holding A', () => {
  const inst = calendarWindowInstances(window('quarter', { kind: 'each' }), d('2026-02-15'), d('2026-07-05'));
  expect(inst.map((i) => [i.period, i.windowStart, i.deadline])).toEqual([
    [1, '2026-02-15', '2026-03-31'],
    [2, '2026-04-01', '2026-06-30'],
    [3, '2026-07-01', '2026-09-30'],
  ]);
  expect(inst[0].explanation).toContain('partial');
  expect(inst[1].explanation).not.toContain('partial');
  // Before the first period ends, the first instance is still reported.
  expect(calendarWindowInstances(window('year', { kind: 'first' }), d('2026-07-01'), d('2026-07-01')).map((i) => [i.windowStart, i.deadline])).toEqual([['2026-07-01', '2026-12-31']]);
});

test('a named period is one instance, cut at E; one that ended before E lets no sale count', () => {
  const [q] = calendarWindowInstances(window('quarter', { kind: 'named', year: 2026, n: 1 }), d('2026-02-15'), d('2026-12-31'));
  expect([q.period, q.windowStart, q.deadline]).toEqual([null, '2026-02-15', '2026-03-31']);
  const [old] = calendarWindowInstances(window('quarter', { kind: 'named', year: 2025, n: 4 }), d('2026-02-15'), d('2026-12-31'));
  expect(old.startDay).toBe(old.endDay);
  expect(old.explanation).toContain('no sale can count');
});

const units: CalendarUnit[] = ['month', 'quarter', 'half-year', 'year'];
const starts: YearStart[] = [CALENDAR_YEAR_START, { month: 4, day: 1 }, { month: 7, day: 15 }, { month: 10, day: 31 }];

test('periods tile the calendar: each holds its dates, and the next starts the day after the last ends', () => {
  fc.assert(
    fc.property(fc.integer({ min: dayNumber(d('1990-01-01')), max: dayNumber(d('2090-12-31')) }), fc.constantFrom(...units), fc.constantFrom(...starts), (day, unit, start) => {
      const date = addDays(d('1970-01-01'), day);
      const p = calendarPeriodOf(date, unit, start);
      expect(dayNumber(p.first)).toBeLessThanOrEqual(day);
      expect(dayNumber(p.last)).toBeGreaterThanOrEqual(day);
      const next = calendarPeriodAt(unit, start, p.index + 1);
      expect(dayNumber(next.first)).toBe(dayNumber(p.last) + 1);
    }),
  );
});
