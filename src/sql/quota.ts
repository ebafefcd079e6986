/**
 * A target written as a share of a quota ("90% of the Annual Quota of $500,000") on the SQL path: the share is
 * already the milestone's target when the clause is read, so the query tests it like any other; only the note that
 * states the reading is added, by the evaluator's own quotaNote.
 */
import type { MilestoneNode } from '../language/ast';

/** The quota node's fields: all of them only state where the target came from. */
export const QUOTA_FIELDS: Readonly<Record<string, readonly string[]>> = {
  quota: ['kind', 'percent', 'name', 'owner', 'amount', 'range'],
};

export function checkQuota(m: MilestoneNode, requireKnown: (node: object, role: string) => void): void {
  if (!m.quota) return;
  requireKnown(m.quota, 'quota');
  requireKnown(m.quota.amount, 'amount');
  if (m.quota.owner) requireKnown(m.quota.owner, 'party');
}
