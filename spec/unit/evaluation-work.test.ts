/**
 * The evaluator's work grows with the number of milestone instances, not with its square: notes are
 * kept once each without scanning the notes so far, and each milestone's payment is looked up once,
 * not once per met instance. Counted, not timed: the elements scanned by `Array.prototype.includes`
 * and the searches of a clause's payment terms (the payment rule's work).
 */
import type { DocumentNode } from '../../src/language/ast';
import { parse } from '../../src/language/parse';
import { evaluate } from '../../src/evaluation/evaluate';
import type { LedgerRecord } from '../../src/ledger/rows';

const CLAUSE =
  'The Seller agrees to meet the following sales milestones: (i) $100 in sales revenue in each month, and (ii) $150 in sales revenue in each month. ' +
  'Upon achieving each milestone, the Seller will receive a bonus of $10.';
const YEARS = 40;
const INSTANCES = 2 * 12 * YEARS;

function ledger(years: number): LedgerRecord[] {
  const rows: LedgerRecord[] = [];
  for (let y = 0; y < years; y++) for (let m = 1; m <= 12; m++) rows.push({ date: `${1990 + y}-${String(m).padStart(2, '0')}-15`, amount: '200' });
  return rows;
}

function run(years = YEARS, prepare: (ast: DocumentNode) => void = () => undefined) {
  const ast = parse(CLAUSE).ast;
  if (!ast) throw new Error('the clause does not parse');
  prepare(ast);
  const report = evaluate(ast, ledger(years), { effectiveDate: '1990-01-01', timeZone: 'UTC', asOf: `${1990 + years - 1}-12-31` });
  if (!report.ok) throw new Error(JSON.stringify(report.errors));
  return report;
}

/** How many times the evaluation searches a clause's payment terms (`paymentFor` searches them for a milestone's payment). */
function paymentSearches(years: number): number {
  let searches = 0;
  run(years, (ast) => {
    for (const clause of ast.clauses) {
      clause.payments = new Proxy(clause.payments, {
        get: (terms, key, receiver) => {
          if (key === 'find' || key === 'filter' || key === 'some' || key === 'forEach' || key === Symbol.iterator) searches++;
          return Reflect.get(terms, key, receiver);
        },
      });
    }
  });
  return searches;
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
    // 24 met instances in one year, 960 in forty: the payment terms are searched as often for either.
    const searches = paymentSearches(1);
    expect(searches).toBeGreaterThan(0);
    expect(paymentSearches(YEARS)).toBe(searches);
  });
});
