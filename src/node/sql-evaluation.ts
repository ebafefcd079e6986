/**
 * Running a compiled evaluation on an engine, whichever it is: describe the ledger table, check
 * its text cells, run the one evaluation query, turn its rows into the report. The engines
 * (duckdb-engine.ts, postgres-engine.ts) only say how to run a query and describe a table.
 */
import type { DocumentNode } from '../language/ast';
import type { EvaluationReport } from '../evaluation/evaluate';
import { compileEvaluation, Params, sourceSql, type LedgerSource, type LedgerTableSpec } from '../sql/compile';
import { judgeSetCells, setCellsQuery, setFields, type SetCells, type SetField } from '../sql/item-sets';
import { nameCellsQuery, readNameCells, type NameCells, type NameField } from '../sql/text-cells';
import { classifyCheckedRow, compileCellChecks } from '../sql/cell-checks';
import { clockShiftsOf, compileClockShiftRows } from '../sql/clock-shift-rows';
import type { SqlDialect } from '../sql/dialect';
import { planEvaluation, type SqlPlan, type SqlPlanOptions } from '../sql/plan';
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
  const unjudged = planned.plan;
  const columns = described ?? (await engine.describe(source));
  checkExportColumns(columns);
  const spec = tableSpec(source, columns, orderBy);
  // A defined set's cells are judged by the in-memory rule first (src/sql/item-sets.ts).
  const judged = unjudged.sets.length === 0 ? unjudged : { ...unjudged, setCells: await setCellsOf(engine, unjudged, spec) };
  // Unusual id, product and customer cells are read by the in-memory rule first (src/sql/text-cells.ts).
  const plan = { ...judged, nameCells: await nameCellsOf(engine, judged, spec) };
  const checks = compileCellChecks(plan, spec, engine.dialect);
  if (checks) {
    const bad = await engine.query(checks.text, checks.params);
    // Summary rows alone are the evaluation query's errors too (beside the ledger's other problems, as in memory); a cell its casts cannot read stops here.
    if (bad.length > 0 && Number(bad[0].cells) > 0) {
      const errors = bad
        .slice(0, MAX_REPORTED_ERRORS)
        .map((r) => classifyCheckedRow(plan, Number(r.rn), String(r.col), r.val === null || r.val === undefined ? '' : String(r.val), r.label === null || r.label === undefined ? null : String(r.label)));
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

/** The ledger's distinct cells of each column a defined set reads, judged against the sets' members. */
async function setCellsOf(engine: SqlEngine, plan: SqlPlan, spec: LedgerTableSpec): Promise<SetCells> {
  const cells: Record<SetField, string[]> = { product: [], customer: [] };
  for (const field of setFields(plan.sets)) {
    const column = spec.columns[field];
    // No such column: every row is a required column's error, which the evaluation query reports.
    if (!column) continue;
    const p = new Params(engine.dialect);
    const rows = await engine.query(setCellsQuery(sourceSql(spec.source, p, engine.dialect), column, engine.dialect), p.values);
    cells[field] = rows.map((r) => String(r.v));
  }
  return judgeSetCells(plan.sets, cells);
}

/** The ledger's unusual cells of the name columns the query reads, read by the in-memory rule. */
async function nameCellsOf(engine: SqlEngine, plan: SqlPlan, spec: LedgerTableSpec): Promise<NameCells> {
  const c = spec.columns;
  const wanted: Array<{ field: NameField; column: string | null | undefined }> = [
    { field: 'id', column: c.id },
    { field: 'product', column: plan.products.length > 0 ? c.product : null },
    { field: 'customer', column: plan.wantsCustomers ? c.customer : null },
  ];
  const columns = wanted.flatMap(({ field, column }) => (column ? [{ field, column }] : []));
  if (columns.length === 0) return readNameCells([]);
  const p = new Params(engine.dialect);
  const from = sourceSql(spec.source, p, engine.dialect);
  const text = nameCellsQuery(from, columns, engine.dialect, (v) => p.bind(v, engine.dialect.text));
  const rows = await engine.query(text, p.values);
  return readNameCells(rows.map((r) => ({ field: String(r.col) as NameField, cell: String(r.v) })));
}
