/**
 * Id, product and customer cells on the SQL engines (src/sql/text-cells.ts) read as the in-memory reader reads them
 * (`normalizeText`, `textKey`): a doubled, no-break or zero-width space, a curly apostrophe, a tab, a letter outside ASCII
 * in another case make the same name, on DuckDB and PostgreSQL alike. A query compiled without the engine (`clause sql`)
 * cannot read such a cell: it names the row, column and cell with `unusual-name`.
 */
import { evaluate } from '../../src/evaluation/evaluate';
import { parse } from '../../src/language/parse';
import type { LedgerRecord } from '../../src/ledger/rows';
import { compileEvaluation } from '../../src/sql/compile';
import { planEvaluation } from '../../src/sql/plan';
import { normalizeResultRow, reportFromRows } from '../../src/sql/report';
import { ENGINES, dropTable, evaluateRecords, loadRecords, tableName, useEngine } from './support/engines';

const CONTEXT = { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2026-06-30' };
const UNITS = 'The Seller agrees to meet the following sales milestones: (i) 12 units of "Widget Pro" by the end of month 6. Upon achieving milestone (i), the Seller shall receive a bonus of $500.';
const CUSTOMERS = 'The Seller agrees to meet the following sales milestones: (i) 5 new customers by the end of month 6. Upon achieving milestone (i), the Seller shall receive a bonus of $500.';
const REVENUE = 'The Seller agrees to meet the following sales milestones: (i) $1,000 in sales revenue by June 1, 2026. Upon achieving milestone (i), the Seller shall receive a bonus of $500.';

const unitRows: LedgerRecord[] = [
  { date: '2026-01-05', amount: '10', units: '4', product: 'Widget  Pro' },
  { date: '2026-01-06', amount: '10', units: '4', product: 'widget pro' },
  { date: '2026-01-07', amount: '10', units: '2', product: 'Widget\u00a0Pro' },
  { date: '2026-01-08', amount: '10', units: '1', product: '\u200bWidget Pro' },
  { date: '2026-01-09', amount: '10', units: '1', product: 'Widget\tPro' },
  { date: '2026-01-10', amount: '10', units: '50', product: 'Widget Max' },
];

const customerRows: LedgerRecord[] = [
  { date: '2026-01-05', amount: '100', customer: 'Acme  Inc' },
  { date: '2026-01-06', amount: '100', customer: 'acme inc' },
  { date: '2026-01-07', amount: '100', customer: 'Acme\u00a0Inc' },
  { date: '2026-01-08', amount: '100', customer: 'O\u2019Brien Ltd' },
  { date: '2026-01-09', amount: '100', customer: "o'brien ltd" },
  { date: '2026-01-10', amount: '100', customer: 'CAFÉ Nord' },
  { date: '2026-01-11', amount: '100', customer: 'café nord' },
  { date: '2026-01-12', amount: '100', customer: 'İSTANBUL Ltd' },
  { date: '2026-01-13', amount: '100', customer: 'i\u0307stanbul ltd' },
  { date: '2026-01-14', amount: '100', customer: 'istanbul ltd' },
  { date: '2026-01-15', amount: '100', customer: 'Straße AG' },
  { date: '2026-01-16', amount: '100', customer: 'STRASSE AG' },
  { date: '2026-01-17', amount: '100', customer: '\u2060' },
];

const idRows: LedgerRecord[] = [
  { date: '2026-01-05', amount: '300', id: 'A 1' },
  { date: '2026-01-06', amount: '300', id: 'A  1' },
  { date: '2026-01-07', amount: '300', id: 'B\u00a01' },
  { date: '2026-01-08', amount: '300', id: 'B 1' },
  { date: '2026-01-09', amount: '300', id: 'c\u200b2' },
  { date: '2026-01-10', amount: '300', id: 'c2' },
];

const CASES: Array<[string, string, LedgerRecord[]]> = [
  ['units of a product written with doubled, no-break, zero-width spaces and a tab', UNITS, unitRows],
  ['new customers: doubled and no-break spaces, curly apostrophe, case outside ASCII', CUSTOMERS, customerRows],
  ['ids that repeat once read', REVENUE, idRows],
];

const parsed = (clause: string) => {
  const ast = parse(clause).ast;
  if (!ast) throw new Error('no AST');
  return ast;
};

describe.each(ENGINES)('%s', (engineName) => {
  const engine = useEngine(engineName);

  it.each(CASES)('%s: the report equals the in-memory one', async (_name, clause, records) => {
    const ast = parsed(clause);
    const expected = evaluate(ast, records, CONTEXT);
    const actual = await evaluateRecords(engine(), ast, CONTEXT, records, 'names');
    expect(actual).toEqual(expected);
  });

  it('the cases are not vacuous: met at 12 units, 5 customers, 3 duplicate ids', async () => {
    const read = (clause: string, records: LedgerRecord[]) => evaluateRecords(engine(), parsed(clause), CONTEXT, records, 'names');
    const units = await read(UNITS, unitRows);
    if (!units.ok) throw new Error(JSON.stringify(units.errors));
    expect(units.milestones[0].total).toBe('12');
    const customers = await read(CUSTOMERS, customerRows);
    if (!customers.ok) throw new Error(JSON.stringify(customers.errors));
    // acme inc, o'brien ltd, café nord, i̇stanbul ltd (with the dot JavaScript keeps), istanbul ltd, straße ag, strasse ag.
    expect(customers.milestones[0].total).toBe('7');
    const ids = await read(REVENUE, idRows);
    expect(ids.ok).toBe(false);
    if (ids.ok) return;
    expect(ids.errors.map((e) => [e.code, e.row])).toEqual([
      ['duplicate-id', 2],
      ['duplicate-id', 4],
      ['duplicate-id', 6],
    ]);
  });

  it('a query compiled alone names each unusual cell (unusual-name), never a nearby reading', async () => {
    const ast = parsed(CUSTOMERS);
    const planned = planEvaluation(ast, CONTEXT);
    if (!planned.ok) throw new Error(planned.message);
    const table = tableName('names');
    await loadRecords(engine(), table, customerRows);
    try {
      const spec = { source: { kind: 'table' as const, name: table }, columns: { order: 'row', date: 'date', amount: 'amount', customer: 'customer' }, dateType: 'text' as const };
      const query = compileEvaluation(planned.plan, spec, engine().dialect);
      const report = reportFromRows(planned.plan, (await engine().query(query.text, query.params)).map(normalizeResultRow));
      expect(report.ok).toBe(false);
      if (report.ok) return;
      expect(report.errors.map((e) => [e.code, e.row, e.column])).toEqual(
        [1, 3, 4, 6, 7, 8, 9, 11, 13].map((row) => ['unusual-name', row, 'customer']),
      );
    } finally {
      await dropTable(engine(), table);
    }
  });
});
