/**
 * Catch-up: "Milestone Events are cumulative: achievement of a Milestone Event triggers all prior Milestone Events not
 * previously triggered and paid." Each milestone of such a list is triggered on the earlier of its own first
 * achievement and the first achievement of any milestone after it in the list's order, by that milestone's crossing
 * row; it is paid once either way. Triggered by catch-up, the instance holding that day is reported met (the earlier
 * periods as they were: missed), and the notes say which milestone triggered it.
 */
import type { Crossing } from './crossing';
import type { Plan } from './plan';

export interface CaughtUp {
  crossing: Crossing;
  /** The later milestone whose own achievement triggers this one. */
  by: Plan;
}

/** Whether crossing `a` comes before `b`: by day, then time, then row. */
export function crossesBefore(a: Crossing, b: Crossing): boolean {
  if (a.row.day !== b.row.day) return a.row.day < b.row.day;
  if (a.row.time !== b.row.time) return a.row.time < b.row.time;
  return a.row.row < b.row.row;
}

/**
 * For each milestone of a clause with catch-up, the earliest own first achievement among the milestones after it, when
 * there is one. `firstCrossing` is a milestone's own first achievement (null: not met on its own).
 */
export function catchUpTriggers(plans: readonly Plan[], firstCrossing: (plan: Plan) => Crossing | null): Map<Plan, CaughtUp> {
  const out = new Map<Plan, CaughtUp>();
  const lists = new Map<number, Plan[]>();
  for (const plan of plans) if (plan.clause.catchUp) lists.set(plan.clauseIndex, [...(lists.get(plan.clauseIndex) ?? []), plan]);
  for (const list of lists.values()) {
    let later: CaughtUp | null = null;
    for (let k = list.length - 1; k >= 0; k--) {
      if (later) out.set(list[k], later);
      const own = firstCrossing(list[k]);
      if (own && (!later || crossesBefore(own, later.crossing))) later = { crossing: own, by: list[k] };
    }
  }
  return out;
}

/** The note of an instance triggered by catch-up: `by` names the later milestone achieved then, by row `rowId`. */
export function catchUpNote(instance: string, achievedAt: string | null, by: string, rowId: string, total: string): string {
  return (
    `${instance}: triggered on ${achievedAt} by catch-up: ${by} was achieved then ` +
    `(row ${rowId}), and the text says achievement of a milestone triggers every earlier one not previously triggered and paid; ` +
    `this period's own total (${total}) did not meet it`
  );
}
