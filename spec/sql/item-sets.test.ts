/**
 * Defined sets on the SQL engines (src/sql/item-sets.ts): the same report as in memory when the ledger writes a member's
 * name with no-break, em or doubled spaces, a soft hyphen or another case (counted), with punctuation or a longer name (a
 * near match, warned once per name in order of its first evaluated row, at most MAX_NEAR of them, none for rows outside
 * [E, A]), with invisible marks only (no name: noted), or not at all (a required column's error). Without the ledger's
 * cells (`clause sql` prints a query alone) a set is refused by name.
 */
import { evaluate } from '../../src/evaluation/evaluate';
import { parse } from '../../src/language/parse';
import type { LedgerRecord } from '../../src/ledger/rows';
import { compileEvaluation } from '../../src/sql/compile';
import { DIALECTS } from '../../src/sql/dialects';
import { planEvaluation } from '../../src/sql/plan';
import { ENGINES, evaluateRecords, useEngine } from './support/engines';

const PRODUCTS =
  'If Net Sales of Eligible Products exceed $1,000 in any calendar quarter, the Company shall pay the Agent a commission equal to five percent (5%) of such Net Sales. ' +
  '"Eligible Products" means the Widget Pro and Widget Max product lines.';
const CUSTOMERS =
  'Northwind Co., Inc. shall pay Agent a one-time fee of $1,000 upon the Key Customers first generating Gross Sales of at least $500. "Key Customers" means Acme, Inc. and Beta Holdings, LLC.';
const CONTEXT = { effectiveDate: '2026-01-01', timeZone: 'America/New_York', asOf: '2026-06-30' };

const productRows: LedgerRecord[] = [
  // Before E: a near name here is never judged in memory, so it is not warned.
  { date: '2025-12-20', amount: '900', product: 'Widget-Pro Old' },
  { date: '2026-01-05', amount: '400', product: 'Widget\u00a0Pro' },
  { date: '2026-01-06', amount: '300', product: ' widget  PRO ' },
  { date: '2026-01-07', amount: '350', product: 'Widget\u2003Max\u00ad' },
  { date: '2026-01-08', amount: '5000', product: 'Gadget' },
  { date: '2026-01-09', amount: '700', product: 'Widget Pro+' },
  { date: '2026-01-10', amount: '100', product: '\u200b' },
  { date: '2026-02-01', amount: '-50', product: 'WIDGET PRO' },
  { date: '2026-02-02', amount: '60', product: 'Widget Pro 2' },
  { date: '2026-02-03', amount: '70', product: 'Widget Pro+' },
  { date: '2026-04-03', amount: '1200', product: 'widget max' },
  { date: '2026-07-03', amount: '999', product: 'Widget-Max' },
  // More near names than the evaluator keeps.
  ...Array.from({ length: 24 }, (_, k): LedgerRecord => ({ date: `2026-05-${String(k + 1).padStart(2, '0')}`, amount: '1', product: `Widget Pro ${k + 10}` })),
];

const customerRows: LedgerRecord[] = [
  { date: '2026-01-05', amount: '300', customer: 'ACME,\u00a0INC.' },
  { date: '2026-01-06', amount: '100', customer: 'Acme Inc' },
  { date: '2026-01-07', amount: '150', customer: 'beta holdings, llc' },
  { date: '2026-01-08', amount: '80', customer: '\u2060' },
  { date: '2026-01-09', amount: '60', customer: 'Beta  Holdings,  LLC' },
];

const missingProduct: LedgerRecord[] = [
  { date: '2026-01-05', amount: '400', product: 'Widget Pro' },
  { date: '2026-01-06', amount: '300', product: '  ' },
  { date: '2026-01-07', amount: '300', product: '' },
];

const CASES: Array<[string, string, LedgerRecord[]]> = [
  ['products: spellings, near names (capped), a blank name', PRODUCTS, productRows],
  ['customers: a party set with spaced and near names', CUSTOMERS, customerRows],
  ['a set whose column is empty in some rows', PRODUCTS, missingProduct],
  ['a set whose column the ledger lacks', CUSTOMERS, [{ date: '2026-01-05', amount: '700', product: 'Acme, Inc.' }]],
];

describe('a defined set without the ledger', () => {
  it('is refused by name when the query is only printed', () => {
    const ast = parse(PRODUCTS).ast;
    if (!ast) throw new Error('no AST');
    const planned = planEvaluation(ast, CONTEXT);
    if (!planned.ok) throw new Error(planned.message);
    const spec = { source: { kind: 'table' as const, name: 'sales' }, columns: { order: 'row', date: 'date', amount: 'amount', product: 'product' }, dateType: 'text' as const };
    expect(() => compileEvaluation(planned.plan, spec, DIALECTS.duckdb)).toThrow(expect.objectContaining({ feature: 'defined set without its ledger cells' }));
  });
});

describe.each(ENGINES)('%s', (engineName) => {
  const engine = useEngine(engineName);

  it.each(CASES)('%s: the report equals the in-memory one', async (_name, clause, records) => {
    const ast = parse(clause).ast;
    if (!ast) throw new Error('no AST');
    const expected = evaluate(ast, records, CONTEXT);
    const actual = await evaluateRecords(engine(), ast, CONTEXT, records, 'sets');
    expect(actual).toEqual(expected);
  });

  it('warns the near names the in-memory evaluator warns (the case is not vacuous)', async () => {
    const ast = parse(PRODUCTS).ast;
    if (!ast) throw new Error('no AST');
    const actual = await evaluateRecords(engine(), ast, CONTEXT, productRows, 'sets');
    if (!actual.ok) throw new Error(JSON.stringify(actual.errors));
    const near = actual.diagnostics.filter((d) => d.code === 'set-near-miss').map((d) => /"([^"]+)" nearly/.exec(d.message)?.[1]);
    expect(near.slice(0, 3)).toEqual(['Widget Pro+', 'Widget Pro 2', 'Widget Pro 10']);
    expect(near).toHaveLength(20);
    expect(actual.notes.some((n) => n.includes('1 row has no product'))).toBe(true);
    expect(actual.milestones[0].total).toBe('1000');
  });
});
