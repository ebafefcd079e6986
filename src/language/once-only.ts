/**
 * Once-only words: a milestone's own `once` node (a sentence such as "paid only once"), or a word
 * among its payment's qualifiers ("a one-time, non-refundable payment of …"). A recurring milestone
 * with one is paid for its first met period only.
 */
import type { MilestoneNode, OnceOnlyNode, PaymentNode } from './ast';

/** Qualifier words that say a payment is made once. */
export const ONCE_ONLY_WORDS: ReadonlySet<string> = new Set(['one-time', 'onetime', 'non-refundable', 'nonrefundable', 'single']);

/** The qualifiers of the fixed payment, also inside a timed or limited one. */
function qualifiersOf(payment: PaymentNode): string[] {
  switch (payment.kind) {
    case 'fixed':
      return payment.qualifiers ?? [];
    case 'timed':
    case 'limited':
      return qualifiersOf(payment.payment);
    default:
      return [];
  }
}

/** What says the milestone is paid once (the first such word), or null. */
export function onceOnly(m: MilestoneNode): OnceOnlyNode | null {
  if (m.once) return m.once;
  if (!m.payment) return null;
  const word = qualifiersOf(m.payment).find((q) => ONCE_ONLY_WORDS.has(q.toLowerCase()));
  return word === undefined ? null : { kind: 'once-only', words: word.toLowerCase(), range: m.payment.range };
}
