/**
 * Checks of a returns sentence ("Any product returns shall be deducted from the Sales Representative's commission in the
 * quarter during which the return occurs."): a refund counts in the period of its own date, which is how both engines
 * count refund rows. The period it names must be the one the amount is counted in, and the amount must count refunds at all
 * (a net metric); otherwise the sentence says something the figures would not show, and it is an error, not a guess.
 */
import type { ClauseNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { windowPeriod } from './check-measured';

export function checkReturns(clause: ClauseNode, out: Diagnostic[]): void {
  const r = clause.returns;
  if (!r) return;
  const named = `${r.calendar ? 'calendar ' : ''}${r.unit}`;
  for (const m of clause.milestones) {
    const period = windowPeriod(m.window);
    if (period === null || period.unit !== r.unit || (r.calendar && !period.calendar)) {
      out.push(
        diagnostic(
          'measure-window-mismatch',
          r.range,
          `The returns sentence names each ${named}, but the amount is ${period ? `counted in each ${period.calendar ? 'calendar ' : ''}${period.unit}` : 'not counted in recurring periods'}: write the amount's period ("in the ${period ? period.unit : 'quarter'} during which the return occurs").`,
        ),
      );
      continue;
    }
    if (m.target.kind !== 'revenue' || m.target.basis !== 'net') {
      out.push(
        diagnostic(
          'unsupported-construct',
          r.range,
          `A returns sentence on an amount counted on ${m.target.kind === 'revenue' ? 'gross sales (refunds not deducted)' : 'something other than sales'} is not read: the figures would not deduct the returns it states. Count the amount on a net metric ("Net Sales").`,
        ),
      );
    }
  }
}
