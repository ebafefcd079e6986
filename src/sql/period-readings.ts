/**
 * Which windows the SQL query is asked about, read exactly as the in-memory evaluator reads them
 * (src/evaluation/evaluation.ts): a period opening gives its window to the conditions that write none,
 * fiscal periods are dated, periods counted from a dated event and defined calendar periods become the
 * windows they stand for; a metric's period word ("annual Net Sales") gives a window when none is
 * written; a start opening ("Commencing February 15, 2026,") cuts every window of its clause. The
 * document and the notes that state those readings are the evaluator's own (readPeriods, documentReadings).
 */
import type { ClauseNode, DocumentNode, MilestoneNode, WindowNode } from '../language/ast';
import { resolveOpenings, startDate } from '../language/openings';
import { resolveEventPeriods } from '../language/event-periods';
import { resolveDefinedCalendarPeriods } from '../language/defined-calendar-periods';
import { periodWordNote, periodWordReading } from '../language/period-word';
import { windowOf } from '../evaluation/plan';
import { readPeriods } from '../evaluation/document-readings';
import { dayNumber, parseIsoDate } from '../time/calendar-date';

export type ResolvedDocument =
  | { ok: true; document: DocumentNode; openingNotes: string[]; periodNotes: string[] }
  | { ok: false; code: 'fiscal-year-start-unknown' | 'fiscal-year-start-conflict' | 'invalid-context'; message: string };

/** The document as the evaluator evaluates it, and the notes on how its periods were read (the evaluator's readPeriods). */
export function resolvePeriods(written: DocumentNode, fiscalYearStart: string | undefined): ResolvedDocument {
  const read = readPeriods(written, fiscalYearStart);
  if (read.fiscalError) return { ok: false, ...read.fiscalError };
  return { ok: true, document: read.document, openingNotes: read.openingNotes, periodNotes: read.periodNotes };
}

/**
 * The document with its openings, event periods and defined calendar periods read (fiscal periods need the context's
 * year start, and change no field the SQL path checks), for checking what the SQL path supports; the document as
 * written when the text leaves an event undated (the checker's error), so that its periods are refused by name.
 */
export function readPeriodsForCheck(written: DocumentNode): DocumentNode {
  try {
    return resolveDefinedCalendarPeriods(resolveEventPeriods(resolveOpenings(written).document).document).document;
  } catch {
    return written;
  }
}

/** The window a milestone is evaluated in, whether it comes from the metric's period word alone, and that reading in words. */
export interface EvaluatedWindow {
  window: WindowNode;
  /** Met in the first period whose own total passes; the periods that fall short before it are neither missed nor reported. */
  firstAchievement: boolean;
  periodWordNote: string | null;
}

export function evaluatedWindow(m: MilestoneNode, document: DocumentNode): EvaluatedWindow {
  const { window, firstAchievement } = windowOf(m, document);
  return { window, firstAchievement, periodWordNote: periodWordNote(periodWordReading(m, document)) };
}

/**
 * What a clause's start opening lets count (src/evaluation/plan.ts): no day before its date, and no window ending before it.
 * `firstCounted` is the first counted local day (at least the effective date E).
 */
export function startCut(clause: ClauseNode, eDay: number): { firstCounted: number; tested: (endDay: number) => boolean } {
  const start = startDate(clause);
  const parsed = start === null ? null : parseIsoDate(start);
  const firstCounted = parsed === null ? eDay : Math.max(eDay, dayNumber(parsed));
  return { firstCounted, tested: (endDay) => start === null || endDay > firstCounted };
}
