/**
 * What the party that missed a minimum owes once the period is over: the shortfall is the minimum
 * less the period's total, never below zero (a total above the minimum owes nothing, and credits
 * nothing); the payment is `percent` of it (all of it when the clause gives no percentage), and a
 * shortfall of units is priced at the price per unit the clause states. Pure: exact decimals in,
 * the amount rounded once, half-up, to the currency's minor digits.
 */
import type { ShortfallPaymentNode } from '../../language/ast';
import { Dec, moneyString, roundMoney } from '../../values/money';
import { decimalString } from '../../values/money';
import { amountString, figure } from './calculation';

/** The calculation as data: figures as decimal strings, the rate as a fraction ("0.2" for 20%). */
export interface ShortfallCalculation {
  kind: 'shortfall';
  minimum: string;
  total: string;
  shortfall: string;
  /** The share of the shortfall paid, as a fraction; "1" when the clause pays all of it. */
  rate: string;
  /** The price per unit of a count shortfall, or null for an amount of money. */
  unitPrice: string | null;
  amount: string;
}

export interface ShortfallResult {
  calculation: ShortfallCalculation;
  /** One line of words with the figures: "20% × ($500,000.00 − $420,000.00) = $16,000.00". */
  text: string;
  amount: Dec;
}

const zero = new Dec(0);

/** max(0, minimum − total): the law every shortfall obeys. */
export function shortfallOf(minimum: Dec, total: Dec): Dec {
  const gap = minimum.minus(total);
  return gap.isNegative() ? zero : gap;
}

/**
 * `minimum` and `total` are money for a revenue minimum, counts for a units minimum (then the
 * payment has a unit price, which the checker requires). `currency` is the minimum's, or the price's.
 */
export function calculateShortfall(payment: ShortfallPaymentNode, minimum: Dec, total: Dec, currency: string): ShortfallResult {
  const gap = shortfallOf(minimum, total);
  const rate = payment.percent === null ? new Dec(1) : new Dec(payment.percent).dividedBy(100);
  const price = payment.unitPrice === null ? null : new Dec(payment.unitPrice.amount);
  const exact = gap.times(rate).times(price ?? 1);
  const amount = roundMoney(exact, currency);
  const quantity = (d: Dec): string => (price === null ? figure(d, currency) : decimalString(d));
  const difference = gap.isZero()
    ? `0 (${quantity(total)} is not below the minimum ${quantity(minimum)})`
    : `(${quantity(minimum)} − ${quantity(total)})`;
  const share = payment.percent === null ? '' : `${payment.percent}% × `;
  const priced = price === null ? '' : ` units × ${figure(price, currency)} per unit`;
  const rounded = exact.equals(amount) ? '' : ` (${figure(exact, currency)} rounded half-up)`;
  return {
    calculation: {
      kind: 'shortfall',
      minimum: price === null ? amountString(minimum, currency) : decimalString(minimum),
      total: price === null ? amountString(total, currency) : decimalString(total),
      shortfall: price === null ? amountString(gap, currency) : decimalString(gap),
      rate: rate.toFixed(),
      unitPrice: price === null ? null : amountString(price, currency),
      amount: moneyString(amount, currency),
    },
    text: `${share}${difference}${priced} = ${figure(amount, currency)}${rounded}`,
    amount,
  };
}
