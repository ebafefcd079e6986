/**
 * A payment's parts: what it pays (the base payment), its cap and floor, and when it falls due. A
 * payment is written as a base payment, optionally bounded (`limited`), optionally timed (`timed`).
 */
import type { DueNode, LimitedPaymentNode, PaymentNode, UnlimitedPaymentNode } from './ast';

export interface PaymentParts {
  base: UnlimitedPaymentNode;
  limited: LimitedPaymentNode | null;
  due: DueNode | null;
}

export function paymentParts(p: PaymentNode): PaymentParts {
  const due = p.kind === 'timed' ? p.due : null;
  const bounded = p.kind === 'timed' ? p.payment : p;
  const limited = bounded.kind === 'limited' ? bounded : null;
  return { base: limited ? limited.payment : (bounded as UnlimitedPaymentNode), limited, due };
}
