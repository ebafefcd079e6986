/**
 * A payment made in equal instalments, one for each calendar year whose total meets the milestone's condition
 * ("…; provided that such payment will be made in three (3) equal annual installments, one in each Calendar Year
 * (beginning with the Calendar Year in which the threshold is first reached) in which such threshold continues to be
 * reached or exceeded."). The evaluator tests the years in order; the k-th year that meets the condition owes
 * instalment k, triggered by the row that met it that year, until all are owed. A year that falls short owes nothing
 * and moves no instalment: the next year that meets it owes the next one (the reading the checker warns about,
 * src/language/check-instalments.ts). The years after the last instalment are neither reported nor paid.
 */
import type { FixedPaymentNode, InstalmentsNode } from '../language/ast';
import { Dec, formatMoney, moneyString, roundMoney } from '../values/money';
import { calculateInstalment } from './payments/instalment-calculation';
import type { Obligation } from './report';

export class InstalmentSeries {
  private owed = 0;

  constructor(
    readonly node: InstalmentsNode,
    readonly payment: FixedPaymentNode,
    /** Whether the instalment's year gives its due date: not when the clause states when payments fall due. */
    private readonly dueAtYearEnd: boolean,
  ) {}

  /** Every instalment is owed: the later years are neither reported nor paid. */
  get done(): boolean {
    return this.owed >= this.node.count;
  }

  /** The whole payment's obligation for a year that meets the condition, as that year's instalment. */
  instalment(whole: Obligation, yearEnd: string, source: string): Obligation {
    this.owed += 1;
    const currency = this.payment.amount.currency;
    const money = (d: Dec): string => formatMoney(d, currency);
    const { calculation, text, amount } = calculateInstalment(new Dec(this.payment.amount.amount), currency, this.owed, this.node.count, money);
    return {
      ...whole,
      amount: moneyString(amount, currency),
      explanation: `${text}, ${source}`,
      calculation,
      calculationText: text,
      ...(this.dueAtYearEnd ? { dueDate: yearEnd } : {}),
    };
  }
}

/** The reading, stated once per milestone. */
export function instalmentsNote(name: string, node: InstalmentsNode, payment: FixedPaymentNode, dueAtYearEnd: boolean): string {
  const currency = payment.amount.currency;
  const whole = roundMoney(new Dec(payment.amount.amount), currency);
  return (
    `${name}: ${formatMoney(whole, currency)} is paid in ${node.count} equal ${node.noun} (${formatMoney(roundMoney(whole.dividedBy(node.count), currency), currency)} each, rounded half-up, the last taking what rounding leaves), ` +
    `one for each calendar year whose total meets the condition, the first for the year of first achievement, each triggered by the row that meets it that year; ` +
    `a year that falls short owes none and the next instalment waits for the next year that meets it (the text does not say whether it is lost instead); ` +
    `the years after the last instalment are not reported` +
    (dueAtYearEnd ? `; the text gives no time for payment beyond "one in each Calendar Year", so each instalment is due by the last day of its year` : '')
  );
}
