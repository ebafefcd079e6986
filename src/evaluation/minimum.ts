/**
 * A minimum with a shortfall payment ("If the Distributor fails to purchase $500,000 in each year, it
 * shall pay the Company 20% of the shortfall"): unlike a reward, which is earned at the row that
 * reaches the target and stays earned, a minimum is judged on the period's total once the period is
 * over. While the period is open a total below the minimum is a pending shortfall (stated, not owed);
 * once it is over the shortfall is owed, dated the period's last day, paid by the party that missed it.
 * Shared by every engine that evaluates minimums.
 */
import type { MilestoneNode, ShortfallPaymentNode } from '../language/ast';
import { Dec, formatMoney, moneyString } from '../values/money';
import { decimalString } from '../values/money';
import type { EvaluationDiagnostic, MilestoneResult, Obligation, Status } from './report';
import type { ObligationCommon } from './report';
import { calculateShortfall, shortfallOf } from './payments/shortfall';

/** The status of a minimum: met or missed on the period's total once it is over; met or pending before. */
export function minimumStatus(reachedSoFar: boolean, total: Dec, minimum: Dec, periodOver: boolean): Status {
  const reached = total.greaterThanOrEqualTo(minimum);
  if (periodOver) return reached ? 'met' : 'missed';
  return reached && reachedSoFar ? 'met' : 'pending';
}

/** The currency a shortfall is paid in: the minimum's for money, the price's for a count (null: none). */
export function shortfallCurrency(milestone: MilestoneNode, payment: ShortfallPaymentNode): string | null {
  if (payment.unitPrice) return payment.unitPrice.currency;
  return milestone.target.kind === 'revenue' ? milestone.target.amount.currency : null;
}

export interface ShortfallContext {
  common: Omit<ObligationCommon, 'triggeredAt' | 'triggeredBy'>;
  name: string;
  diagnostics: EvaluationDiagnostic[];
}

/**
 * The obligation of one instance of a minimum, or null when none is owed (met, or the period is still
 * open); `note` states what was found either way.
 */
export function shortfallObligation(
  milestone: MilestoneNode,
  payment: ShortfallPaymentNode,
  result: MilestoneResult,
  c: ShortfallContext,
): { obligation: Obligation | null; note: string } {
  // Only a growth's target may be unknown: a minimum's is always stated.
  const minimum = new Dec(result.target as string);
  const net = new Dec(result.total);
  // Refunds of sales counted in earlier periods can take a period's total below zero: the period is short of its whole
  // minimum, not of more than it (a warning names the literal reading, below).
  const total = net.isNegative() && !net.isZero() ? new Dec(0) : net;
  const currency = shortfallCurrency(milestone, payment);
  const quantity = (d: Dec): string => (milestone.target.kind === 'revenue' && currency !== null ? formatMoney(d, currency) : decimalString(d));
  const gap = shortfallOf(minimum, total);
  switch (result.status) {
    case 'met':
      return {
        obligation: null,
        note: `${c.name}: the total ${quantity(net)} is not below the minimum ${quantity(minimum)} (a total of exactly the minimum meets it): no shortfall`,
      };
    case 'pending': {
      const text =
        `${c.name}: pending shortfall: the period ends on ${result.deadline}, and its total so far, ${quantity(net)}, is ${quantity(shortfallOf(minimum, net))} below the minimum ` +
        `${quantity(minimum)}; nothing is owed until the period is over, and later sales in it reduce the shortfall`;
      c.diagnostics.push({ code: 'pending-shortfall', severity: 'info', label: milestone.label, message: text });
      return { obligation: null, note: text };
    }
    case 'missed':
      break;
    default:
      return { obligation: null, note: '' };
  }
  if (!net.equals(total)) {
    const message =
      `${c.name}: the total of ${result.windowStart} to ${result.deadline} is ${quantity(net)}, below zero (refunds of sales counted in earlier periods): the shortfall is read as ` +
      `the whole minimum ${quantity(minimum)}, a total below zero counting as none; read literally, the minimum less ${quantity(net)} would be ${quantity(minimum.minus(net))}, ` +
      'more than the minimum itself. If that is meant, the engine does not read it: add the difference by hand';
    c.diagnostics.push({ code: 'negative-total-shortfall', severity: 'warning', label: milestone.label, message });
  }
  const common = { ...c.common, triggeredAt: result.deadline, triggeredBy: null };
  if (currency === null) {
    const explanation = `the shortfall of ${quantity(gap)} is owed but cannot be priced: the clause gives no price per unit (amount undefined, not zero)`;
    return { obligation: { ...common, amount: null, currency: null, basis: 'unresolved', explanation }, note: `${c.name}: ${explanation}` };
  }
  const r = calculateShortfall(payment, minimum, total, currency);
  const explanation =
    `shortfall: the period ${result.windowStart} to ${result.deadline} is over and its total ${quantity(net)} is below the minimum ${quantity(minimum)}; ` +
    (net.equals(total) ? '' : `a total below zero counts as none; `) +
    `${r.text}, owed on the period's last day`;
  return {
    obligation: {
      ...common,
      amount: moneyString(r.amount, currency),
      currency,
      basis: 'shortfall',
      explanation,
      calculation: r.calculation,
      calculationText: r.text,
    },
    note: `${c.name}: ${explanation}`,
  };
}
