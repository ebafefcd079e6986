/**
 * One instalment of a payment made in equal instalments, as a calculation: the k-th of n parts of the whole amount.
 * Each part is the whole divided by n, rounded once, half-up, to the currency's minor unit; the last part is what the
 * others leave, so that the parts always add up to the whole. Pure; the evaluator decides which calendar year owes
 * which instalment (src/evaluation/instalments.ts).
 */
import { Dec, moneyString, roundMoney } from '../../values/money';

/** The calculation of one instalment's obligation, as data. */
export interface InstalmentCalculation {
  kind: 'instalment';
  /** Which instalment (1 for the first). */
  index: number;
  count: number;
  /** The whole payment the instalments divide. */
  whole: string;
  amount: string;
}

/** The `index`-th of `count` equal instalments of `whole`, with its line of words. */
export function calculateInstalment(whole: Dec, currency: string, index: number, count: number, money: (d: Dec) => string): { calculation: InstalmentCalculation; text: string; amount: Dec } {
  const share = roundMoney(whole.dividedBy(count), currency);
  const last = index === count;
  const amount = last ? roundMoney(whole, currency).minus(share.times(count - 1)) : share;
  const text = last && !amount.equals(share)
    ? `instalment ${index} of ${count}: ${money(roundMoney(whole, currency))} − ${count - 1} × ${money(share)} = ${money(amount)} (the last instalment takes what rounding leaves)`
    : `instalment ${index} of ${count}: ${money(roundMoney(whole, currency))} ÷ ${count} = ${money(amount)}`;
  return { calculation: { kind: 'instalment', index, count, whole: moneyString(roundMoney(whole, currency), currency), amount: moneyString(amount, currency) }, text, amount };
}
