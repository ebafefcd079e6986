/**
 * What a metric's period adjective means for its window: "annual Net Sales", "aggregate annual Net
 * Sales", "Monthly Sales", "quarterly Revenue", "Fortnightly Sales".
 *
 * - With a written window of the same length ("annual Net Sales … in a given Calendar Year", "in each
 *   Contract Year", "the first calendar year during which annual Net Sales …") the word agrees with it
 *   and changes nothing.
 * - With a window of another length, or a running total ("annual Net Sales in any calendar quarter",
 *   "… by June 30, 2027"), the text says two things at once: an error, never a guess.
 * - With no window written the word gives it: the metric is each period's own total, the milestone is
 *   met in the first period whose own total passes the target and is paid once for it; the periods
 *   before are not missed, since no deadline is written. Calendar periods when the text says so ("annual
 *   Net Sales shall be calculated on a calendar year basis"); otherwise contract periods from the
 *   effective date, which is one of two readings, so the checker warns and names both.
 * - Fortnights and weeks have no calendar period and no contract period here: alone, the construct is
 *   not supported (the window must be written).
 */
import type { CalendarPeriodWindowNode, DocumentNode, MetricDefinitionNode, MilestoneNode, PeriodWordNode, RecurringWindowNode, WindowNode } from './ast';
import { assertNever } from './ast';
import { definitionsOf, periodMeaning } from './period-definitions';
import { metricDefinitionOf } from './per-product';

export type PeriodWordReading =
  | DefinedWindowReading
  /** No period adjective. */
  | { kind: 'none' }
  /** A written window of the word's length. */
  | { kind: 'agrees'; word: PeriodWordNode }
  /** A written window of another length, or a running total. */
  | { kind: 'mismatch'; word: PeriodWordNode; window: string }
  /** No window written, and no period the engine can count for the word (fortnights, weeks). */
  | { kind: 'unsupported'; word: PeriodWordNode }
  /** No window written: the word's periods, calendar (`stated` by the text) or contract (the default reading). */
  | { kind: 'from-word'; word: PeriodWordNode; calendar: boolean; window: CalendarPeriodWindowNode | RecurringWindowNode };

/**
 * No window written, and the metric's term is defined with one ('"Annual Net Sales" means the Net Sales of a Licensed
 * Product in a Calendar Year.'): the definition's periods, each tested on its own total like a written window. `word`
 * is the term's period adjective, which agrees with the definition's periods (else the reading is `mismatch`).
 */
export interface DefinedWindowReading { kind: 'defined'; word: PeriodWordNode | null; definition: MetricDefinitionNode; window: CalendarPeriodWindowNode }

/** The unit a period word counts in, as months; null for fortnights and weeks. */
const MONTHS: Readonly<Record<PeriodWordNode['unit'], number | null>> = { year: 12, quarter: 3, month: 1, fortnight: null, week: null };

/** How many months a written window's periods last, or null when it is a running total or of no such length. */
function windowMonths(window: WindowNode, document: DocumentNode): number | null {
  switch (window.kind) {
    case 'calendar-period':
      return { month: 1, quarter: 3, 'half-year': 6, year: 12 }[window.unit];
    case 'recurring':
    case 'period':
      return { month: 1, quarter: 3, year: 12 }[window.unit];
    case 'span':
      return window.unit === 'day' ? null : window.unit === 'year' ? window.n * 12 : window.n;
    case 'defined-period': {
      const meaning = periodMeaning(window.term, definitionsOf(document));
      if (meaning === null) return null;
      if (meaning.kind === 'successive') return meaning.months;
      if (meaning.kind === 'from-date') return meaning.unit === 'day' ? null : meaning.unit === 'year' ? 12 * meaning.n : meaning.n;
      const w = meaning.window;
      return w.kind === 'span' && w.unit !== 'day' ? (w.unit === 'year' ? w.n * 12 : w.n) : null;
    }
    case 'end-of-period':
    case 'by-date':
    case 'within':
    case 'date-range':
    case 'term':
    case 'open':
      return null;
    default:
      return assertNever(window);
  }
}

/** The unit's name, for messages. */
export const PERIOD_WORD_UNIT_NAMES: Readonly<Record<PeriodWordNode['unit'], string>> = {
  year: 'year', quarter: 'quarter', month: 'month', fortnight: 'fortnight', week: 'week',
};

/**
 * Whether the text says the word's periods are calendar periods: a statement such as "annual Net Sales
 * shall be calculated on a calendar year basis" for a metric with the same word.
 */
export function statesCalendarBasis(document: DocumentNode, word: PeriodWordNode): boolean {
  return (document.definitions ?? []).some((d) => d.kind === 'metric-basis-statement' && d.periodWord.unit === word.unit && d.unit === word.unit);
}

/** What `m`'s period word means for its window in `document`. */
export function periodWordReading(m: MilestoneNode, document: DocumentNode): PeriodWordReading {
  const word = m.target.kind === 'revenue' ? m.target.periodWord : undefined;
  const defined = m.target.kind === 'revenue' && m.window.kind === 'open' ? metricDefinitionOf(document, m.target.term) : null;
  if (defined !== null) {
    if (word !== undefined && MONTHS[word.unit] !== windowMonths(defined.window, document)) return { kind: 'mismatch', word, window: 'calendar-period' };
    return { kind: 'defined', word: word ?? null, definition: defined, window: { ...defined.window, range: m.window.range } };
  }
  if (word === undefined) return { kind: 'none' };
  const months = MONTHS[word.unit];
  if (m.window.kind !== 'open') {
    const written = windowMonths(m.window, document);
    return written !== null && written === months ? { kind: 'agrees', word } : { kind: 'mismatch', word, window: m.window.kind };
  }
  if (months === null || word.unit === 'fortnight' || word.unit === 'week') return { kind: 'unsupported', word };
  const unit = word.unit;
  const range = m.window.range;
  if (statesCalendarBasis(document, word)) {
    const window: CalendarPeriodWindowNode = { kind: 'calendar-period', unit, yearStart: '01-01', selection: { kind: 'first' }, written: 'first in which', range };
    return { kind: 'from-word', word, calendar: true, window };
  }
  return { kind: 'from-word', word, calendar: false, window: { kind: 'recurring', unit, range } };
}

/** The reading in words, for the evaluation's notes; null when the metric has no period word. */
export function periodWordNote(reading: PeriodWordReading): string | null {
  switch (reading.kind) {
    case 'none':
    case 'mismatch':
    case 'unsupported':
      return null;
    case 'defined':
      return `"${reading.definition.term}" is defined as ${reading.definition.metric} ${reading.definition.window.written} calendar ${reading.definition.window.unit}: each such period's own total is tested`;
    case 'agrees':
      return `'${reading.word.word}' agrees with the window written: the metric is each such ${PERIOD_WORD_UNIT_NAMES[reading.word.unit]}'s own total`;
    case 'from-word': {
      const unit = PERIOD_WORD_UNIT_NAMES[reading.word.unit];
      const which = reading.calendar
        ? `each calendar ${unit} in the contract's zone, as the text states`
        : `each contract ${unit} counted from the effective date (the text does not say calendar ${unit}s; that is the other reading)`;
      return (
        `'${reading.word.word}' with no period written: the metric is the own total of ${which}; the milestone is met in the first ${unit} ` +
        `whose own total meets the target and paid once; no deadline is written, so the ${unit}s before it are not missed and are not reported`
      );
    }
    default:
      return assertNever(reading);
  }
}
