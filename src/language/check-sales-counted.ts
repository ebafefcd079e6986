/**
 * Checks of an amount's intro that names the sales it is on ("a commission on all sales completed by the Sales
 * Representative within the Territory of …"): no ledger column says who completed a sale or where, so every row is
 * counted, and a warning says so (like any scope written with the metric).
 */
import type { ClauseNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { paymentParts } from './payment-parts';

export function checkSalesCounted(clause: ClauseNode, out: Diagnostic[]): void {
  for (const m of clause.milestones) {
    const base = m.payment ? paymentParts(m.payment).base : null;
    const intro = base && 'intro' in base && typeof base.intro === 'object' ? base.intro : null;
    const counted = intro?.salesCounted;
    if (!counted || !base) continue;
    const words = `on all sales completed by the ${counted.by}${counted.within !== undefined ? ` within the ${counted.within}` : ''}`;
    out.push(
      diagnostic(
        'scope-not-applied',
        base.range,
        `The scope '${words}' is not applied to the ledger: every row is counted, as if the ledger held only those sales. Give a ledger of the sales in that scope (the party's sales, the territory), or check the result against it.`,
      ),
    );
  }
}
