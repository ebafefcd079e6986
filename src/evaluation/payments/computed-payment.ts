/**
 * What a computed payment (a rate on the excess, tiers, an amount per increment) is counted on:
 * the basis of its sales and its threshold.
 */
import type { PerIncrementPaymentNode, RateOnExcessPaymentNode, SalesBasis, TieredPaymentNode } from '../../language/ast';
import { assertNever } from '../../language/ast';
import { Dec } from '../../values/money';

export type FormulaPayment = RateOnExcessPaymentNode | TieredPaymentNode | PerIncrementPaymentNode;

/** Gross or net as the payment says (for tiers, the first band that says); null when it does not. */
export function computedBasis(payment: FormulaPayment): SalesBasis {
  switch (payment.kind) {
    case 'rate-on-excess':
    case 'per-increment':
      return payment.basis;
    case 'tiered':
      return payment.bands.find((b) => b.basis !== null)?.basis ?? null;
    default:
      return assertNever(payment);
  }
}

/** The threshold as an amount: the one written, or the milestone's target for "the target". */
export function computedThreshold(payment: FormulaPayment, target: Dec): Dec | null {
  switch (payment.kind) {
    case 'rate-on-excess':
      return payment.threshold.kind === 'money' ? new Dec(payment.threshold.amount) : target;
    case 'per-increment':
      return payment.threshold ? new Dec(payment.threshold.amount) : null;
    case 'tiered':
      return null;
    default:
      return assertNever(payment);
  }
}
