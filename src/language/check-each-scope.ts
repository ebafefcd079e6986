/**
 * "the aggregate Net Sales of each Product": the amount is counted on each item's sales on its own (tiers filled
 * per Product), but no ledger column says which item a row is of. The evaluation reads every row as one item's
 * sales, which is the clause's reading only when the ledger holds one item's; the warning says so and how to
 * evaluate several.
 */
import type { ClauseNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';

const EACH = /(?:^| )of each ([A-Za-z][A-Za-z' -]*?)(?= (?:of|in|from|by|received|to) |$)/;

export function checkEachScope(clause: ClauseNode, out: Diagnostic[]): void {
  for (const m of clause.milestones) {
    const t = m.target;
    if (t.kind !== 'revenue' || t.scope === undefined) continue;
    const each = EACH.exec(t.scope);
    if (!each) continue;
    const item = each[1];
    out.push(
      diagnostic(
        'each-item-not-split',
        t.range,
        `'of each ${item}' counts each ${item}'s ${t.term ?? 'sales'} on its own, but the ledger says no ${item} per row: every row is read as the sales of one ${item}. ` +
          `That is the clause's reading only for a ledger of one ${item}'s sales; for several, evaluate each ${item}'s rows on their own (one ledger per ${item}).`,
      ),
    );
  }
}
