/**
 * The evaluator's work grows with the number of milestone instances, not with its square: notes are
 * kept once each without scanning the notes so far, and each milestone's payment is looked up once,
 * not once per met instance. Counted, not timed: the elements scanned by `Array.prototype.includes`
 * and the calls of the payment rule.
 */
import * as describeModule from '../../src/language/describe';
import { parse } from '../../src/language/parse';
import { evaluate } from '../../src/evaluation/evaluate';
import type { LedgerRecord } from '../../src/ledger/rows';

const CLAUSE =
  'The Seller agrees to meet the following sales milestones: (i) $100 in sales revenue in each month, and (ii) $150 in sales revenue in each month. ' +
  'Upon achieving each milestone, the Seller will receive a bonus of $10.';
const YEARS = 40;
const INSTANCES = 2 * 12 * YEARS;

function ledger(): LedgerRecord[] {
  const rows: LedgerRecord[] = [];
  for (let y = 0; y < YEARS; y++) for (let m = 1; m <= 12; m++) rows.push({ date: `${1990 + y}-${String(m).padStart(2, '0')}-15`, amount: '200' });
  return rows;
}

function run() {
  const ast = parse(CLAUSE).ast;
  if (!ast) throw new Error('the clause does not parse');
  const report = evaluate(ast, ledger(), { effectiveDate: '1990-01-01', timeZone: 'UTC', asOf: `${1990 + YEARS - 1}-12-31` });
  if (!report.ok) throw new Error(JSON.stringify(report.errors));
  return report;
}

afterEach(() => jest.restoreAllMocks());

describe('evaluation work per milestone instance', () => {
  it('every instance is met and paid (the inputs do the work counted below)', () => {
    const report = run();
    expect(report.milestones).toHaveLength(INSTANCES);
    expect(report.obligations).toHaveLength(INSTANCES);
  });

  it('notes are de-duplicated without scanning the notes so far', () => {
    const includes = Array.prototype.includes;
    let scanned = 0;
    jest.spyOn(Array.prototype, 'includes').mockImplementation(function (this: unknown[], ...args: [unknown, number?]) {
      scanned += this.length;
      return includes.apply(this, args);
    });
    const report = run();
    expect(report.notes.length).toBeGreaterThan(INSTANCES);
    // A scan of the notes so far per note would be about notes² / 2 (over 900,000 here).
    expect(scanned).toBeLessThan(20 * INSTANCES);
  });

  it("each milestone's payment is looked up once, not once per met instance", () => {
    const lookups = jest.spyOn(describeModule, 'paymentFor');
    run();
    expect(lookups.mock.calls.length).toBeLessThanOrEqual(2 * 2);
  });
});
