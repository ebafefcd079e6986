/**
 * Running a compiled evaluation on an engine, whichever it is: describe the ledger table, check
 * its text cells, run the one evaluation query, turn its rows into the report. The engines
 * (duckdb-engine.ts, postgres-engine.ts) only say how to run a query and describe a table.
 */
import type { DocumentNode } from '../language/ast';
import type { EvaluationReport } from '../evaluation/evaluate';
import { compileEvaluation, type LedgerSource } from '../sql/compile';
import { classifyCell, compileCellChecks } from '../sql/cell-checks';
import { clockShiftsOf, compileClockShiftRows } from '../sql/clock-shift-rows';
import type { SqlDialect } from '../sql/dialect';
import { planEvaluation, type SqlPlanOptions } from '../sql/plan';
import { normalizeResultRow, reportFromRows } from '../sql/report';
import { tableSpec, type DescribedColumn } from '../sql/table-spec';
import { checkExportColumns } from '../sql/export-columns';
import { MAX_REPORTED_ERRORS, type EvaluationDiagnostic } from '../evaluation/evaluate';
import { formatIsoDate } from '../time/periods';

export interface SqlEngine {
  readonly dialect: SqlDialect;
  query(text: string, params: ReadonlyArray<string | number>): Promise<Array<Record<string, unknown>>>;
  describe(source: LedgerSource): Promise<DescribedColumn[]>;
}

export async function evaluateOnEngine(
  engine: SqlEngine,
  ast: DocumentNode,
  options: SqlPlanOptions,
  source: LedgerSource,
  orderBy: string | null,
  /** The source's columns when the caller has described them already (a portfolio's contracts share one ledger). */
  described?: readonly DescribedColumn[],
): Promise<EvaluationReport> {
  const planned = planEvaluation(ast, options);
  if (!planned.ok) {
    const e: EvaluationDiagnostic = { code: planned.code ?? 'invalid-context', severity: 'error', message: planned.message };
    return { ok: false, asOf: options.asOf ?? null, effectiveDate: options.effectiveDate, timeZone: options.timeZone ?? 'UTC', errors: [e], errorCount: 1, diagnostics: [] };
  }
  const plan = planned.plan;
  const columns = described ?? (await engine.describe(source));
  checkExportColumns(columns);
  const spec = tableSpec(source, columns, orderBy);
  const checks = compileCellChecks(plan, spec, engine.dialect);
  if (checks) {
    const bad = await engine.query(checks.text, checks.params);
    if (bad.length > 0) {
      const errors = bad
        .slice(0, MAX_REPORTED_ERRORS)
        .map((r) => classifyCell(plan, Number(r.rn), String(r.col), r.val === null || r.val === undefined ? '' : String(r.val)));
      return {
        ok: false,
        asOf: formatIsoDate(plan.context.asOf),
        effectiveDate: options.effectiveDate,
        timeZone: plan.context.zone,
        errors,
        errorCount: Number(bad[0].n),
        diagnostics: [],
      };
    }
  }
  const query = compileEvaluation(plan, spec, engine.dialect);
  const rows = await engine.query(query.text, query.params);
  const shiftQuery = compileClockShiftRows(plan, spec, engine.dialect);
  const shifts = shiftQuery === null ? undefined : clockShiftsOf(plan, (await engine.query(shiftQuery.text, shiftQuery.params)) as Array<{ rn: unknown; val: unknown }>);
  return reportFromRows(plan, rows.map(normalizeResultRow), shifts);
}
