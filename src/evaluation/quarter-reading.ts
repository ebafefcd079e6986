/**
 * "in the second quarter" (or "in quarter 2") is read as the second contract quarter, three months counted from the
 * effective date; a reader may take it for the calendar's second quarter (April to June). The two are the same
 * period only when the contract starts on January 1 (then contract quarter n is calendar Qn of that year), and a
 * fifth or later quarter is a contract quarter only. Otherwise both engines give one warning per quarter named,
 * naming both readings and how to write the calendar one; the contract quarter's dates are in the notes.
 */
import type { DocumentNode } from '../language/ast';
import { ordinalWord } from '../language/describe';
import { formatIsoDate, type CalendarDate } from '../time/calendar-date';
import type { EvaluationDiagnostic } from './report';

const CALENDAR = ['January to March', 'April to June', 'July to September', 'October to December'];

export function quarterReadingWarnings(document: DocumentNode, effective: CalendarDate): EvaluationDiagnostic[] {
  if (effective.month === 1 && effective.day === 1) return [];
  const seen = new Set<number>();
  const out: EvaluationDiagnostic[] = [];
  for (const clause of document.clauses) {
    for (const m of clause.milestones) {
      const w = m.window;
      if (w.kind !== 'period' || w.unit !== 'quarter' || w.n > 4 || seen.has(w.n)) continue;
      seen.add(w.n);
      // The first calendar Qn that ends on or after the effective date.
      const endMonth = w.n * 3;
      const year = effective.month > endMonth ? effective.year + 1 : effective.year;
      const nth = ordinalWord(w.n);
      out.push({
        code: 'contract-quarter-reading',
        severity: 'warning',
        message:
          `'the ${nth} quarter' is read as the ${nth} contract quarter, three months counted from the effective date ${formatIsoDate(effective)} (its dates are in the notes), ` +
          `not the calendar's ${nth} quarter (${CALENDAR[w.n - 1]}): the two differ because the contract does not start on January 1. ` +
          `For the calendar quarter write 'in Q${w.n} ${year}'; the contract quarter is the reading taken`,
      });
    }
  }
  return out;
}
