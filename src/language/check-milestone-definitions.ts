/**
 * Milestones defined in sentences of their own ('"Milestone 1" means the first achievement of … during the Calendar
 * Year ending on December 31, 2026. … Upon the achievement of Milestone 1, Parent shall pay $250,000, …'): the
 * period named by its last day must end on that day, and every payment of the sentence is made by one payer.
 * Which definition a payment names is checked with every label reference (`unknown-milestone-reference`).
 */
import type { ClauseNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';

export function checkMilestoneDefinitions(clause: ClauseNode, out: Diagnostic[]): void {
  for (const m of clause.milestones) {
    const w = m.window;
    if (w.kind !== 'calendar-period' || w.endsOn === undefined || w.selection.kind !== 'named') continue;
    const last = `${String(w.selection.year).padStart(4, '0')}-12-31`;
    if (w.unit !== 'year' || w.yearStart !== '01-01' || w.endsOn !== last) {
      out.push(diagnostic(
        'period-end-mismatch',
        w.range,
        `A calendar year ends on December 31, but this one is named by ${w.endsOn}: neither the year that ends on December 31 nor a year ending on ${w.endsOn} is taken.`,
        { suggestion: `write 'during the Calendar Year ending on December 31, ${w.selection.year}', or name the period another way ('the twelve (12) month period commencing …')` },
      ));
    }
  }
}
