/**
 * Carry-forward: "Net Sales in excess of a calendar quarter's target shall carry forward to the next calendar quarter."
 * Each period's own total is its sales as dated (refunds included, in the contract's zone). The excess of period n over
 * the target is known once period n is over, and is credited to period n+1: its credited total is its own total plus
 * the amount carried in, and the period is met when the credited total passes the target (a carried amount can only
 * help, so a period met without it stays met). The excess is the credited total less the target when carried amounts
 * count toward a period's own excess (", including amounts carried forward", and the reading taken when the text is
 * silent), or the period's own total less the target (", excluding amounts carried forward"); never below zero. A
 * refund counts in the period it is dated in: a refund in the earlier period lowers its excess; a refund dated in the
 * later period lowers that period's total, and the amount already carried is not revised (the ledger does not tie a
 * refund to its sale). The last period's excess has no period to go to: it lapses, and the notes say so.
 *
 * The crossing row of a period is found against the target less the amount carried in (crossing.ts); when the
 * carried amount alone passes the target, no row crosses it and the period is met on its first evaluated day.
 */
import { repeatedPeriod } from '../language/check-carry-forward';
import { Dec, decimalString } from '../values/money';
import { Accumulator, meets, toDec, type Quantity } from '../values/quantity';
import { METRICS, type DaySums } from './metrics';
import { instanceTarget, type InstancePlan, type Plan } from './plan';
import { windowOver } from '../time/window-instance';

/** Whether a plan's clause carries the excess forward over its recurring periods. */
export function carriesForward(plan: Plan): boolean {
  return plan.clause.carryForward !== undefined && repeatedPeriod(plan.window) !== null;
}

/** After pass 1: each instance's carried amounts, in order (`asOfDay`: the as-of date's local day number). */
export function applyCarryForward(plans: readonly Plan[], sums: DaySums, asOfDay: number): void {
  for (const plan of plans) {
    if (!carriesForward(plan)) continue;
    const again = plan.clause.carryForward?.again !== 'excluding';
    const { net } = METRICS[plan.metric].series(sums, plan.productKey, plan.rowSet);
    let carriedIn = new Dec(0);
    for (const inst of plan.instances) {
      const acc = new Accumulator();
      for (let i = Math.max(inst.from, 0); i < inst.to; i++) net.addTo(acc, i);
      const own = acc.value();
      const target = toDec(instanceTarget(plan, inst));
      const over = windowOver(inst.window, asOfDay);
      const excess = (again ? own.plus(carriedIn) : own).minus(target);
      const carriedOut = over ? Dec.max(excess, 0) : null;
      const alone = meets(carriedIn, target, plan.strict);
      inst.carry = { carriedIn, own, carriedOut, alone };
      carriedIn = carriedOut ?? new Dec(0);
    }
  }
}

/** The target an instance's own running total is compared with: the target less what was carried in. */
export function crossingTarget(plan: Plan, inst: InstancePlan): Quantity {
  const target = instanceTarget(plan, inst);
  return inst.carry && !inst.carry.carriedIn.isZero() ? toDec(target).minus(inst.carry.carriedIn) : target;
}

/** The notes of one instance: what came in, the credited total, and where the excess goes. */
export function carryNotes(plan: Plan, inst: InstancePlan, isLast: boolean, asOfDay: number): string[] {
  const c = inst.carry;
  const node = plan.clause.carryForward;
  if (!c || !node) return [];
  const unit = `${node.next.calendar ? 'calendar ' : ''}${node.next.unit}`;
  const target = decimalString(toDec(instanceTarget(plan, inst)));
  const out: string[] = [];
  const credited = c.own.plus(c.carriedIn);
  out.push(
    c.carriedIn.isZero()
      ? `${inst.window.windowStart} to ${inst.window.deadline}: nothing is carried in; the credited total is the period's own total, ${decimalString(c.own)}`
      : `${inst.window.windowStart} to ${inst.window.deadline}: ${decimalString(c.carriedIn)} is carried in from the ${unit} before; the credited total is ${decimalString(c.own)} + ${decimalString(c.carriedIn)} = ${decimalString(credited)}` +
        (c.alone ? `, and the carried amount alone ${plan.strict ? 'exceeds' : 'reaches'} the target ${target} from the period's first day` : ''),
  );
  if (c.carriedOut === null) {
    out.push(`${inst.window.windowStart} to ${inst.window.deadline}: the period is not over on the as-of date, so nothing carries forward from it yet`);
    return out;
  }
  const base = node.again === 'excluding' ? `its own total ${decimalString(c.own)}` : `the credited total ${decimalString(credited)}`;
  const excess = c.carriedOut;
  if (excess.isZero()) {
    out.push(`${inst.window.windowStart} to ${inst.window.deadline}: ${base} does not pass the target ${target}: nothing carries forward`);
  } else if (!isLast) {
    out.push(`${inst.window.windowStart} to ${inst.window.deadline}: the excess of ${base} over the target ${target}, ${decimalString(excess)}, carries forward to the next ${unit}`);
  } else if (asOfDay >= inst.window.endDay) {
    out.push(`${inst.window.windowStart} to ${inst.window.deadline}: the excess of ${base} over the target ${target}, ${decimalString(excess)}, lapses: no later ${unit} is tested under the clause`);
  } else {
    out.push(`${inst.window.windowStart} to ${inst.window.deadline}: the excess of ${base} over the target ${target}, ${decimalString(excess)}, carries to the next ${unit}, which begins after the as-of date`);
  }
  return out;
}

/** The reading of the sentence, once per milestone. */
export function carryReading(plan: Plan): string {
  const node = plan.clause.carryForward;
  if (!node) return '';
  const unit = `${node.next.calendar ? 'calendar ' : ''}${node.next.unit}`;
  const chain = node.again === 'including'
    ? 'an amount carried into a period counts toward its excess, as written ("including amounts carried forward"), so it may carry again'
    : node.again === 'excluding'
    ? 'only a period\'s own sales carry, as written ("excluding amounts carried forward"): an amount carried in does not carry again'
    : 'the text does not say whether an amount carried in may carry again: read as counting toward the period\'s excess, so it may carry again (warning carry-forward-chain-unstated)';
  return `the excess of each ${unit}'s total over the target is credited to the next ${unit}, once the ${unit} is over; ${chain}; a refund counts in the ${unit} it is dated in, and an amount already carried is not revised`;
}
