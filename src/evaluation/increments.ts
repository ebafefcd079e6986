/**
 * Amounts owed increment by increment ("a bonus of $1,000 for each full 100 Units … in excess of 500
 * Units", "For every $100,000 of Net Sales achieved in a Calendar Year, … $2,500"): each whole increment of
 * the milestone's metric beyond the threshold (beyond zero when none is written) is one obligation,
 * triggered at the row that completes it. How many increments an instance earns is read from its total at
 * the end of the evaluated window, like the milestone's own status for a calendar period, so a refund
 * later in the period takes back an increment it undoes; the `k`-th increment is then found like a target
 * of its own (the threshold plus k increments, reached, not passed), with its own candidate days in pass
 * 1 and its own crossing row in pass 2. A part increment earns nothing: the clauses read here say "for
 * each full …" or "for each …", and none says pro rata.
 */
import type { EachIncrementPaymentNode, MilestoneNode } from '../language/ast';
import { paymentParts } from '../language/payment-parts';
import { Dec, decimalString, moneyString } from '../values/money';
import { Accumulator, targetQuantity, toDec } from '../values/quantity';
import { formatIsoDate, fromDayNumber } from '../time/periods';
import { instanceCandidates, type Crossing } from './crossing';
import { METRICS, type DaySums } from './metrics';
import type { IncrementStep, InstancePlan, Plan } from './plan';
import type { Obligation } from './report';
import type { ObligationCommon } from './report';
import { figure } from './payments/calculation';
import { calculateIncrement } from './payments/increment-calculation';

/**
 * The most increments one evaluation follows (all instances together): each is a target searched in
 * both passes and an obligation, so a tiny increment on a large total (a bonus per $1 of $10,000,000) is
 * refused with an error rather than followed ten million times.
 */
export const MAX_INCREMENTS = 10_000;

/** The payment of a milestone owed increment by increment, or null. */
export function eachIncrementOf(m: MilestoneNode): EachIncrementPaymentNode | null {
  if (!m.payment) return null;
  const base = paymentParts(m.payment).base;
  return base.kind === 'each-increment' ? base : null;
}

/** Where increments are counted from: the threshold (the milestone's target), or zero. */
function startOf(plan: Plan, payment: EachIncrementPaymentNode): Dec {
  return incrementStart(toDec(plan.target), payment);
}

/** Where increments are counted from, given the milestone's target. */
export function incrementStart(target: Dec, payment: EachIncrementPaymentNode): Dec {
  return payment.from === 'zero' ? new Dec(0) : target;
}

/**
 * How many whole increments a total completes beyond the start: 0 when it completes none (or the size is not
 * positive), and MAX_INCREMENTS + 1 for any count past the limit. Both engines count increments here.
 */
export function completedIncrements(total: Dec, target: Dec, payment: EachIncrementPaymentNode): number {
  const size = new Dec(payment.size);
  if (!size.greaterThan(0)) return 0;
  const n = total.minus(incrementStart(target, payment)).dividedBy(size).floor();
  if (n.lessThanOrEqualTo(0)) return 0;
  return n.greaterThan(MAX_INCREMENTS) ? MAX_INCREMENTS + 1 : n.toNumber();
}

/**
 * After pass 1: for every instance of a plan paid increment by increment, the increments its total
 * completes, each with its candidate days (added to `days`). Returns how many increments were wanted in
 * all; past MAX_INCREMENTS none is followed and the caller reports the error.
 */
export function incrementCandidates(plans: readonly Plan[], sums: DaySums, days: Set<number>): number {
  const wanted: Array<{ plan: Plan; inst: InstancePlan; start: Dec; size: Dec; n: number }> = [];
  let total = 0;
  for (const plan of plans) {
    const payment = eachIncrementOf(plan.milestone);
    if (!payment) continue;
    const size = new Dec(payment.size);
    if (!size.greaterThan(0)) continue;
    const start = startOf(plan, payment);
    const { net } = METRICS[plan.metric].series(sums, plan.productKey, plan.rowSet);
    for (const inst of plan.instances) {
      const acc = new Accumulator();
      for (let i = Math.max(inst.from, 0); i < inst.to; i++) net.addTo(acc, i);
      const n = completedIncrements(acc.value(), toDec(plan.target), payment);
      if (n === 0) continue;
      total += n;
      if (total <= MAX_INCREMENTS) wanted.push({ plan, inst, start, size, n });
    }
  }
  if (total > MAX_INCREMENTS) return total;
  for (const { plan, inst, start, size, n } of wanted) {
    const steps: IncrementStep[] = [];
    for (let k = 1; k <= n; k++) {
      // Reached, not passed: the k-th increment beyond the threshold is complete when the total is the threshold plus k increments.
      const stepPlan: Plan = { ...plan, target: targetQuantity(start.plus(size.times(k)).toFixed()), strict: false };
      const stepInst: InstancePlan = { window: inst.window, from: inst.from, to: inst.to, candidates: [], reached: false };
      instanceCandidates(stepPlan, stepInst, sums, days);
      steps.push({ k, plan: stepPlan, inst: stepInst });
    }
    inst.increments = steps;
  }
  return total;
}

/** The error for more increments than MAX_INCREMENTS. */
export function tooManyIncrements(total: number): { code: 'too-many-increments'; severity: 'error'; message: string } {
  return {
    code: 'too-many-increments',
    severity: 'error',
    message:
      `the totals complete ${total > MAX_INCREMENTS ? `more than ${MAX_INCREMENTS.toLocaleString('en-US')}` : total} increments, each owed on its own; ` +
      `one evaluation follows at most ${MAX_INCREMENTS.toLocaleString('en-US')}: check the increment's size, or evaluate a shorter span`,
  };
}

/** The note of an instance whose total completes no whole increment. */
export function noIncrementNote(instName: string, total: string): string {
  return `${instName}: no whole increment is complete (total ${total}), so nothing is owed`;
}

/** What makes a new customer count, as the text words it ("with which a Sale Agreement is entered into"), and how it is read. */
export function countedNote(name: string, counted: string): string {
  return `${name}: a new customer counts "with which ${counted} is entered into": read as the customer's first positive-amount row in the ledger`;
}

/** How a quantity of the milestone's metric is written: money with its currency, else a count. */
function quantityWords(m: MilestoneNode): (value: Dec) => string {
  const t = m.target;
  if (t.kind === 'revenue') return (value) => figure(value, t.amount.currency);
  const noun = t.kind === 'units' ? 'units' : t.kind === 'new-customers' ? `new ${t.noun}` : t.noun;
  return (value) => `${decimalString(value)} ${noun}`;
}

/** The obligation of one completed increment, triggered at the row that completes it. */
export function incrementObligation(plan: Plan, payment: EachIncrementPaymentNode, step: IncrementStep, crossing: Crossing, common: Omit<ObligationCommon, 'triggeredAt' | 'triggeredBy'>, source: string): Obligation {
  return incrementObligationAt(plan.milestone, toDec(plan.target), payment, step.k, { day: formatIsoDate(fromDayNumber(crossing.row.day)), id: crossing.row.id }, common, source);
}

/** The same, from the milestone, its target, the increment's number and the local day and id of the row completing it (the SQL path's crossing rows). */
export function incrementObligationAt(
  m: MilestoneNode,
  target: Dec,
  payment: EachIncrementPaymentNode,
  k: number,
  row: { day: string; id: string },
  common: Omit<ObligationCommon, 'triggeredAt' | 'triggeredBy'>,
  source: string,
): Obligation {
  const currency = payment.amount.currency;
  const result = calculateIncrement(payment, k, incrementStart(target, payment), quantityWords(m), (d) => figure(d, currency));
  const day = row.day;
  return {
    ...common,
    triggeredAt: day,
    triggeredBy: row.id,
    amount: moneyString(result.amount, currency),
    currency,
    basis: 'increment',
    explanation: `${result.text} with row ${row.id} on ${day} (${source}); whole increments only, a part increment earns nothing`,
    calculation: result.calculation,
    calculationText: result.text,
  };
}
