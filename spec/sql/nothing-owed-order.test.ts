/**
 * Amounts of zero dropped with a note, from clauses of different kinds: a measured commission below its
 * minimum payout (first clause) and a top-up whose royalty meets the minimum (second clause). Both engines
 * drop them in one pass in the evaluator's order, so the notes come in the clauses' order on each.
 */
import { parse } from '../../src/language/parse';
import { evaluate } from '../../src/evaluation/evaluate';
import { evaluateOnEngine } from '../../src/node/sql-evaluation';
import type { LedgerRecord } from '../../src/ledger/rows';
import { ENGINES, dropTable, loadRecords, tableName, useEngine } from './support/engines';

const TEXT =
  'Vendor shall pay Site Host a commission of ten percent (10%) of Net Sales in each quarter, within thirty (30) days after the end of such quarter; ' +
  'provided, however, that Site Host shall not receive any commission payment for a quarter in which the commission earned is less than $500.\n\n' +
  'Licensee shall pay Foundation earned royalties of five percent (5%) of Net Sales ("Earned Royalties"), payable annually. ' +
  'If Licensee\'s Earned Royalties for any calendar quarter are less than $1 (the "Minimum Royalty"), Licensee shall make a payment to Foundation ' +
  'within sixty (60) days after the end of such calendar quarter equal to the difference between the Minimum Royalty and the Earned Royalties for that calendar quarter.';
const RECORDS: LedgerRecord[] = [
  { id: 'a', date: '2026-02-01', amount: '100', currency: 'USD' },
  { id: 'b', date: '2026-05-01', amount: '30', currency: 'USD' },
];
const OPTIONS = { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2026-10-15' };

describe.each(ENGINES)('%s', (engineName) => {
  const engine = useEngine(engineName);

  it('drops amounts of zero from clauses of different kinds with the in-memory notes, in the same order', async () => {
    const parsed = parse(TEXT);
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const ast = parsed.ast as NonNullable<typeof parsed.ast>;
    const expected = evaluate(ast, RECORDS, OPTIONS);
    if (!expected.ok) throw new Error(JSON.stringify(expected.errors));
    const nothing = expected.notes.filter((n) => n.includes('nothing is owed for the window ending'));
    // The commission's two quarters, then the top-up's quarter: the clauses' order.
    expect(nothing.map((n) => n.split(':')[0])).toEqual([expect.stringMatching(/^clause 1/), expect.stringMatching(/^clause 1/), expect.stringMatching(/^clause 2/)]);
    const table = tableName('owed');
    await loadRecords(engine(), table, RECORDS);
    try {
      expect(await evaluateOnEngine(engine(), ast, OPTIONS, { kind: 'table', name: table }, null)).toEqual(expected);
    } finally {
      await dropTable(engine(), table);
    }
  });
});
