/**
 * One increment of an amount owed increment by increment, as a calculation: the amount for the n-th whole
 * increment beyond the threshold (or zero), and the total that completes it. Pure; the evaluator finds the
 * row that completes each increment (src/evaluation/increments.ts).
 */
import type { EachIncrementPaymentNode } from '../../language/ast';
import { Dec, decimalString, moneyString, roundMoney } from '../../values/money';

/** The calculation of one increment's obligation, as data. */
export interface IncrementCalculation {
  kind: 'each-increment';
  /** Which increment of the instance (1 for the first beyond the threshold). */
  n: number;
  perIncrement: string;
  increment: string;
  /** Where increments are counted from: the threshold, or 0. */
  threshold: string;
  /** The total that completes this increment: threshold + n × increment. */
  completedAt: string;
  amount: string;
}

/** How a quantity of the milestone's metric is written: an amount in a currency, or a count with its noun. */
export type QuantityWords = (value: Dec) => string;

/** The n-th increment, counted from `start`, with its line of words. */
export function calculateIncrement(payment: EachIncrementPaymentNode, n: number, start: Dec, words: QuantityWords, money: (d: Dec) => string): { calculation: IncrementCalculation; text: string; amount: Dec } {
  const currency = payment.amount.currency;
  const amount = roundMoney(new Dec(payment.amount.amount), currency);
  const size = new Dec(payment.size);
  const completedAt = start.plus(size.times(n));
  const from = payment.from === 'zero' ? '' : ` beyond ${words(start)}`;
  const text = `${money(amount)} for increment ${n} of ${words(size)}${from}, complete when the total reached ${words(completedAt)}`;
  return {
    calculation: {
      kind: 'each-increment',
      n,
      perIncrement: moneyString(amount, currency),
      increment: decimalString(size),
      threshold: decimalString(start),
      completedAt: decimalString(completedAt),
      amount: moneyString(amount, currency),
    },
    text,
    amount,
  };
}
