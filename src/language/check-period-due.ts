/**
 * A due sentence ("Commission payments shall be paid within thirty (30) days following the end of each calendar quarter.")
 * left on the clause after the parse (src/language/period-due.ts): it follows a condition, or an amount that states its
 * own due date, so which period's end it counts from, or which of two dates holds, is not stated. An error, not a guess.
 */
import type { ClauseNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';

export function checkPeriodDue(clause: ClauseNode, out: Diagnostic[]): void {
  const due = clause.periodDue;
  if (!due) return;
  const timed = clause.milestones.some((m) => m.payment?.kind === 'timed');
  out.push(
    diagnostic(
      'unsupported-construct',
      due.range,
      timed
        ? 'This due sentence follows an amount that states its own due date: the two dates are not read together. Keep one of them.'
        : 'This due sentence ("… within N days following the end of each calendar quarter") is read only after an amount counted in each period with no condition (such as "five percent (5%) of Net Sales in each calendar quarter"): after a condition, which period\'s end it counts from is not stated.',
      { suggestion: 'write the due date after the amount: ", within thirty (30) days after the end of such calendar quarter"' },
    ),
  );
}
