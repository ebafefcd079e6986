/**
 * A fixed payment written to more decimal places than its currency pays ("a bonus of $5,000.005"): the evaluation pays
 * it rounded to the currency's minor unit ($5,000.01), which is not the figure the text states. The checker says so,
 * with the amount paid, so that the rounding is never silent.
 */
import type { DocumentNode, MoneyNode, PaymentNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { Dec, formatMoney, isCurrencyCode, minorUnits, roundMoney } from '../values/money';

function fixedAmount(payment: PaymentNode): MoneyNode | null {
  switch (payment.kind) {
    case 'fixed':
      return payment.amount;
    case 'timed':
    case 'limited':
      return fixedAmount(payment.payment);
    default:
      return null;
  }
}

const plural = (n: number): string => `${n} decimal place${n === 1 ? '' : 's'}`;

function check(amount: MoneyNode, out: Diagnostic[]): void {
  if (!isCurrencyCode(amount.currency)) return;
  const places = minorUnits(amount.currency);
  const value = new Dec(amount.amount);
  if (value.decimalPlaces() <= places) return;
  // The evaluation's own rounding, so that the amount named is the amount paid.
  const paid = roundMoney(value, amount.currency);
  out.push(
    diagnostic(
      'payment-beyond-minor-unit',
      amount.range,
      `'${amount.text}' is written to ${plural(value.decimalPlaces())}, but ${amount.currency} is paid to ${plural(places)}: it is paid as ${formatMoney(paid, amount.currency)} (rounded). Write the amount meant to ${plural(places)}.`,
      { suggestion: `write '${formatMoney(paid, amount.currency)}'` },
    ),
  );
}

/** The amounts of the document's fixed payments. */
export function fixedPaymentAmounts(document: DocumentNode): MoneyNode[] {
  const out: MoneyNode[] = [];
  for (const clause of document.clauses) {
    for (const m of clause.milestones) {
      const amount = m.payment ? fixedAmount(m.payment) : null;
      if (amount) out.push(amount);
    }
    for (const term of clause.payments) {
      const amount = fixedAmount(term.payment);
      if (amount) out.push(amount);
    }
  }
  return out;
}

export function checkPaymentPrecision(document: DocumentNode, out: Diagnostic[]): void {
  for (const amount of fixedPaymentAmounts(document)) check(amount, out);
}
