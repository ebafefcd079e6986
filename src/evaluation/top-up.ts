/**
 * A computed amount with a minimum per period, topped up ("… earned royalties of 5% of Net Sales …, payable annually.
 * If Licensee's Earned Royalties for any calendar year are less than $100,000 …, Licensee shall make a payment …
 * equal to the difference between the Minimum Royalty and the Earned Royalties for that calendar year."). Each
 * period's amount is computed on the period's whole total once the period is over; when it is below the minimum the
 * payer owes the difference as well, dated the period's last day and due the days the text gives after it. The
 * minimum is judged on the amount as computed (rounded once, half-up), not on the sales: the sales that would give
 * the minimum (the minimum over the rate) are reported as the milestone's target, for reading only. While the
 * period is open nothing is owed, and a pending top-up is stated. Shared by every engine that evaluates it.
 */
import type { ClauseNode, MilestoneNode, MinimumTopUpNode, RatePaymentNode, ShortfallPaymentNode } from '../language/ast';
import { paymentParts } from '../language/payment-parts';
import { addDays, formatIsoDate, parseIsoDate, type CalendarDate } from '../time/calendar-date';
import { Dec, formatMoney, moneyString } from '../values/money';
import { calculate } from './payments/calculation';
import { calculateShortfall } from './payments/shortfall';
import type { EvaluationDiagnostic, MilestoneResult, Obligation, ObligationCommon, Status } from './report';

/** The sales whose amount is exactly the minimum: minimum ÷ rate (the milestone's target, reported for reading). */
export function topUpTarget(topUp: MinimumTopUpNode, rate: RatePaymentNode): string {
  const percent = new Dec(rate.percent);
  return percent.isZero() ? topUp.minimum.amount : new Dec(topUp.minimum.amount).times(100).dividedBy(percent).toFixed();
}

/** The amount of a period: the rate on its total, rounded once, half-up, never below zero (no clawback is written). */
export function periodAmount(rate: RatePaymentNode, total: Dec, currency: string): Dec {
  const amount = calculate({ ...rate, measure: undefined }, total, null, currency).amount;
  return amount.isNegative() ? new Dec(0) : amount;
}

/** Met when the period's amount is not below the minimum: once the period is over, or before it when the sales already give it. */
export function topUpStatus(amount: Dec, minimum: Dec, over: boolean): Status {
  const reached = amount.greaterThanOrEqualTo(minimum);
  if (over) return reached ? 'met' : 'missed';
  return reached ? 'met' : 'pending';
}

const DIFFERENCE: ShortfallPaymentNode = {
  kind: 'shortfall', written: 'difference', intro: true, percent: null, unitPrice: null,
  range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
};

export interface TopUpContext {
  common: Omit<ObligationCommon, 'triggeredAt' | 'triggeredBy'>;
  name: string;
  currency: string;
  diagnostics: EvaluationDiagnostic[];
}

/** The top-up of one period, or null when none is owed (the amount reaches the minimum, or the period is open); `note` says which. */
export function topUpObligation(topUp: MinimumTopUpNode, amount: Dec, result: MilestoneResult, c: TopUpContext): { obligation: Obligation | null; note: string } {
  const minimum = new Dec(topUp.minimum.amount);
  const money = (d: Dec): string => formatMoney(d, c.currency);
  const what = `the ${topUp.subject} of ${result.windowStart} to ${result.deadline}`;
  if (amount.greaterThanOrEqualTo(minimum)) {
    return { obligation: null, note: `${c.name}: ${what}, ${money(amount)}, are not below the ${topUp.minimumName} of ${money(minimum)} (exactly the minimum meets it): no difference is owed` };
  }
  if (result.status !== 'missed') {
    const text =
      `${c.name}: pending top-up: the period ends on ${result.deadline}, and ${what} so far, ${money(amount)}, are ${money(minimum.minus(amount))} below the ` +
      `${topUp.minimumName} of ${money(minimum)}; nothing is owed until the period is over, and later sales in it reduce the difference`;
    c.diagnostics.push({ code: 'pending-shortfall', severity: 'info', label: null, message: text });
    return { obligation: null, note: text };
  }
  const r = calculateShortfall(DIFFERENCE, minimum, amount, c.currency);
  const due = formatIsoDate(addDays(parseIsoDate(result.deadline) as CalendarDate, topUp.due.days));
  const explanation =
    `top-up: the period ${result.windowStart} to ${result.deadline} is over and ${what}, ${money(amount)}, are below the ${topUp.minimumName} of ${money(minimum)}; ` +
    `the difference ${r.text} is owed on the period's last day, besides the ${topUp.subject} themselves; due ${due}: ${topUp.due.days} days after the end of the period`;
  return {
    obligation: {
      ...c.common, triggeredAt: result.deadline, triggeredBy: null,
      amount: moneyString(r.amount, c.currency), currency: c.currency, basis: 'shortfall', explanation,
      calculation: r.calculation, calculationText: r.text, dueDate: due,
    },
    note: `${c.name}: ${explanation}`,
  };
}

/** The top-up of a clause's milestone and the rate it is a minimum of, or null for a clause without one. */
export function topUpReading(clause: ClauseNode, m: MilestoneNode): { topUp: MinimumTopUpNode; rate: RatePaymentNode } | null {
  if (!clause.topUp || !m.payment) return null;
  const base = paymentParts(m.payment).base;
  return base.kind === 'rate' ? { topUp: clause.topUp, rate: base } : null;
}
