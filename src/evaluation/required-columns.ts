/**
 * The ledger columns a clause cannot be evaluated without: `date` always, `units` for unit
 * milestones, `amount` for every other metric (revenue, deals, new customers).
 */
import type { DocumentNode } from '../language/ast';
import { metricOf } from '../language/describe';
import type { LedgerColumn } from '../ledger/rows';

export function requiredColumns(ast: DocumentNode): LedgerColumn[] {
  const required = new Set<LedgerColumn>(['date']);
  for (const clause of ast.clauses) {
    for (const milestone of clause.milestones) required.add(metricOf(milestone.target) === 'units' ? 'units' : 'amount');
  }
  return [...required];
}
