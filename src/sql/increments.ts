/**
 * Amounts owed increment by increment on the SQL path ("a bonus of $1,000 for each full 100 Units … in
 * excess of 500 Units"): one obligation per whole increment an instance's total completes, at the row that
 * completes it. As in memory (src/evaluation/increments.ts), the k-th increment is a target of its own — the
 * start plus k increments, reached, not passed — searched by the same crossing steps as any instance: the
 * query adds one "step" instance per completed increment to its instance table, generated from the day sums
 * (how many increments the window's total completes), so the crossing rows of all increments come from the
 * one query. The count, the amounts, their words and the limit on how many are followed are the evaluator's.
 */
import type { EachIncrementPaymentNode } from '../language/ast';
import { Dec } from '../values/money';
import { completedIncrements, incrementObligationAt, incrementStart, MAX_INCREMENTS, tooManyIncrements } from '../evaluation/increments';
import type { Obligation, ObligationCommon } from '../evaluation/report';
import type { SqlDialect } from './dialect';
import { SqlUnsupportedError } from './unsupported';

/** The increments of one milestone instance, as the plan knows them before any row is read. */
export interface IncrementInstance {
  iid: number;
  payment: EachIncrementPaymentNode;
  /** The milestone's target, a decimal string. */
  target: string;
}

/**
 * Step instances are numbered apart from the plan's (which are 0, 1, …): negative, one block of MAX_INCREMENTS + 1 per
 * instance. The query numbers them (stepIdSql) and the report finds them (stepId) by this one formula, written twice
 * only because one side is SQL text; spec/sql/step-id.test.ts checks both on each engine at every boundary.
 */
const STEP_BLOCK = MAX_INCREMENTS + 1;

export function stepId(iid: number, k: number): number {
  return -1 - (iid * STEP_BLOCK + k);
}

/** stepId as a SQL expression of two integer expressions. */
export function stepIdSql(iid: string, k: string): string {
  return `-1 - (${iid} * ${STEP_BLOCK} + ${k})`;
}

/**
 * The CTEs that turn `base_inst` (the plan's instances) into `inst` (those and one step instance per
 * completed increment); `dayMetric` is the metric of a day of `days` (alias `dd`) by metric code and slot.
 */
export function incrementCtes(
  increments: readonly IncrementInstance[],
  bind: (value: string | number, type: string) => string,
  dialect: SqlDialect,
  dayMetric: (metric: string, slot: string) => string,
): string[] {
  const D = dialect.decimal;
  const I = dialect.integer;
  const max = dialect.maxWholeDigits;
  const rows = increments.map((inc) => {
    const start = incrementStart(new Dec(inc.target), inc.payment).toFixed();
    const size = new Dec(inc.payment.size).toFixed();
    for (const a of [start, size]) {
      if (max !== null && a.replace(/^-/, '').split('.')[0].replace(/^0+/, '').length > max) {
        throw new SqlUnsupportedError('amount width', `${a} has more than ${max} whole digits, more than ${dialect.name}'s ${D} holds; evaluate this clause with the in-memory engine`);
      }
    }
    return `(${bind(inc.iid, I)}, ${bind(start, D)}, ${bind(size, D)})`;
  });
  return [
    `incr (iid, start_at, size) AS (\n  VALUES\n    ${rows.join(',\n    ')}\n)`,
    `incr_totals AS (\n  SELECT n.iid, n.start_at, n.size, COALESCE(SUM(${dayMetric('b.metric', 'b.slot')}), CAST(0 AS ${D})) AS total\n` +
      `  FROM incr AS n JOIN base_inst AS b ON b.iid = n.iid LEFT JOIN days AS dd ON dd.d >= b.from_day AND dd.d < b.to_day GROUP BY n.iid, n.start_at, n.size\n)`,
    // The k-th increment is complete when the total reaches the start plus k increments. Counted up one by one (a
    // recursive CTE: the planner then expects few rows, where a generated range would make it expect thousands),
    // to MAX_INCREMENTS at most; more in all is the evaluator's error, told from the totals in TypeScript.
    `steps (iid, k) AS (\n  SELECT iid, CAST(1 AS ${I}) FROM incr_totals WHERE size > 0 AND start_at + size <= total\n  UNION ALL\n` +
      `  SELECT s.iid, s.k + 1 FROM steps AS s JOIN incr_totals AS t ON t.iid = s.iid WHERE s.k < ${MAX_INCREMENTS} AND t.start_at + t.size * (s.k + 1) <= t.total\n)`,
    // Reached, not passed (strict 0), by the same crossing steps as the instance itself (its window, metric, period rule).
    `inst AS (\n  SELECT * FROM base_inst\n  UNION ALL\n` +
      `  SELECT ${stepIdSql('b.iid', 's.k')}, b.metric, b.slot, CAST(t.start_at + t.size * s.k AS ${D}), 0, b.from_day, b.to_day, 0, CAST(NULL AS ${D}), b.factor, -1, b.ptotal, 0, b.pay_from\n` +
      `  FROM steps AS s JOIN incr_totals AS t ON t.iid = s.iid JOIN base_inst AS b ON b.iid = s.iid\n)`,
  ];
}

/** The increments wanted in all (the evaluator's completedIncrements, each instance's capped at MAX_INCREMENTS + 1), and its error past the limit. */
export function incrementsWanted(totals: ReadonlyArray<{ payment: EachIncrementPaymentNode; target: string; total: Dec }>): { code: 'too-many-increments'; severity: 'error'; message: string } | null {
  let wanted = 0;
  for (const t of totals) wanted += completedIncrements(t.total, new Dec(t.target), t.payment);
  return wanted > MAX_INCREMENTS ? tooManyIncrements(wanted) : null;
}

/**
 * One instance's obligations, one per completed increment whose crossing row the query found (`rowOf(k)`),
 * in the evaluator's words; an empty list when its total completes none (the caller notes it).
 */
export function incrementObligations(
  inc: IncrementInstance & { milestone: Parameters<typeof incrementObligationAt>[0] },
  total: Dec,
  rowOf: (k: number) => { day: string; id: string } | null,
  common: Omit<ObligationCommon, 'triggeredAt' | 'triggeredBy'>,
  source: string,
): { steps: number; obligations: Obligation[] } {
  const target = new Dec(inc.target);
  const steps = completedIncrements(total, target, inc.payment);
  const obligations: Obligation[] = [];
  for (let k = 1; k <= steps; k++) {
    const row = rowOf(k);
    if (row === null) continue;
    obligations.push(incrementObligationAt(inc.milestone, target, inc.payment, k, row, common, source));
  }
  return { steps, obligations };
}
