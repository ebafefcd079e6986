/**
 * What a defined period means: the document's definition sentence for the term, else, for the
 * "Contract Year" agreements use without always defining it, the usual reading: consecutive
 * twelve-month periods from the effective date. That
 * default is one of two plausible readings (some agreements mean calendar years), so the checker
 * warns when it is used.
 */
import type { CalendarPeriodsNode, CalendarPeriodWindowNode, ByDateWindowNode, DateRangeWindowNode, DocumentNode, PeriodDefinitionNode, SpanWindowNode } from './ast';
import { daysInMonth } from '../time/calendar-date';

export type PeriodMeaning =
  | { kind: 'successive'; months: number; defined: PeriodDefinitionNode | null }
  | { kind: 'window'; window: SpanWindowNode | DateRangeWindowNode | ByDateWindowNode; defined: PeriodDefinitionNode }
  /** Periods of the calendar ("each semi-annual period ending on June 30 or December 31"): `window` tests each on its own. */
  | { kind: 'calendar'; window: CalendarPeriodWindowNode; defined: PeriodDefinitionNode }
  /** Consecutive periods of `n` units from a dated event ("each consecutive fourteen-day period beginning on the Commencement Date"). */
  | { kind: 'from-date'; n: number; unit: 'day' | 'month' | 'year'; start: string; event: string; defined: PeriodDefinitionNode };

const PERIODS_PER_YEAR: Readonly<Record<CalendarPeriodsNode['unit'], number>> = { 'half-year': 2, quarter: 4 };

/**
 * The year start ("MM-DD") that makes `ends` the last days of the calendar periods of `unit`, or null
 * when they are not: each end is a month's last day (February's 28th), and the ends are the periods'
 * months apart, one per period of the year, none twice.
 */
export function calendarPeriodsYearStart(meaning: CalendarPeriodsNode): string | null {
  const count = PERIODS_PER_YEAR[meaning.unit];
  const months: number[] = [];
  for (const end of meaning.ends) {
    const m = /^(\d{2})-(\d{2})$/.exec(end);
    if (!m) return null;
    const month = Number(m[1]);
    if (month < 1 || month > 12 || Number(m[2]) !== daysInMonth(2025, month)) return null;
    months.push(month);
  }
  if (months.length !== count) return null;
  const sorted = [...months].sort((a, b) => a - b);
  const step = 12 / count;
  if (sorted.some((month, i) => month !== sorted[0] + i * step)) return null;
  // The year starts the day after the last end of the year: after December 31, January 1.
  const last = sorted[sorted.length - 1];
  return `${String((last % 12) + 1).padStart(2, '0')}-01`;
}

/** A term compared as the reader compares it: case and spacing aside. */
export const termKey = (term: string): string => term.toLowerCase().replace(/\s+/g, ' ').trim();

const DEFAULT_MONTHS: Readonly<Record<string, number>> = { 'contract year': 12 };

/** Months of a successive-periods definition's periods; null for days (not a contract period). */
export function successiveMonths(n: number, unit: 'day' | 'month' | 'year'): number | null {
  if (unit === 'day') return null;
  return unit === 'year' ? n * 12 : n;
}

/**
 * The document's definitions of periods (not its fiscal-year statements): the definition sentences, then the definitions
 * written in brackets in a period opening ("For each Fortnight (each consecutive fourteen-day period …),"), which mean
 * exactly what the same sentence would.
 */
export function periodDefinitions(document: DocumentNode): PeriodDefinitionNode[] {
  const sentences = (document.definitions ?? []).filter((d): d is PeriodDefinitionNode => d.kind === 'period-definition');
  const inline = document.clauses.flatMap((c) => (c.opening?.kind === 'period-opening' && c.opening.definition ? [c.opening.definition] : []));
  return inline.length === 0 ? sentences : [...sentences, ...inline];
}

/** The first definition of each term in `document`, by `termKey`. */
export function definitionsOf(document: DocumentNode): Map<string, PeriodDefinitionNode> {
  const out = new Map<string, PeriodDefinitionNode>();
  for (const d of periodDefinitions(document)) if (!out.has(termKey(d.term))) out.set(termKey(d.term), d);
  return out;
}

/** What `term` means in `document`, or null when the text does not define it and it has no default reading. */
export function periodMeaning(term: string, definitions: ReadonlyMap<string, PeriodDefinitionNode>): PeriodMeaning | null {
  const defined = definitions.get(termKey(term));
  if (defined) {
    const meaning = defined.meaning;
    if (meaning.kind === 'calendar-periods') {
      const yearStart = calendarPeriodsYearStart(meaning);
      if (yearStart === null) return null;
      const window: CalendarPeriodWindowNode = { kind: 'calendar-period', unit: meaning.unit, yearStart, selection: { kind: 'each' }, written: 'in a', range: meaning.range };
      return { kind: 'calendar', window, defined };
    }
    // Dated from its event by src/language/event-periods.ts before any window is: unresolved here, it has no dates.
    if (meaning.kind === 'quarters-after-event' || meaning.kind === 'full-months-after-event') return null;
    if (meaning.kind === 'periods-from-event') {
      if (meaning.start.kind !== 'date' || !Number.isSafeInteger(meaning.n) || meaning.n < 1) return null;
      return { kind: 'from-date', n: meaning.n, unit: meaning.unit, start: meaning.start.date, event: meaning.start.event, defined };
    }
    if (meaning.kind !== 'successive-periods') return { kind: 'window', window: meaning, defined };
    const months = successiveMonths(meaning.n, meaning.unit);
    return months === null || !Number.isSafeInteger(months) || months < 1 ? null : { kind: 'successive', months, defined };
  }
  const months = DEFAULT_MONTHS[termKey(term)];
  return months === undefined ? null : { kind: 'successive', months, defined: null };
}

/** The definition the text would need for a default reading, as the text would write it. */
export function defaultDefinitionText(term: string, months: number): string {
  return `"${term}" means each ${months} month period beginning on the Effective Date or an anniversary of it.`;
}
