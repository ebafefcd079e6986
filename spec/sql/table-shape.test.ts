/**
 * What a ledger table must be for the SQL engines, on both engines: a unique integer row number
 * (ties are broken by it), exact number columns (a binary float is refused), a date column.
 */
import { parse } from '../../src/language/parse';
import type { DocumentNode } from '../../src/language/ast';
import { quoteIdentifier } from '../../src/sql/identifier';
import { SqlUnsupportedError } from '../../src/sql/unsupported';
import { evaluateOnEngine } from '../../src/node/sql-evaluation';
import { ENGINES, dropTable, loadRecords, tableName, useEngine } from './support/engines';

const ast = parse('The Seller agrees to meet the following sales milestones: (i) $100 in sales revenue by the end of the first month.').ast as DocumentNode;
const options = { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2026-03-01' };
const records = [
  { id: 'A', date: '2026-01-05', amount: '60' },
  { id: 'B', date: '2026-01-05', amount: '60' },
];

describe.each(ENGINES)('%s', (engineName) => {
  const engine = useEngine(engineName);

  it('a repeated row number is the error duplicate-order, not a tie broken at random', async () => {
    const table = tableName('dup');
    try {
      await loadRecords(engine(), table, records);
      await engine().query(`UPDATE ${quoteIdentifier(table)} SET "row" = 1`, []);
      const report = await evaluateOnEngine(engine(), ast, options, { kind: 'table', name: table }, null);
      expect(report.ok).toBe(false);
      if (!report.ok) expect(report.errors.map((e) => e.code)).toEqual(['duplicate-order']);
    } finally {
      await dropTable(engine(), table);
    }
  });

  it('a float amount column, or no row-number column, is refused naming it', async () => {
    const table = tableName('shape');
    const t = quoteIdentifier(table);
    try {
      await engine().query(`CREATE TABLE ${t} ("row" BIGINT, "date" DATE, "amount" ${engineName === 'duckdb' ? 'DOUBLE' : 'DOUBLE PRECISION'})`, []);
      await expect(evaluateOnEngine(engine(), ast, options, { kind: 'table', name: table }, null)).rejects.toThrow(/binary floating-point/);
      await engine().query(`DROP TABLE ${t}`, []);
      await engine().query(`CREATE TABLE ${t} ("date" DATE, "amount" NUMERIC(12, 2))`, []);
      const refusal = evaluateOnEngine(engine(), ast, options, { kind: 'table', name: table }, null);
      await expect(refusal).rejects.toThrow(SqlUnsupportedError);
      await expect(evaluateOnEngine(engine(), ast, options, { kind: 'table', name: table }, null)).rejects.toThrow(/--order-by/);
    } finally {
      await dropTable(engine(), table);
    }
  });
});
