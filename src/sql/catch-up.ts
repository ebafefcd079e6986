/**
 * Catch-up on the SQL path ("Milestone Events are cumulative: achievement of a Milestone Event triggers all prior
 * Milestone Events not previously triggered and paid."), read as src/evaluation/catch-up.ts reads it: each milestone
 * of the list is triggered on the earlier of its own achievement and the first own achievement of any milestone after
 * it in the list, by that milestone's crossing row.
 *
 * The query finds, from the instances' own crossings: each milestone's first own crossing (its first instance that
 * is met); for each milestone of a list, the earliest of those among the milestones after it (by day, instant, then
 * input order; on a tie, the one later in the list, as catchUpTriggers takes it); and the instance holding that day,
 * when its own crossing is not earlier. An instance so triggered is met for the milestones paid once (the instances
 * after it are not tested), and the report takes its crossing row and rows before it from the triggering instance.
 */
import type { ClauseNode } from '../language/ast';
import { SqlUnsupportedError } from './unsupported';
import type { SqlDialect } from './dialect';

/**
 * Refuses what the SQL path does not compute with catch-up: a list holding a payment judged on its period's total
 * (a minimum's shortfall, an attainment table), not at a crossing row.
 */
export function checkCatchUp(milestones: ReadonlyArray<{ clause: ClauseNode; payment: { kind: string } }>): void {
  for (const m of milestones) {
    const kind = m.payment.kind;
    if (m.clause.catchUp && (kind === 'shortfall' || kind === 'attainment')) {
      throw new SqlUnsupportedError(`catch-up with a ${kind} payment`, `the SQL engines do not support catch-up over a payment judged on the period's total (${kind === 'shortfall' ? 'a minimum\'s shortfall' : 'an attainment table'}) yet; evaluate this clause with the in-memory engine`);
    }
  }
}

/**
 * The CTEs and result rows (kind 'caught': iid, seq the triggering instance) of catch-up, and the name of the table
 * of met instances a milestone paid once stops at (`crossing` when no clause has catch-up). The CTEs read `crossing`
 * and `inst`, and are written before the instances that are reported (`live`) are chosen.
 */
export function catchUpSql(
  plan: { milestones: ReadonlyArray<{ clause: ClauseNode; clauseIndex: number; index: number }> },
  p: { bind(value: string | number, type: string): string },
  dialect: SqlDialect,
): { ctes: string[]; selects: string[]; met: string } {
  const pairs: string[] = [];
  const int = (n: number): string => p.bind(n, dialect.integer);
  // Each clause's list, by the clause's position (as catchUpTriggers groups them).
  const lists = new Map<number, number[]>();
  for (const m of plan.milestones) if (m.clause.catchUp) lists.set(m.clauseIndex, [...(lists.get(m.clauseIndex) ?? []), m.index]);
  for (const list of lists.values()) {
    list.forEach((ms, k) => {
      for (let j = k + 1; j < list.length; j++) pairs.push(`(${int(ms)}, ${int(list[j])}, ${int(j)})`);
    });
  }
  if (pairs.length === 0) return { ctes: [], selects: [], met: 'crossing' };
  const ctes = [
    // Each milestone of a list, each milestone after it, and that one's position in the list.
    `catch_pairs (ms, later_ms, pos) AS (\n  VALUES\n    ${pairs.join(',\n    ')}\n)`,
    // A milestone's own first achievement: its first instance met on its own.
    `first_own AS (\n  SELECT z.ms, z.iid, z.d, z.t, z.rn FROM (\n` +
      `    SELECT i.ms, x.iid, x.d, x.t, x.rn, ROW_NUMBER() OVER (PARTITION BY i.ms ORDER BY x.iid) AS k FROM crossing AS x JOIN inst AS i ON i.iid = x.iid\n` +
      `  ) AS z WHERE z.k = 1\n)`,
    `caught AS (\n  SELECT z.ms, z.by_iid, z.d, z.t, z.rn FROM (\n` +
      `    SELECT c.ms, f.iid AS by_iid, f.d, f.t, f.rn, ROW_NUMBER() OVER (PARTITION BY c.ms ORDER BY f.d, f.t, f.rn, c.pos DESC) AS k\n` +
      `    FROM catch_pairs AS c JOIN first_own AS f ON f.ms = c.later_ms\n` +
      `  ) AS z WHERE z.k = 1\n)`,
    // The instance holding the triggering day, unless its own crossing comes first.
    `caught_inst AS (\n  SELECT i.iid, cu.by_iid FROM inst AS i JOIN caught AS cu ON cu.ms = i.ms AND cu.d >= i.from_day AND cu.d < i.to_day\n` +
      `  LEFT JOIN crossing AS x ON x.iid = i.iid\n` +
      `  WHERE x.iid IS NULL OR cu.d < x.d OR (cu.d = x.d AND (cu.t < x.t OR (cu.t = x.t AND cu.rn < x.rn)))\n)`,
    `met_inst AS (\n  SELECT iid FROM crossing UNION SELECT iid FROM caught_inst\n)`,
  ];
  const nullText = `CAST(NULL AS ${dialect.text})`;
  const selects = [
    `SELECT 'caught', c.iid, c.by_iid, ${nullText}, CAST(NULL AS ${dialect.integer}), ${nullText}, ${nullText}, ${nullText}, ${nullText}, ${nullText}, ${nullText}, ${nullText}\n  FROM caught_inst AS c`,
  ];
  return { ctes, selects, met: 'met_inst' };
}

