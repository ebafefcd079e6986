/**
 * Clawbacks: "Commissions paid on sales later refunded shall be offset against future commissions." (or "shall be
 * repaid", "shall be charged back"). A milestone on a running total stays met once reached; when refunds after its
 * trigger leave the window's total below the target at its end (or at the as-of date), the sum paid for it rested
 * on sales that were refunded, and with such a sentence it is owed back: a negative adjustment obligation of the
 * same amount, triggered by the refund row after which the total fell below the target and stayed below, naming
 * the original obligation. Without the sentence the refund is reported and nothing is owed back.
 *
 * Only refunds that count in the milestone's metric can undo it (net revenue: gross, units, deals and new
 * customers do not deduct refunds; the checker warns). A period tested on its own total is not met when a refund
 * in it takes the total below the target, so nothing was paid to claw back; the ledger does not say which sale a
 * refund in a later period refunds, so such a refund counts in its own period, as without the sentence.
 */
import type { ClawbackNode } from '../language/ast';
import type { LedgerRow } from '../ledger/rows';
import { Dec, formatMoney, moneyString } from '../values/money';
import { Accumulator } from '../values/quantity';
import { formatIsoDate, fromDayNumber } from '../time/calendar-date';
import { METRICS, type DaySums } from './metrics';
import { instanceTarget, type InstancePlan, type Plan } from './plan';
import type { Obligation } from './report';

/** Whether a plan's paid sums can be clawed back: a clause with the sentence, a milestone on a running total. */
export function clawsBack(plan: Plan): ClawbackNode | null {
  const node = plan.clause.clawback;
  return node && !plan.periodTotal && !plan.accrues && !plan.parts ? node : null;
}

/** The obligations a clawback takes back: sums paid when the milestone was met (a rate is computed on the sales less refunds). */
const CLAWED_BASES: ReadonlySet<string> = new Set(['item', 'sentence', 'schedule', 'unresolved']);

/** Whether an obligation is a sum a clawback takes back. */
export function clawedBasis(obligation: Obligation): boolean {
  return CLAWED_BASES.has(obligation.basis);
}

/**
 * After pass 1: for each instance of a plan that claws back and that reached its target, the days after the first
 * candidate crossing day on which a refund lowered the total (added to `days`), so that pass 2 keeps their rows.
 */
export function clawbackCandidates(plans: readonly Plan[], sums: DaySums, days: Set<number>): void {
  for (const plan of plans) {
    if (!clawsBack(plan)) continue;
    const { up, net } = METRICS[plan.metric].series(sums, plan.productKey, plan.rowSet);
    for (const inst of plan.instances) {
      if (inst.candidates.length === 0) continue;
      for (let i = inst.candidates[0].index; i < inst.to; i++) {
        if (sums.rowsPerDay[i] === 0) continue;
        const rises = new Accumulator();
        up.addTo(rises, i);
        const moves = new Accumulator();
        net.addTo(moves, i);
        if (!rises.value().equals(moves.value())) days.add(i);
      }
    }
  }
}

/**
 * The refund row after which the instance's total fell below its target and stayed below, from the crossing row
 * on (null when the total does not end below it). `crossingIndex`: the crossing row's day index from E.
 */
export function undoingRefund(plan: Plan, inst: InstancePlan, crossingIndex: number, rowsByDay: ReadonlyMap<number, LedgerRow[]>, sums: DaySums): LedgerRow | null {
  const rule = METRICS[plan.metric];
  const { net } = rule.series(sums, plan.productKey, plan.rowSet);
  const target = instanceTarget(plan, inst);
  const acc = new Accumulator();
  let day = Math.max(inst.from, 0);
  let last: LedgerRow | null = null;
  const refundDays = [...rowsByDay.keys()].filter((i) => i >= crossingIndex && i < inst.to).sort((a, b) => a - b);
  for (const index of refundDays) {
    for (; day < index; day++) net.addTo(acc, day);
    const rows = (rowsByDay.get(index) ?? []).slice().sort((a, b) => a.time - b.time || a.row - b.row);
    for (const r of rows) {
      const c = rule.contribution(r, plan.productKey, sums, plan.rowSet);
      const before = acc.reaches(target, plan.strict);
      acc.add(c);
      if (before && !acc.reaches(target, plan.strict)) last = r;
    }
    day = index + 1;
  }
  for (; day < inst.to; day++) net.addTo(acc, day);
  return acc.reaches(target, plan.strict) ? null : last;
}

const REMEDY: Record<ClawbackNode['remedy'], (node: ClawbackNode) => string> = {
  offset: (node) => `offset against future ${node.futureNoun ?? node.noun}`,
  repaid: () => 'to be repaid',
  'charged-back': () => 'charged back',
};

/** The sentence's reading, for the notes. */
export function clawbackNote(node: ClawbackNode): string {
  return (
    `"${node.noun} paid on sales ${node.that ? 'that are ' : ''}later refunded shall be ${node.remedy === 'offset' ? `offset against future ${node.futureNoun}` : node.remedy === 'repaid' ? 'repaid' : 'charged back'}": ` +
    'a sum paid for a milestone on a running total is owed back (a negative adjustment naming it) when refunds after its trigger leave the total below the target; ' +
    'a rate on the window\'s sales is already computed on the sales less refunds; a refund in a later period counts in that period (the ledger does not say which sale it refunds)'
  );
}

/** The negative adjustment of `original` (a sum the refund row `refund` undid). */
export function clawbackObligation(node: ClawbackNode, original: Obligation, refund: Pick<LedgerRow, 'day' | 'id'>, total: string): Obligation {
  const day = formatIsoDate(fromDayNumber(refund.day));
  const amount = original.amount === null || original.currency === null ? null : moneyString(new Dec(original.amount).negated(), original.currency);
  const paid = original.amount === null || original.currency === null ? 'the undefined amount' : formatMoney(new Dec(original.amount), original.currency);
  const owed = amount === null || original.currency === null ? 'an undefined amount' : formatMoney(new Dec(amount), original.currency);
  return {
    clause: original.clause,
    label: original.label,
    period: original.period,
    triggeredAt: day,
    triggeredBy: refund.id,
    amount,
    currency: original.currency,
    payer: original.payer,
    payee: original.payee,
    direction: original.direction,
    basis: 'clawback',
    explanation:
      `${owed}: ${paid} triggered on ${original.triggeredAt} by row ${original.triggeredBy ?? '-'} is owed back, ${REMEDY[node.remedy](node)}; ` +
      `refund row ${refund.id} on ${day} left the total at ${total}, below the target`,
    adjusts: { triggeredAt: original.triggeredAt, triggeredBy: original.triggeredBy, amount: original.amount },
  };
}
