/** A minimum or quota judged on a partial first calendar period: warned, since it may be meant prorated. */
import type { WindowInstance } from '../time/window-instance';
import type { EvaluationDiagnostic, MilestoneResult } from './report';
import type { Notes } from './notes';

/**
 * A minimum or quota written for a whole calendar period, judged on a first period that began before
 * the effective date: the full figure on the part in force is one reading, a figure prorated to that
 * part (or no test for it) another, and the text does not say. The full figure is applied, as written.
 */
export function partialPeriodMinimum(name: string, w: WindowInstance, result: MilestoneResult, what: 'minimum' | 'quota', diagnostics: EvaluationDiagnostic[], notes: Notes): void {
  if (!w.partialFrom) return;
  const text =
    `${name}: the period ${w.partialFrom} to ${w.deadline} began before the effective date, so only ${w.windowStart} to ${w.deadline} counts, and it is ` +
    `judged against the full ${what} of ${result.target} as written; agreements often prorate a first partial period's ${what} (or do not test it), ` +
    `and the text does not say. To prorate or skip it, state the first period's ${what} in the text; the full ${what} is applied here`;
  diagnostics.push({ code: 'partial-period-minimum', severity: 'warning', label: result.label, message: text });
  notes.add(text);
}
