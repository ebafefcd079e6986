/**
 * A target written as a share of a quota ("90% of the Annual Quota of $500,000") on the SQL path: the share is
 * already the milestone's target when the clause is read, so the query tests it like any other; only the note that
 * states the reading is added, in the evaluator's words.
 */
import type { MilestoneNode } from '../language/ast';
import { Dec, decimalString } from '../values/money';
import type { Notes } from '../evaluation/notes';

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

/** The evaluator's note for a target that is a share of a quota (src/evaluation/evaluation.ts writes the same words). */
export function quotaNote(name: string, m: MilestoneNode, target: string, notes: Notes): void {
  const q = m.quota;
  if (!q) return;
  notes.add(`${name}: the target is ${q.percent}% of ${q.owner ? `the ${q.owner.name}'s ` : 'the '}${q.name} of ${decimalString(new Dec(q.amount.amount))} ${q.amount.currency} as the text states it: ${decimalString(new Dec(target))}`);
}
