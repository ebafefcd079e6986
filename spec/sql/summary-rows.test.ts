/**
 * Summary rows on the SQL engines (src/sql/summary-rows.ts): the reader's rule `isSummaryLabel` and the SQL patterns
 * agree on every engine for labels, near-labels, Unicode spaces and both cases, on dated and undated rows; and a
 * ledger with a dated `Total` row (a customer `Total`, a `Total for …` line) fails with the same `summary-row` errors,
 * rows and other errors as the in-memory reader, never summed as a sale.
 */
import { evaluate } from '../../src/evaluation/checked-evaluate';
import { parse } from '../../src/language/parse';
import { isSummaryLabel } from '../../src/ledger/summary-rows';
import type { LedgerRecord } from '../../src/ledger/rows';
import { evaluateOnEngine } from '../../src/node/sql-evaluation';
import { Params, TRIM_CHARACTERS } from '../../src/sql/compile';
import { summaryLabelSql, summarySql } from '../../src/sql/summary-rows';
import { ENGINES, dropTable, loadRecords, tableName, useEngine } from './support/engines';

const LABELS = [
  'Total', 'TOTAL:', 'Totals', 'total :', 'Grand Total', 'grand-total', 'GRAND\u00a0TOTAL', 'Subtotal', 'Sub-total (USD)', 'Sub total (EUR):',
  'Total for Contoso Ltd', 'TOTAL FOR\u2003Acme', 'total\tfor\nx', 'Total for', 'Total Wine & More', 'Totally Awesome', 'Total_x', 'Total-',
  'Total rows: 2', 'Total (a\nb)', 'Total)', 'Total (', ' Total ', '\u00a0Total', '\u2003Total', 'Total\u2003', '\ufeffTotal', 'Subway', 'grandtotal',
  '\u017fubtotal', 'Tot', 'Totals:', 'Total\u200b', 'total\u3000for\u3000x', 'Grand Sub-Total', 'subtotals', 'Total  (USD)  :', 'Total:x',
];

const CLAUSE = 'The Company shall pay the Agent a bonus of $500 upon Net Sales of at least $1,000 by June 30, 2026.';
const CONTEXT = { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2026-06-30' };

const LEDGER: LedgerRecord[] = [
  { id: 'A', date: '2026-01-10', amount: '600', customer: 'Acme' },
  { id: 'B', date: '2026-01-11', amount: '300', customer: 'Total Wine & More' },
  { id: 'T', date: '2026-01-31', amount: '900', customer: 'Total' },
  { id: 'C', date: '', amount: '', customer: 'Beta' },
  { id: 'T', date: '2026-02-01', amount: '50', customer: 'Gamma' },
  { id: 'S', date: '', amount: '', customer: 'Total rows: 5' },
  { id: 'Total for Acme', date: '2026-02-28', amount: '600', customer: 'Acme' },
];

/** With a cell the engine cannot read (PostgreSQL checks such cells before its query): the summary rows are listed beside it. */
const WITH_BAD_CELL: LedgerRecord[] = [
  { id: 'A', date: '2026-01-10', amount: '600', customer: 'Acme' },
  { id: 'T', date: '2026-01-31', amount: 'n/a', customer: 'Subtotal' },
  { id: 'B', date: '2026-02-10', amount: 'abc', customer: 'Beta' },
  { id: 'G', date: '2026-02-28', amount: '1500', customer: 'Grand Total' },
];

describe.each(ENGINES)('%s', (engineName) => {
  const engine = useEngine(engineName);

  it('reads a label as the reader does, on dated and undated rows', async () => {
    const dialect = engine().dialect;
    const p = new Params(dialect);
    const bind = (v: string): string => p.bind(v, dialect.text);
    const trimSet = bind(TRIM_CHARACTERS);
    const columns = [{ name: 'customer', cell: 't.cell' }];
    const at = summarySql(columns, 't.dated', dialect, bind, trimSet);
    if (!at) throw new Error('no summary condition');
    const summary = summaryLabelSql(columns, at, dialect, bind, trimSet);
    const rows = LABELS.flatMap((label, k) => [true, false].map((dated) => `(${p.bind(2 * k + (dated ? 0 : 1), dialect.integer)}, ${bind(label)}, ${dated ? 'TRUE' : 'FALSE'})`));
    const result = await engine().query(`SELECT t.k, ${summary.column} AS col, ${summary.value} AS val FROM (VALUES ${rows.join(', ')}) AS t(k, cell, dated) ORDER BY t.k`, p.values);
    const got = result.map((r) => [Number(r.k), r.col === null ? null : String(r.col), r.val === null ? null : String(r.val)]);
    const want = LABELS.flatMap((label, k) =>
      [true, false].map((dated) => [2 * k + (dated ? 0 : 1), isSummaryLabel(label, dated) ? 'customer' : null, isSummaryLabel(label, dated) ? label.trim() : null]),
    );
    expect(got).toEqual(want);
    // The list is not vacuous: it holds labels of both kinds on each kind of row.
    expect(want.filter((w) => w[1] !== null).length).toBeGreaterThan(10);
    expect(want.filter((w) => w[1] === null).length).toBeGreaterThan(10);
  });

  it.each([
    ['dated and undated totals, a repeated id, missing cells', LEDGER, [3, 6, 7]],
    ['totals beside a cell no engine reads', WITH_BAD_CELL, [2, 4]],
  ] as const)('%s: the reader\'s errors, not a sum', async (_name, ledger, summaries) => {
    const ast = parse(CLAUSE).ast;
    if (!ast) throw new Error('no AST');
    const expected = evaluate(ast, ledger, CONTEXT);
    if (expected.ok) throw new Error('the in-memory reader reads the totals as sales');
    expect(expected.errors.filter((e) => e.code === 'summary-row').map((e) => e.row)).toEqual(summaries);
    const table = tableName('totals');
    await loadRecords(engine(), table, ledger);
    try {
      const actual = await evaluateOnEngine(engine(), ast, CONTEXT, { kind: 'table', name: table }, null);
      if (actual.ok) throw new Error('the SQL engine reads the totals as sales');
      // Every error at the same row, column and code; a summary row's in the same words (a cell's words are the SQL engines' own: they read plain decimals only).
      const shape = (e: (typeof expected.errors)[number]): unknown => (e.code === 'summary-row' ? e : { row: e.row, column: e.column, code: e.code, value: e.value });
      expect(actual.errors.map(shape)).toEqual(expected.errors.map(shape));
      expect(actual.errorCount).toBe(expected.errorCount);
    } finally {
      await dropTable(engine(), table);
    }
  });
});
