/**
 * Finding the row that crosses a target. After pass 1, the per-day sums give each window instance
 * its candidate crossing days; pass 2 keeps the rows of those days, and ordering just them (by
 * instant, ties by row number) names the crossing row and the rows shown before it.
 */
import type { LedgerRow } from '../ledger/rows';
import { decimalString, type Dec } from '../values/money';
import { Accumulator, toDec, type Quantity } from '../values/quantity';
import { formatIsoDate, fromDayNumber } from '../time/periods';
import type { ExplainRow } from './report';
import { METRICS, type DaySums } from './metrics';
import type { InstancePlan, Plan } from './plan';
import { crossingTarget } from './carry-forward';

/** Rows shown up to and including the crossing row (`crossing.rows`, `--explain`). */
const EXPLAIN_ROWS = 4;

/**
 * Ends pass 1 for the plans: fills each instance's candidates and returns the candidate day indices.
 * A day is a candidate when the running total before it plus the day's positive contributions
 * reaches the target: the running total can only peak within a day by that much. For monotone
 * metrics this is exactly the one crossing day; for net revenue a refund later that day may undo the
 * peak, so candidates continue up to the first day whose end-of-day total reaches the target (where
 * crossing is certain). The last earlier day that moved the total is kept too, for the explanation.
 */
export function candidateDays(plans: readonly Plan[], sums: DaySums): Set<number> {
  const days = new Set<number>();
  for (const plan of plans) {
    for (const inst of plan.instances) {
      // Accruing tiers owe each day's rise, named by the day's last row: pass 2 keeps every such day.
      if (plan.accrues) for (let i = Math.max(inst.from, 0); i < inst.to; i++) if (sums.rowsPerDay[i] > 0) days.add(i);
      instanceCandidates(plan, inst, sums, days);
    }
  }
  return days;
}

/** One instance's candidate crossing days of `plan.target` (see candidateDays), added to `days`. */
export function instanceCandidates(plan: Plan, inst: InstancePlan, sums: DaySums, days: Set<number>): void {
  if (plan.periodTotal) {
    periodTotalCandidates(plan, inst, sums, days);
    return;
  }
  // Met on its first day by the amount carried in: no row crosses the target.
  if (inst.carry?.alone) return;
  const { up, net } = METRICS[plan.metric].series(sums, plan.productKey, plan.rowSet);
  // The target less what was carried in: one value for the instance, not one per day or row.
  const target = crossingTarget(plan, inst);
  const acc = new Accumulator();
  let previous = -1;
  for (let i = inst.from; i < inst.to; i++) {
    if (sums.rowsPerDay[i] === 0) continue;
    const peak = acc.clone();
    up.addTo(peak, i);
    if (peak.reaches(target, plan.strict)) {
      inst.candidates.push({ index: i, before: acc.clone(), previous });
      days.add(i);
      if (previous >= 0) days.add(previous);
    }
    net.addTo(acc, i);
    if (inst.candidates.length > 0 && acc.reaches(target, plan.strict)) {
      inst.reached = true;
      break;
    }
    if (up.changedOn(i) || net.changedOn(i)) previous = i;
  }
}

/**
 * Candidates of an instance tested on its period's total (calendar periods): the target is met when
 * the total at the end of the evaluated window passes it, and the crossing row is the one after
 * which the total passes and stays passing. That row lies on the last day that starts below the
 * target, or on a later day whose own refunds may take the total below and back again.
 */
function periodTotalCandidates(plan: Plan, inst: InstancePlan, sums: DaySums, days: Set<number>): void {
  const { up, net } = METRICS[plan.metric].series(sums, plan.productKey, plan.rowSet);
  const target = crossingTarget(plan, inst);
  const acc = new Accumulator();
  const starts: Array<{ index: number; before: Accumulator; dips: boolean }> = [];
  let previous = -1;
  let lastBelow = -1;
  for (let i = inst.from; i < inst.to; i++) {
    if (sums.rowsPerDay[i] === 0) continue;
    const before = acc.clone();
    const rises = new Accumulator();
    up.addTo(rises, i);
    const moves = new Accumulator();
    net.addTo(moves, i);
    const dips = !rises.value().equals(moves.value());
    if (!before.reaches(target, plan.strict)) lastBelow = starts.length;
    starts.push({ index: i, before, dips });
    net.addTo(acc, i);
  }
  if (!acc.reaches(target, plan.strict)) return;
  if (lastBelow < 0) {
    // Passing from the period's first day (an amount carried in passes the target alone): a row crosses only on a day
    // whose refunds take the total below and back again; when none does, no row crosses (so pass 2 need find none).
    starts.forEach((s, k) => {
      if (!s.dips) return;
      const prior = k > 0 ? starts[k - 1].index : -1;
      inst.candidates.push({ index: s.index, before: s.before, previous: prior });
      days.add(s.index);
      if (prior >= 0) days.add(prior);
    });
    return;
  }
  inst.reached = true;
  for (let k = lastBelow; k < starts.length; k++) {
    const s = starts[k];
    if (k > lastBelow && !s.dips) continue;
    previous = k > 0 ? starts[k - 1].index : -1;
    inst.candidates.push({ index: s.index, before: s.before, previous });
    days.add(s.index);
    if (previous >= 0) days.add(previous);
  }
}

export interface Crossing {
  row: LedgerRow;
  /** The running total before the crossing day. */
  beforeDay: Dec;
  explain: ExplainRow[];
}

/** The crossing row of an instance among pass 2's rows by day index (null: the target is not reached). */
export function findCrossing(plan: Plan, inst: InstancePlan, rowsByDay: ReadonlyMap<number, LedgerRow[]>, sums: DaySums): Crossing | null {
  if (plan.periodTotal) return lastCrossing(plan, inst, rowsByDay, sums);
  const rule = METRICS[plan.metric];
  const target = crossingTarget(plan, inst);
  for (const candidate of inst.candidates) {
    const rows = rowsByDay.get(candidate.index) ?? [];
    rows.sort((a, b) => a.time - b.time || a.row - b.row);
    const acc = candidate.before.clone();
    // The last rows and their running totals, written out only once the crossing row is found: a
    // candidate day may hold thousands of rows, and exact decimal text for each would cost more
    // than the search.
    const trail: Array<{ r: LedgerRow; c: Quantity; total: Accumulator }> = [];
    for (const r of rows) {
      const c = rule.contribution(r, plan.productKey, sums, plan.rowSet);
      if (typeof c === 'number' && c === 0) continue;
      acc.add(c);
      trail.push({ r, c, total: acc.clone() });
      if (trail.length > EXPLAIN_ROWS) trail.shift();
      if (acc.reaches(target, plan.strict)) {
        const earlier = trail.length < EXPLAIN_ROWS ? explainDay(plan, candidate.previous, candidate.before.value(), EXPLAIN_ROWS - trail.length, rowsByDay, sums) : [];
        const shown = trail.map(({ r: t, c: q, total }) => ({
          id: t.id,
          row: t.row,
          date: formatIsoDate(fromDayNumber(t.day)),
          contribution: decimalString(toDec(q)),
          runningTotal: decimalString(total.value()),
        }));
        return { row: r, beforeDay: candidate.before.value(), explain: [...earlier, ...shown] };
      }
    }
  }
  return null;
}

/** For a period-total instance: the last row that takes the total from below the target to passing it (null: none). */
function lastCrossing(plan: Plan, inst: InstancePlan, rowsByDay: ReadonlyMap<number, LedgerRow[]>, sums: DaySums): Crossing | null {
  // Candidates exist only when the total passes at the end: a sure crossing (`reached`), or a carried-in start's dips.
  if (inst.candidates.length === 0) return null;
  const rule = METRICS[plan.metric];
  const target = crossingTarget(plan, inst);
  let found: Crossing | null = null;
  for (const candidate of inst.candidates) {
    const rows = rowsByDay.get(candidate.index) ?? [];
    rows.sort((a, b) => a.time - b.time || a.row - b.row);
    const acc = candidate.before.clone();
    const trail: ExplainRow[] = [];
    for (const r of rows) {
      const c = rule.contribution(r, plan.productKey, sums, plan.rowSet);
      if (typeof c === 'number' && c === 0) continue;
      const below = !acc.reaches(target, plan.strict);
      acc.add(c);
      trail.push({ id: r.id, row: r.row, date: formatIsoDate(fromDayNumber(r.day)), contribution: decimalString(toDec(c)), runningTotal: decimalString(acc.value()) });
      if (trail.length > EXPLAIN_ROWS) trail.shift();
      if (below && acc.reaches(target, plan.strict)) {
        const earlier = trail.length < EXPLAIN_ROWS ? explainDay(plan, candidate.previous, candidate.before.value(), EXPLAIN_ROWS - trail.length, rowsByDay, sums) : [];
        found = { row: r, beforeDay: candidate.before.value(), explain: [...earlier, ...trail] };
      }
    }
  }
  return found;
}

/** The last `count` contributing rows of day `index`, whose running total ends at `endTotal`. */
function explainDay(plan: Plan, index: number, endTotal: Dec, count: number, rowsByDay: ReadonlyMap<number, LedgerRow[]>, sums: DaySums): ExplainRow[] {
  if (index < 0) return [];
  const rule = METRICS[plan.metric];
  const rows = (rowsByDay.get(index) ?? []).slice().sort((a, b) => a.time - b.time || a.row - b.row);
  const out: ExplainRow[] = [];
  let running = endTotal;
  for (let k = rows.length - 1; k >= 0 && out.length < count; k--) {
    const c = rule.contribution(rows[k], plan.productKey, sums, plan.rowSet);
    if (typeof c === 'number' && c === 0) continue;
    const r = rows[k];
    out.unshift({ id: r.id, row: r.row, date: formatIsoDate(fromDayNumber(r.day)), contribution: decimalString(toDec(c)), runningTotal: decimalString(running) });
    running = running.minus(toDec(c));
  }
  return out;
}
