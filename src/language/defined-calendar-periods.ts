/**
 * Defined periods that are periods of the calendar ('"Royalty Period" means each semi-annual period
 * ending on June 30 or December 31'): a window "in a Royalty Period" is then the calendar-period
 * window of those periods, tested on each period's own total like "in each calendar half-year". It is
 * put in place before any date is computed, so every later pass reads one kind of calendar window.
 */
import type { ClauseNode, DocumentNode, MilestoneNode } from './ast';
import { definitionsOf, periodMeaning } from './period-definitions';
import { calendarUnitName } from '../time/calendar-windows';

/** `document` with each window on a calendar-defined period replaced by its calendar window, and notes that say so. */
export function resolveDefinedCalendarPeriods(document: DocumentNode): { document: DocumentNode; notes: string[] } {
  const definitions = definitionsOf(document);
  const notes = new Set<string>();
  const milestone = (m: MilestoneNode): MilestoneNode => {
    const w = m.window;
    if (w.kind !== 'defined-period' || w.which !== 'each') return m;
    const meaning = periodMeaning(w.term, definitions);
    if (meaning === null || meaning.kind !== 'calendar') return m;
    const written = meaning.defined.meaning.kind === 'calendar-periods' ? meaning.defined.meaning.ends.join(', ') : '';
    notes.add(
      `'${w.term}' as the text defines it: each ${calendarUnitName(meaning.window.unit, meaning.window.yearStart)} (periods ending on ${written}, month-day), ` +
        "each tested on its own total in the contract's zone",
    );
    return { ...m, window: { ...meaning.window, range: w.range } };
  };
  if (!document.clauses.some((c) => c.milestones.some((m) => m.window.kind === 'defined-period'))) return { document, notes: [] };
  const clause = (c: ClauseNode): ClauseNode => ({ ...c, milestones: c.milestones.map(milestone) });
  const resolved = { ...document, clauses: document.clauses.map(clause) };
  return { document: resolved, notes: [...notes] };
}
