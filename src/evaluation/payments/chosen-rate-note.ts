/**
 * The note that states how a rate chosen by conditions on the period's total is read: which bound each condition comes to
 * (a share of the threshold worked out exactly), that the highest condition met gives the one rate, and what it is on.
 */
import type { ChosenRatePaymentNode } from '../../language/ast';
import { choiceBounds } from '../../language/rate-choices';
import { formatMoney } from '../../values/money';

export function chosenRateNote(name: string, payment: ChosenRatePaymentNode): string {
  const currency = payment.threshold.currency;
  const threshold = formatMoney(payment.threshold.amount, currency);
  const conditions = choiceBounds(payment).map((c) => {
    const b = c.choice.bound;
    const share = b.kind === 'threshold-share' ? ` (${b.percent}% of the ${payment.thresholdName})` : '';
    return `${c.strict ? 'above' : 'at least'} ${c.bound === null ? 'an unknown amount' : formatMoney(c.bound.toFixed(), currency)}${share}: ${c.percent}%`;
  });
  return (
    `${name}: one rate per period, chosen by the period's total ${payment.measure.term} once the period is over: the rate of the highest condition the total meets ` +
    `(${conditions.join('; ')}), applied only to the part of the total above the ${payment.thresholdName} of ${threshold}, not to all of it; nothing is owed for a period whose total meets none of the conditions`
  );
}
