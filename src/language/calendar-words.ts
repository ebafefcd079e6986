/**
 * Calendar-period windows in words: how the notes and descriptions name them, and the canonical
 * text `format` writes for them (which the grammar reads back to the same terms).
 */
import type { CalendarPeriodWindowNode, CalendarUnit } from './ast';

/** Words that name one period without saying whether every such period pays: "in any calendar quarter". */
export const ANY_WORDINGS: ReadonlySet<string> = new Set(['in any', 'during any', 'in a', 'in a given', 'during a']);

const UNIT_WORDS: Readonly<Record<CalendarUnit, string>> = { month: 'month', quarter: 'quarter', 'half-year': 'half-year', year: 'year' };

/** "calendar quarter"; a year with its own start is named by it ("quarter of the year starting 04-01"). */
export function calendarUnitWords(w: Pick<CalendarPeriodWindowNode, 'unit' | 'yearStart'>): string {
  if (w.yearStart === 'fiscal') return `fiscal ${UNIT_WORDS[w.unit]}`;
  return w.yearStart === '01-01' ? `calendar ${UNIT_WORDS[w.unit]}` : `${UNIT_WORDS[w.unit]} of the year starting ${w.yearStart}`;
}

const MONTH_WORDS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The name of a named period as the grammar reads it: "Q3 2026", "H1 2026", "calendar year 2027", "April 2026". */
export function namedPeriodWords(unit: CalendarUnit, year: number, n: number): string {
  switch (unit) {
    case 'quarter':
      return `Q${n} ${year}`;
    case 'half-year':
      return `H${n} ${year}`;
    case 'year':
      return `calendar year ${year}`;
    case 'month':
      return `${MONTH_WORDS[n - 1] ?? `month ${n}`} ${year}`;
  }
}

/** For `describeWindow`: what the window covers, in words. */
export function describeCalendarWindow(w: CalendarPeriodWindowNode): string {
  const unit = calendarUnitWords(w);
  switch (w.selection.kind) {
    case 'each':
      return `in each ${unit}, separately (aligned to the calendar, not to the effective date)`;
    case 'first':
      return `in the first ${unit} whose own total meets the target, paid once`;
    case 'named':
      return w.yearStart === 'fiscal' ? `in FY${w.selection.year} only` : `in ${namedPeriodWords(w.unit, w.selection.year, w.selection.n)} only`;
  }
}

/**
 * The period noun as the grammar reads it: "calendar quarter", or "half-year period (April to September
 * and October to March)" when months were written; null for a year with its own start written otherwise.
 */
export function calendarNounText(w: Pick<CalendarPeriodWindowNode, 'unit' | 'yearStart' | 'statedMonths'>): string | null {
  if (w.statedMonths !== undefined) {
    if (w.unit !== 'half-year' || w.statedMonths.length !== 4) return null;
    const [a, b, c, d] = w.statedMonths.map((m) => MONTH_WORDS[m - 1]);
    return a && b && c && d ? `half-year period (${a} to ${b} and ${c} to ${d})` : null;
  }
  if (w.yearStart === 'fiscal') return `fiscal ${UNIT_WORDS[w.unit]}`;
  return w.yearStart === '01-01' ? `calendar ${UNIT_WORDS[w.unit]}` : null;
}

/**
 * The canonical window text of a calendar period ("in each calendar quarter", "in Q3 2026"), or null
 * for one that has no window text: the first period in which the target is met is written as its
 * own sentence, and a year with its own start by the words that name it.
 */
export function calendarWindowText(w: CalendarPeriodWindowNode): string | null {
  const noun = calendarNounText(w);
  switch (w.selection.kind) {
    case 'each':
      return noun === null ? null : `in each ${noun}`;
    case 'named':
      if (w.yearStart === 'fiscal') return w.unit === 'year' && w.selection.n === 1 && w.statedMonths === undefined ? `in FY${w.selection.year}` : null;
      // A period named by its last day ("the Calendar Year ending on December 31, 2026") is written by its definition.
      return w.yearStart === '01-01' && w.statedMonths === undefined && w.endsOn === undefined ? `in ${namedPeriodWords(w.unit, w.selection.year, w.selection.n)}` : null;
    case 'first':
      return null;
  }
}
