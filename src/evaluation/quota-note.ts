/**
 * The note for a target written as a share of a quota ("90% of the Annual Quota of $500,000"): the share is the
 * milestone's target once the clause is read, and the note states where it came from. Both engines write it from here.
 */
import type { QuotaNode } from '../language/ast';
import { Dec, decimalString } from '../values/money';

export function quotaNote(name: string, q: QuotaNode, target: Dec): string {
  return `${name}: the target is ${q.percent}% of ${q.owner ? `the ${q.owner.name}'s ` : 'the '}${q.name} of ${decimalString(new Dec(q.amount.amount))} ${q.amount.currency} as the text states it: ${decimalString(target)}`;
}
