/**
 * What a computed payment (a rate on the excess, tiers, an amount per increment) is counted on:
 * the basis of its sales and its threshold.
 */
import type { ChosenRatePaymentNode, PerIncrementPaymentNode, RateOnExcessPaymentNode, SalesBasis, TieredPaymentNode, UnlimitedPaymentNode } from '../../language/ast';
import type { Metric } from '../../language/describe';
import { assertNever } from '../../language/ast';
import { Dec } from '../../values/money';

export type FormulaPayment = RateOnExcessPaymentNode | TieredPaymentNode | PerIncrementPaymentNode | ChosenRatePaymentNode;

/** Gross or net as the payment says (for tiers, the first band that says); null when it does not. */
export function computedBasis(payment: FormulaPayment): SalesBasis {
  switch (payment.kind) {
    case 'rate-on-excess':
    case 'per-increment':
      return payment.basis;
    case 'tiered':
      return payment.bands.find((b) => b.basis !== null)?.basis ?? null;
    case 'chosen-rate':
      return payment.measure.basis;
    default:
      return assertNever(payment);
  }
}

/**
 * The threshold as an amount: the one written, the milestone's target for "the target", or `prior`, the total of the
 * same quarter a year before, for a rate on the growth over it (the caller sums it; it must be given then).
 */
export function computedThreshold(payment: FormulaPayment, target: Dec, prior: Dec | null = null): Dec | null {
  switch (payment.kind) {
    case 'rate-on-excess':
      switch (payment.threshold.kind) {
        case 'money':
          return new Dec(payment.threshold.amount);
        case 'target-reference':
          return target;
        case 'prior-period':
          if (prior === null) throw new Error("a rate on the growth over the year before needs the prior quarter's total");
          return prior;
        default:
          return assertNever(payment.threshold);
      }
    case 'per-increment':
      return payment.threshold ? new Dec(payment.threshold.amount) : null;
    case 'tiered':
      return null;
    case 'chosen-rate':
      return new Dec(payment.threshold.amount);
    default:
      return assertNever(payment);
  }
}

/**
 * The metric whose window total a payment is computed on: net revenue when the payment says net, else
 * gross revenue (an unqualified "sales revenue" reads as gross, like the clause's own revenue); null for a
 * payment not computed from sales (a fixed amount, a section reference). The evaluator sums this metric's
 * series (metrics.ts) for the obligation, and a chart draws the same one.
 */
export function paymentBaseMetric(payment: UnlimitedPaymentNode): Metric | null {
  switch (payment.kind) {
    case 'fixed':
    case 'section':
    case 'unstated':
    case 'shortfall': // the minimum less the period's total of the milestone's own metric, not a share of sales
    case 'attainment': // a band of the table by the milestone's own total over its quota, not a share of sales
    case 'each-increment': // increments of the milestone's own metric, not a share of sales
      return null;
    case 'rate':
      return payment.basis === 'net' ? 'net-revenue' : 'gross-revenue';
    case 'rate-on-excess':
    case 'tiered':
    case 'per-increment':
    case 'chosen-rate':
      return computedBasis(payment) === 'net' ? 'net-revenue' : 'gross-revenue';
    default:
      return assertNever(payment);
  }
}
