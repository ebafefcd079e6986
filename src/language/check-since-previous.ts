/**
 * "… of the gross sales revenue since the previous milestone": the rate is on the sales after the
 * previous milestone's window, which has a meaning only when both milestones count running totals
 * from the effective date to a deadline (then the windows nest, and each sale falls after exactly one
 * earlier deadline). A milestone counted per period, or one without a deadline before it, leaves the
 * start of "since" undefined: an error, never a guessed start.
 */
import type { ClauseNode, MilestoneNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { paymentFor, windowType } from './describe';
import { paymentParts } from './payment-parts';

/** A running total from the effective date to a deadline the clause states. */
function hasDeadline(m: MilestoneNode): boolean {
  return windowType(m.window) === 'cumulative' && m.window.kind !== 'open' && m.window.kind !== 'term';
}

const nameOf = (m: MilestoneNode, index: number): string => (m.label ? `milestone (${m.label})` : `milestone ${index + 1}`);

export function checkSincePrevious(clause: ClauseNode, out: Diagnostic[]): void {
  clause.milestones.forEach((m, index) => {
    const applies = paymentFor(m, clause);
    const payment = applies ? paymentParts(applies.payment).base : null;
    if (payment?.kind !== 'rate' || !payment.since) return;
    const previous = index > 0 ? clause.milestones[index - 1] : null;
    const unclear = !hasDeadline(m) ? m : previous && !hasDeadline(previous) ? previous : null;
    if (!unclear) return;
    const which = unclear === m ? nameOf(m, index) : `the previous milestone, ${nameOf(unclear, index - 1)},`;
    out.push(
      diagnostic(
        'since-previous-window',
        payment.since.range,
        `'since the previous milestone' counts the sales after the previous milestone's deadline, which needs running totals from the effective date to a stated deadline; ${which} is not counted that way, so where it starts counting is undefined. ` +
          `Give each milestone a deadline ('by the end of month 6', 'by December 31, 2026'), or state the period each rate is on ('in the second quarter').`,
        { suggestion: "give each milestone a deadline ('by the end of month 6'), or drop 'since the previous milestone' and give each milestone its own period" },
      ),
    );
  });
}
