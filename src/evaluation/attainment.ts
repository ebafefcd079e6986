/**
 * An attainment table's obligation for one period ("a bonus based on attainment of the quota of
 * $300,000 in Net Sales as follows: …"): judged on the period's total once the period is over, paid
 * to the party whose sales are measured, dated the period's last day. While the period is open the
 * attainment so far is stated, not paid; a value no band holds gives an undetermined amount (null,
 * never zero) with a warning.
 */
import type { AttainmentPaymentNode, MilestoneNode } from '../language/ast';
import { Dec } from '../values/money';
import type { EvaluationDiagnostic, MilestoneResult, Obligation } from './report';
import type { ShortfallContext } from './minimum';
import { calculateAttainment } from './payments/attainment';

/** The currency of the payouts: the first amount a band names, else the quota's. */
export function attainmentCurrency(milestone: MilestoneNode, payment: AttainmentPaymentNode): string | null {
  for (const b of payment.bands) {
    if (b.payout.kind === 'amount') return b.payout.amount.currency;
    if (b.payout.kind === 'share') return b.payout.of.currency;
  }
  return milestone.target.kind === 'revenue' ? milestone.target.amount.currency : null;
}

export function attainmentObligation(
  milestone: MilestoneNode,
  payment: AttainmentPaymentNode,
  result: MilestoneResult,
  periodOver: boolean,
  c: ShortfallContext,
): { obligation: Obligation | null; note: string } {
  // Only a growth's target may be unknown: a quota's is always stated.
  const quota = new Dec(result.target as string);
  const total = new Dec(result.total);
  const currency = attainmentCurrency(milestone, payment);
  if (currency === null) return { obligation: null, note: `${c.name}: the table names no currency` };
  const r = calculateAttainment(payment, total, quota, currency);
  // Judged on the period's final total: a quota reached early is not yet the band the period ends in.
  if (!periodOver) {
    return { obligation: null, note: `${c.name}: pending: the period ends on ${result.deadline}; so far ${r.text}; nothing is paid until the period is over` };
  }
  if (payment.reward !== undefined && result.status !== 'met') {
    return { obligation: null, note: `${c.name}: the objective of ${quota.toFixed()} was not met in the period ${result.windowStart} to ${result.deadline} (${total.toFixed()}): no reward is owed` };
  }
  const common = { ...c.common, triggeredAt: result.deadline, triggeredBy: null };
  if (r.amount === null) {
    const warning: EvaluationDiagnostic = { code: 'attainment-undetermined', severity: 'warning', label: milestone.label, message: `${c.name}: ${r.text}` };
    c.diagnostics.push(warning);
    return {
      obligation: { ...common, amount: null, currency, basis: 'unresolved', explanation: r.text, calculation: r.calculation, calculationText: r.text },
      note: `${c.name}: ${r.text}`,
    };
  }
  if (r.amount.isZero()) return { obligation: null, note: `${c.name}: ${r.text}: nothing is owed` };
  const explanation = `attainment table: the period ${result.windowStart} to ${result.deadline} is over; ${r.text}, owed on the period's last day`;
  return {
    obligation: { ...common, amount: r.calculation.amount, currency, basis: 'attainment', explanation, calculation: r.calculation, calculationText: r.text },
    note: `${c.name}: ${explanation}`,
  };
}
