/**
 * A due sentence after a computed amount ("Commission payments shall be paid within thirty (30) days following the end of
 * each calendar quarter."): each amount falls due that long after the end of its period, as with ", within thirty (30)
 * days after the end of such calendar quarter" written after the amount. Applied after the parse where every milestone is
 * an amount counted in its own periods (no condition) with no due date of its own; otherwise the sentence stays on the
 * clause (`periodDue`) and the checker refuses it (check-period-due.ts), never a nearby reading.
 */
import type { ClauseNode, TimedPaymentNode } from './ast';

export function resolvePeriodDue(clause: ClauseNode): ClauseNode {
  const due = clause.periodDue;
  if (!due) return clause;
  const applies = clause.milestones.length > 0 && clause.milestones.every((m) => m.condition === 'payment' && m.payment !== null && m.payment.kind !== 'timed');
  if (!applies) return clause;
  const { periodDue: _due, ...rest } = clause;
  const milestones = clause.milestones.map((m) => {
    const payment = m.payment as Exclude<NonNullable<typeof m.payment>, TimedPaymentNode>;
    return { ...m, payment: { kind: 'timed', payment, due, range: payment.range } as TimedPaymentNode };
  });
  return { ...rest, milestones };
}
