/**
 * Checks of a clawback sentence ("Commissions paid on sales later refunded shall be offset against future
 * commissions."): refunds undo a payment only where they count. A milestone or rate on gross sales, units, deals
 * or new customers does not deduct refunds, so nothing would be owed back: a warning saying so and how to write
 * a net metric. A compound condition with a clawback is not read (an error, not a nearby reading).
 */
import type { ClauseNode, MilestoneNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { paymentParts } from './payment-parts';

function countsRefunds(m: MilestoneNode): boolean {
  return m.target.kind === 'revenue' && m.target.basis === 'net';
}

export function checkClawback(clause: ClauseNode, out: Diagnostic[]): void {
  const node = clause.clawback;
  if (!node) return;
  for (const m of clause.milestones) {
    if (m.compound) {
      out.push(diagnostic('unsupported-construct', node.range, 'A clawback sentence after a condition of several parts is not read: which part a refund undoes is not stated.'));
      continue;
    }
    const base = m.payment ? paymentParts(m.payment).base : null;
    const grossRate = base?.kind === 'rate' && base.basis !== 'net';
    if (!countsRefunds(m) || grossRate) {
      out.push(
        diagnostic(
          'clawback-not-applied',
          node.range,
          `The ${grossRate ? 'rate is computed on' : 'milestone counts'} ${m.target.kind === 'revenue' ? 'gross sales (refunds not deducted)' : m.target.kind === 'units' ? 'units sold' : m.target.kind === 'deals' ? 'deals' : 'new customers'}, so a refund never undoes a payment and nothing is owed back under this sentence.`,
          { suggestion: "measure the milestone and the rate in net terms ('Net Sales') for refunds to count" },
        ),
      );
    }
  }
}
