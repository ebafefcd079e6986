/**
 * Clawbacks on the SQL path ("Commissions paid on sales later refunded shall be offset against future
 * commissions."), read as src/evaluation/clawback.ts reads them: a milestone on a running total that was met and
 * whose window ends (or stands on the as-of date) below its target owes back what was paid at the crossing, by the
 * refund row after which the total fell below the target and stayed below.
 *
 * The query finds that row: for each such instance, the rows from the crossing day to the window's end, their
 * running total (the total before the crossing day plus each row's contribution in instant, then input, order),
 * and the last row that takes it from meeting the target to not meeting it (the total ends below it, so it stays
 * below after that row). The obligation and its words are the evaluator's (clawbackObligation).
 */
import type { ClawbackNode } from '../language/ast';
import { clawbackObligation, clawedBasis } from '../evaluation/clawback';
import type { Obligation } from '../evaluation/report';
import { dayNumber, parseIsoDate } from '../time/periods';
import type { SqlDialect } from './dialect';
import type { SqlMilestone, SqlPlan } from './plan';

/**
 * The sentence a milestone's sums are clawed back under, or null: as clawsBack in memory, only a milestone on a
 * running total (a period tested on its own total is not met when a refund takes it below; compound conditions and
 * tiers accruing on an open window, which the evaluator also excludes, are refused by the SQL path before this).
 */
export function sqlClawback(m: SqlMilestone): ClawbackNode | null {
  const node = m.clause.clawback;
  return node && !m.periodTotal ? node : null;
}

/**
 * The CTEs and the result rows (kind 'refund': iid, row_id, row_number, day) that find each undoing refund; none
 * when no milestone claws back. `contribution` is one row's contribution to an instance's metric (compile.ts), and
 * `meets` whether a total meets a target under a comparator.
 */
export function clawbackSql(
  plan: SqlPlan,
  p: { bind(value: string | number, type: string): string },
  dialect: SqlDialect,
  contribution: (row: string, metric: string, slot: string) => string,
  meets: (total: string, strict: string, target: string) => string,
): { ctes: string[]; selects: string[] } {
  const ids = plan.instances.filter((inst) => sqlClawback(inst.milestone) !== null).map((inst) => p.bind(inst.id, dialect.integer));
  if (ids.length === 0) return { ctes: [], selects: [] };
  const T = dialect.text;
  const ctes = [
    // Met instances whose total ends below the target: the crossing's day and the total before it.
    `undone AS (\n  SELECT x.iid, x.d, x.before_day FROM crossing AS x JOIN inst AS i ON i.iid = x.iid JOIN sums AS s ON s.iid = x.iid\n` +
      `  WHERE x.iid IN (${ids.join(', ')}) AND NOT ${meets('s.total', 'i.strict', 'i.target')}\n)`,
    `undone_rows AS (\n  SELECT u.iid, u.before_day, i.target, i.strict, f.rn, COALESCE(f.explicit_id, CAST(f.rn AS ${T})) AS id, f.d, f.t,\n` +
      `    ${contribution('f', 'i.metric', 'i.slot')} AS c\n` +
      `  FROM undone AS u JOIN inst AS i ON i.iid = u.iid JOIN dated AS f ON f.d >= u.d AND f.d < i.to_day\n)`,
    `undone_running AS (\n  SELECT undone_rows.*, before_day + SUM(c) OVER (PARTITION BY iid ORDER BY d, t, rn ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running\n` +
      `  FROM undone_rows WHERE c <> 0\n)`,
    `undoing AS (\n  SELECT z.* FROM (\n` +
      `    SELECT undone_running.*, ROW_NUMBER() OVER (PARTITION BY iid ORDER BY d DESC, t DESC, rn DESC) AS k FROM undone_running\n` +
      `    WHERE ${meets('running - c', 'strict', 'target')} AND NOT ${meets('running', 'strict', 'target')}\n` +
      `  ) AS z WHERE z.k = 1\n)`,
  ];
  const nullText = `CAST(NULL AS ${T})`;
  const selects = [
    `SELECT 'refund', u.iid, CAST(NULL AS ${dialect.integer}), u.id, u.rn, CAST(u.d AS ${T}), ${nullText}, ${nullText}, ${nullText}, ${nullText}, ${nullText}, ${nullText}\n  FROM undoing AS u`,
  ];
  return { ctes, selects };
}

/** The sum owed back for an obligation of a clawed-back instance, when the query found its undoing refund. */
export function clawbackOf(node: ClawbackNode | null, obligation: Obligation, refund: { row_id: string | null; day: string | null } | undefined, total: string): Obligation | null {
  if (!node || !refund || !clawedBasis(obligation)) return null;
  const day = dayNumber(parseIsoDate(refund.day as string) as NonNullable<ReturnType<typeof parseIsoDate>>);
  return clawbackObligation(node, obligation, { day, id: refund.row_id as string }, total);
}
