/**
 * The conditions of a rate chosen by the period's total (ChosenRatePaymentNode) as numbers, and which rate a total
 * gets. One place for both rules: the checker reports from them, the evaluator computes from them.
 */
import type { ChosenRatePaymentNode, RateChoiceNode } from './ast';
import { Dec } from '../values/money';

/** A condition's bound as an amount: the amount written, or the share of the threshold it names ("105% of the Quarterly Plan"). */
export interface ChoiceBound {
  index: number;
  percent: string;
  /** Null when the bound names another amount than the threshold (the checker's `rate-choice-unresolved`). */
  bound: Dec | null;
  strict: boolean;
  choice: RateChoiceNode;
}

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export function choiceBounds(payment: ChosenRatePaymentNode): ChoiceBound[] {
  return payment.choices.map((choice, index) => {
    const b = choice.bound;
    const bound =
      b.kind === 'money'
        ? new Dec(b.amount)
        : sameName(b.name, payment.thresholdName)
          ? new Dec(payment.threshold.amount).times(b.percent).dividedBy(100)
          : null;
    return { index, percent: choice.percent, bound, strict: choice.comparator.strict, choice };
  });
}

/** Whether `total` meets a condition ("at least": ≥, "exceed": >). */
export const meets = (total: Dec, c: ChoiceBound): boolean => c.bound !== null && (c.strict ? total.greaterThan(c.bound) : total.greaterThanOrEqualTo(c.bound));

/**
 * The condition a total gets its rate from: of the conditions it meets, the last one written (the checker requires them
 * to rise, so that it is the highest); null when it meets none.
 */
export function chosenCondition(payment: ChosenRatePaymentNode, total: Dec): ChoiceBound | null {
  let chosen: ChoiceBound | null = null;
  for (const c of choiceBounds(payment)) if (meets(total, c)) chosen = c;
  return chosen;
}
