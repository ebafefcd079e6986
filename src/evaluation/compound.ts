/**
 * Compound conditions in the evaluation: each part after the first is a target of its own (a Plan with its
 * metric, comparator and one instance per instance of the milestone), found in both passes like the
 * milestone's own target (crossing.ts). For each instance, a part holds from the day its crossing row is read
 * (from the period's last day, once the period is over, for a part "measured at the end of such quarter");
 * "and" holds from the latest of its parts, "or" from the earliest; the compound's crossing is the row of the
 * part that decided it. Each part's status and total are stated in the notes.
 *
 * A part's own crossing is read as the milestone's is: on a running total it is the first reach (a later
 * refund does not undo it), in a calendar period the row after which the period's total passed and stayed
 * passing. "And" over two first reaches is the later of them: the parts are not required to hold again at
 * that same moment, which the notes state.
 */
import type { LedgerRow } from '../ledger/rows';
import type { MilestoneNode } from '../language/ast';
import { compoundReading, conditionParts, partWords, type CompoundReading, type ConditionPart } from '../language/compound-condition';
import { formatIsoDate, fromDayNumber } from '../time/calendar-date';
import { decimalString } from '../values/money';
import { Accumulator } from '../values/quantity';
import { candidateDays, findCrossing, type Crossing } from './crossing';
import { METRICS, type DaySums } from './metrics';
import type { InstancePlan, Plan } from './plan';

/** After pass 1: the candidate crossing days of every part, added to `days`. */
export function partCandidates(plans: readonly Plan[], sums: DaySums, days: Set<number>): void {
  const parts = plans.flatMap((p) => p.parts?.map((x) => x.plan) ?? []);
  if (parts.length === 0) return;
  for (const day of candidateDays(parts, sums)) days.add(day);
}

/** When one part holds in one instance, and by which row; null when it does not (yet). */
interface PartHold {
  crossing: Crossing;
  /** The local day (day number) from which the part holds. */
  day: number;
}

export interface CompoundOutcome {
  /** The crossing of the part that decided the compound, or null when the compound does not hold. */
  crossing: Crossing | null;
  /** The day from which the compound holds (the crossing row's day, or a period's last day), or null. */
  day: number | null;
  /** Each part's status, in words, for the notes. */
  note: string;
}

const later = (a: PartHold, b: PartHold): boolean =>
  a.day !== b.day ? a.day > b.day : a.crossing.row.time !== b.crossing.row.time ? a.crossing.row.time > b.crossing.row.time : a.crossing.row.row > b.crossing.row.row;

function combine(holds: ReadonlyArray<PartHold | null>, indices: readonly number[], connective: 'and' | 'or'): PartHold | null {
  let found: PartHold | null = null;
  for (const i of indices) {
    const h = holds[i];
    if (connective === 'and') {
      if (h === null) return null;
      if (found === null || later(h, found)) found = h;
    } else if (h !== null && (found === null || later(found, h))) found = h;
  }
  return found;
}

/**
 * One instance of a compound milestone: each part's hold, combined by the reading. `first` is the
 * milestone's own crossing (part 1); `index` the instance's position; `over` whether its window has ended
 * by the as-of date; `endDay` its last day (day number).
 */
export function compoundOutcome(
  plan: Plan, index: number, first: Crossing | null, context: { rowsByDay: ReadonlyMap<number, LedgerRow[]>; sums: DaySums; over: boolean; endDay: number },
): CompoundOutcome {
  const m: MilestoneNode = plan.milestone;
  const reading: CompoundReading = compoundReading(m.compound as NonNullable<MilestoneNode['compound']>);
  const parts = conditionParts(m);
  const holds: Array<PartHold | null> = [first ? { crossing: first, day: first.row.day } : null];
  const words: string[] = [statusWords(1, parts[0], holds[0], totalOf(plan, plan.instances[index], context.sums), false)];
  (plan.parts ?? []).forEach((pp, k) => {
    const inst = pp.plan.instances[index];
    const crossing = findCrossing(pp.plan, inst, context.rowsByDay, context.sums);
    // Measured at the period's end: it holds from that day, and only once the period is over.
    const hold = crossing === null ? null : pp.part.measuredAtEnd ? (context.over ? { crossing, day: context.endDay } : null) : { crossing, day: crossing.row.day };
    holds.push(hold);
    words.push(statusWords(k + 2, pp.part, hold, totalOf(pp.plan, inst, context.sums), crossing !== null && hold === null));
  });
  const grouped = reading.groups.map((g) => combine(holds, g, reading.inner));
  const all = grouped.map((_, i) => i);
  const decided = combine(grouped, all, reading.outer);
  const summary = decided === null ? 'the condition does not hold' : `the condition holds from ${isoDay(decided.day)} (row ${decided.crossing.row.id})`;
  return { crossing: decided?.crossing ?? null, day: decided?.day ?? null, note: `${words.join('; ')}; ${summary}` };
}

function totalOf(plan: Plan, inst: InstancePlan, sums: DaySums): string {
  const { net } = METRICS[plan.metric].series(sums, plan.productKey);
  const acc = new Accumulator();
  for (let i = Math.max(inst.from, 0); i < inst.to; i++) net.addTo(acc, i);
  return decimalString(acc.value());
}

const isoDay = (day: number): string => formatIsoDate(fromDayNumber(day));

function statusWords(n: number, part: ConditionPart, hold: PartHold | null, total: string, waitsForEnd: boolean): string {
  const what = `part ${n} (${partWords(part)}, total ${total})`;
  if (hold) {
    const by = `${isoDay(hold.crossing.row.day)} by row ${hold.crossing.row.id}`;
    return part.measuredAtEnd ? `${what} holds at the end of the period, ${isoDay(hold.day)} (passed on ${by})` : `${what} holds from ${by}`;
  }
  return waitsForEnd ? `${what} passes, but is measured at the end of the period, which is not over` : `${what} does not hold`;
}
