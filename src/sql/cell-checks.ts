/**
 * Text cells (a CSV loaded as text, a text column in a warehouse) must be checked before the
 * evaluation query casts them: a cast that fails stops the whole query without saying which row.
 * This query names the rows whose date, amount or units text is outside the forms the SQL path
 * reads; each one is then classified by the ledger reader's own rules (same codes and messages as
 * `evaluate`), so a SQL evaluation never reports a ledger problem in other words.
 */
import type { SqlDialect } from './dialect';
import type { LedgerTableSpec } from './compile';
import { DATE_FORM, labelColumns, NUMBER_FORM, Params, sourceSql, TRIM_CHARACTERS } from './compile';
import { datedSql, summaryLabelSql, summarySql } from './summary-rows';
import { summaryRowIssue } from '../ledger/summary-rows';
import { quoteIdentifier } from './identifier';
import type { SqlPlan } from './plan';
import { DateReader } from '../time/date-reader';
import { ZoneClock } from '../time/zone-clock';
import { MAX_LEDGER_DECIMALS, MAX_LEDGER_DIGITS, parseQuantity, tooLong } from '../values/quantity';
import { MAX_REPORTED_ERRORS, type EvaluationDiagnostic } from '../evaluation/evaluate';


export interface CellCheckQuery {
  text: string;
  params: Array<string | number>;
}

/** The check, or null when no column the plan reads is text. */
export function compileCellChecks(plan: SqlPlan, spec: LedgerTableSpec, dialect: SqlDialect): CellCheckQuery | null {
  // An engine with TRY_CAST checks the cells in the evaluation query itself (compile.ts).
  if (dialect.tryCast) return null;
  const textColumns = new Set(spec.textColumns ?? []);
  const p = new Params(dialect);
  const bind = (value: string): string => p.bind(value, dialect.text);
  const trimSet = bind(TRIM_CHARACTERS);
  const parts: string[] = [];
  const order = `s.${quoteIdentifier(spec.columns.order)}`;
  // A summary row's error is its only one (as in memory): its cells are not checked, and it is named (col 'summary-row', label its column).
  const date = spec.columns.date;
  const dated = (): string =>
    spec.dateType === 'text' ? datedSql(`CAST(s.${quoteIdentifier(date)} AS ${dialect.text})`, dialect, bind, trimSet) : `s.${quoteIdentifier(date)} IS NOT NULL`;
  const labels = labelColumns(spec).map((l) => ({ name: l.name, cell: `CAST(s.${quoteIdentifier(l.column)} AS ${dialect.text})` }));
  const summary = labels.length === 0 ? null : summarySql(labels, dated(), dialect, bind, trimSet);
  const notSummary = summary ? ` AND ${summary} IS NULL` : '';
  const check = (column: 'date' | 'amount' | 'units', name: string | null | undefined, form: string, extra: (cell: string) => string | null): void => {
    if (!name || !textColumns.has(name)) return;
    const raw = `CAST(s.${quoteIdentifier(name)} AS ${dialect.text})`;
    const cell = `NULLIF(${dialect.trimChars(column === 'date' ? `replace(upper(${raw}), ',', '.')` : raw, trimSet)}, '')`;
    const pattern = bind(form);
    const alsoBad = extra(cell);
    parts.push(
      `SELECT CAST(${order} AS ${dialect.integer}) AS rn, '${column}' AS col, ${raw} AS val, CAST(NULL AS ${dialect.text}) AS label FROM ${sourceSql(spec.source, p, dialect)} AS s ` +
        `WHERE ${cell} IS NOT NULL AND ` +
        (alsoBad ? `CASE WHEN ${dialect.fullMatch(cell, pattern)} THEN ${alsoBad} ELSE TRUE END` : `NOT ${dialect.fullMatch(cell, pattern)}`) +
        notSummary,
    );
  };
  check('date', spec.columns.date, DATE_FORM, (cell) => dialect.castFails?.(cell) ?? null);
  if (plan.wantsAmount || plan.milestones.some((m) => m.payment.kind === 'rate')) check('amount', spec.columns.amount, NUMBER_FORM, () => null);
  if (plan.wantsUnits) check('units', spec.columns.units, NUMBER_FORM, () => null);
  if (parts.length === 0) return null;
  // The summary rows' own part names the column and its cell from the labels read once (`label_k`).
  if (summary) {
    const named = summaryLabelSql(labels.map((l, k) => ({ name: l.name, cell: `label_${k}` })), 'summary_at', dialect, bind, trimSet);
    parts.push(
      `SELECT rn, 'summary-row', ${named.value}, ${named.column} FROM (\n` +
        `    SELECT CAST(${order} AS ${dialect.integer}) AS rn, ${labels.map((l, k) => `${l.cell} AS label_${k}`).join(', ')}, ${summary} AS summary_at FROM ${sourceSql(spec.source, p, dialect)} AS s\n` +
        `  ) AS labelled WHERE summary_at IS NOT NULL`,
    );
  }
  // `cells`: the rows named for a cell (not for being a summary), which the evaluation query's casts could not read.
  return { text: `SELECT rn, col, val, label, COUNT(*) OVER () AS n, COUNT(CASE WHEN col <> 'summary-row' THEN 1 END) OVER () AS cells FROM (\n  ${parts.join('\n  UNION ALL\n  ')}\n) AS bad ORDER BY rn, col LIMIT ${Number(MAX_REPORTED_ERRORS)}\n`, params: p.values };
}

/** A row the check named → the ledger reader's error for it: a summary row (`label` its column), else the cell's. */
export function classifyCheckedRow(plan: SqlPlan, row: number, column: string, value: string, label: string | null): EvaluationDiagnostic {
  return column === 'summary-row' ? { ...summaryRowIssue(row, label ?? '', value), severity: 'error' } : classifyCell(plan, row, column, value);
}

/** A cell the check named → the ledger reader's code and message for it. */
export function classifyCell(plan: SqlPlan, row: number, column: string, value: string): EvaluationDiagnostic {
  const text = value.trim();
  if (column === 'date') {
    const problem = DateReader.shared(ZoneClock.shared(plan.context.zone)).parse(text);
    if (problem) return { row, column, value, code: problem.code, message: problem.message, severity: 'error' };
    return { row, column, value, code: 'invalid-date', message: `the SQL engine cannot read the date form '${text}': write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS with an optional offset`, severity: 'error' };
  }
  const q = parseQuantity(text);
  if (q === null) {
    return {
      row,
      column,
      value,
      code: column === 'units' ? 'non-numeric-units' : 'non-numeric-amount',
      message: `${column} '${text}' is not a plain signed decimal such as 1200.50 or -35 (no currency symbols or thousands separators)`,
      severity: 'error',
    };
  }
  const long = tooLong(q);
  return {
    row,
    column,
    value,
    code: 'number-too-long',
    message: long
      ? `${column} has ${long.digits} digits, ${long.decimals} of them decimals: the limit is ${MAX_LEDGER_DIGITS} digits, at most ` +
        `${MAX_LEDGER_DECIMALS} decimals, so that sums over up to 10^9 rows stay exact (60 significant digits)`
      : `${column} '${text}' has more than 28 whole digits, more than DECIMAL(38, 10) holds: the SQL engines cannot sum it exactly`,
    severity: 'error',
  };
}
