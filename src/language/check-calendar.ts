/**
 * Checks of calendar-period windows: a named period must exist ("Q5 2026" does not) and lie in the
 * years 1 to 9999, and the year must start on a real month-day.
 */
import type { CalendarPeriodWindowNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { parseYearStart, periodsPerYear } from '../time/calendar-periods';

/** Years outside these are almost always a typing slip ("calendar year 227"): a warning, never a silent reading. */
const FIRST_LIKELY_YEAR = 1900;
const LAST_LIKELY_YEAR = 2199;

export function checkCalendarPeriod(window: CalendarPeriodWindowNode, _text: string, out: Diagnostic[]): void {
  if (parseYearStart(window.yearStart) === null) {
    out.push(diagnostic('invalid-period', window.range, `'${window.yearStart}' is not a month and day (MM-DD) on which a year can start.`));
    return;
  }
  const selection = window.selection;
  if (selection.kind !== 'named') return;
  const perYear = periodsPerYear(window.unit);
  if (!Number.isInteger(selection.n) || selection.n < 1 || selection.n > perYear) {
    out.push(diagnostic('invalid-period', window.range, `A year has ${perYear} ${window.unit}${perYear === 1 ? '' : 's'}: ${window.unit} ${selection.n} does not exist.`));
  } else if (!Number.isInteger(selection.year) || selection.year < 1 || selection.year > 9999) {
    out.push(diagnostic('date-out-of-range', window.range, `The year ${selection.year} is outside the years 1 to 9999 that dates are limited to.`));
  } else if (selection.year < FIRST_LIKELY_YEAR || selection.year > LAST_LIKELY_YEAR) {
    out.push(
      diagnostic('unusual-year', window.range, `The period is in the year ${selection.year}, far from any contract's dates (a digit missing or extra?); it is read as written.`, {
        suggestion: 'write the year in full, such as 2026',
      }),
    );
  }
}
