/**
 * Tiers on a running total with no period ("3% of the first $2.5 million of Revenues and 2% of all
 * additional Revenues"): the bands apply to the total from the effective date, which has no end, so
 * the amount is owed as the sales come in. Each day that raises the amount on the running total
 * owes the rise: the tiered amount on the total after the day, rounded once, less what was already
 * owed; a sale that crosses a band boundary is counted partly at each rate. A refund lowers the
 * total but, with no clawback or offset written, owes nothing back: later sales are owed only once
 * the amount on the running total passes what was already owed. Pure.
 */
import type { MilestoneNode, MoneyNode, TieredPaymentNode } from '../../language/ast';
import { paymentParts } from '../../language/payment-parts';
import type { LedgerRow } from '../../ledger/rows';
import { Dec, moneyString } from '../../values/money';
import { Accumulator } from '../../values/quantity';
import { formatIsoDate, fromDayNumber } from '../../time/periods';
import type { DaySeries } from '../day-series';
import type { Obligation, ObligationCommon } from '../report';
import { calculate, figure, type AccruedCalculation } from './calculation';

/** The tiered amount of a milestone that accrues as sales come in (no condition, no window written), or null. */
export function accruingTiers(m: MilestoneNode): TieredPaymentNode | null {
  if (m.condition !== 'payment' || m.window.kind !== 'open' || !m.payment) return null;
  const base = paymentParts(m.payment).base;
  return base.kind === 'tiered' && base.measure ? base : null;
}

/** Where the first band ends: the running total must pass it for any sale to earn a later band's rate. */
export function firstBoundary(p: TieredPaymentNode): MoneyNode | null {
  return p.bands.find((b) => b.to !== null)?.to ?? null;
}

export interface AccrualInput {
  payment: TieredPaymentNode;
  /** The base metric's per-day sums (gross or net as the payment says). */
  series: DaySeries;
  rowsPerDay: Float64Array;
  /** Evaluated day indices [from, to) and the effective date's day number. */
  from: number;
  to: number;
  effectiveDay: number;
  /** Pass 2's rows by day index: every day with rows in [from, to) is kept for an accruing plan. */
  rowsByDay: ReadonlyMap<number, LedgerRow[]>;
  currency: string;
  common: Omit<ObligationCommon, 'triggeredAt' | 'triggeredBy'>;
}

export interface Accrual {
  obligations: Obligation[];
  /** Days whose refunds lowered the amount on the running total below what was already owed. */
  lowered: string[];
}

export function accrue(input: AccrualInput): Accrual {
  const { payment, series, currency } = input;
  const total = new Accumulator();
  let owed = new Dec(0);
  const obligations: Obligation[] = [];
  const lowered: string[] = [];
  for (let i = Math.max(input.from, 0); i < input.to; i++) {
    if (input.rowsPerDay[i] === 0) continue;
    series.addTo(total, i);
    const base = total.value();
    const result = calculate(payment, base.isNegative() ? new Dec(0) : base, null, currency);
    const day = formatIsoDate(fromDayNumber(i + input.effectiveDay));
    if (result.amount.lessThan(owed)) lowered.push(day);
    if (!result.amount.greaterThan(owed)) continue;
    const rise = result.amount.minus(owed);
    const rows = (input.rowsByDay.get(i) ?? []).slice().sort((a, b) => a.time - b.time || a.row - b.row);
    const last = rows[rows.length - 1];
    const text = owed.isZero() ? result.text : `${result.text} on the running total, less ${figure(owed, currency)} already owed = ${figure(rise, currency)}`;
    const calculation: AccruedCalculation = { kind: 'accrued', cumulative: result.calculation, alreadyOwed: moneyString(owed, currency), amount: moneyString(rise, currency) };
    obligations.push({
      ...input.common,
      triggeredAt: day,
      triggeredBy: last ? last.id : null,
      amount: moneyString(rise, currency),
      currency,
      basis: 'rate',
      explanation: `${text}: the tiers apply to the running total from the effective date, so the amount is owed as the sales of ${day} come in`,
      calculation,
      calculationText: text,
    });
    owed = result.amount;
  }
  return { obligations, lowered };
}
