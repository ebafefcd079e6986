/**
 * Where a rate "on the sales revenue since the previous milestone" starts counting: the day after the
 * previous milestone's window (its deadline), whether or not that milestone was met, so that each sale
 * earns the rate once — under the first milestone whose window it falls in. Counting from the previous
 * milestone's crossing day instead would pay the sales between that crossing and its deadline twice.
 */
import type { ClauseNode, MilestoneNode } from '../language/ast';
import { paymentFor } from '../language/describe';
import { paymentParts } from '../language/payment-parts';
import type { WindowInstance } from '../time/window-instance';
import type { EvaluationDiagnostic } from './report';

export interface SinceStart {
  /** The first evaluated day index (relative to E) the rate counts. */
  from: number;
  /** The previous milestone, as the notes name it. */
  previous: string;
  /** Its deadline, `YYYY-MM-DD` (the last day of its window). */
  deadline: string;
}

/** The start for `milestone` when its payment is such a rate and the milestone before it has a window; else undefined. */
export function sincePreviousStart(
  clause: ClauseNode,
  milestone: MilestoneNode,
  previous: { milestone: MilestoneNode; instances: ReadonlyArray<{ window: WindowInstance }> } | undefined,
  firstDay: number,
): SinceStart | undefined {
  if (!writesSince(clause)) return undefined;
  const applies = paymentFor(milestone, clause);
  const payment = applies ? paymentParts(applies.payment).base : null;
  if (payment?.kind !== 'rate' || !payment.since) return undefined;
  const index = clause.milestones.indexOf(milestone);
  if (index < 1 || !previous || previous.milestone !== clause.milestones[index - 1]) return undefined;
  const window = previous.instances[0]?.window;
  if (!window) return undefined;
  const m = previous.milestone;
  return { from: window.endDay - firstDay, previous: m.label ? `milestone (${m.label})` : `milestone ${index}`, deadline: window.deadline };
}

/** Whether any payment of the clause is a rate "since the previous milestone" (a scan of its payments, not a lookup per milestone). */
function writesSince(clause: ClauseNode): boolean {
  const payments = [...clause.milestones.map((m) => m.payment), ...clause.payments.map((t) => t.payment)];
  return payments.some((p) => {
    const base = p ? paymentParts(p).base : null;
    return base?.kind === 'rate' && base.since !== undefined;
  });
}

/** A previous milestone whose deadline is not earlier leaves no sales "since" it: the amount is 0.00, never silently. */
export function sinceOrderWarning(since: SinceStart, window: WindowInstance, name: string, label: string | null): EvaluationDiagnostic | null {
  if (since.deadline < window.deadline) return null;
  return {
    code: 'since-previous-order',
    severity: 'warning',
    label,
    message: `${name}: its rate counts the sales since ${since.previous}, whose deadline ${since.deadline} is not before its own (${window.deadline}), so no sales fall after it and the amount is 0.00; list the milestones in the order of their deadlines`,
  };
}
