/**
 * Row order among rows at the same instant (a date-only ledger puts every row of a day at the same
 * instant). Such ties are taken in input order, as README's Guarantees state: the figures of gross,
 * unit, deal and new-customer milestones do not depend on it; which tied row is *named* as the
 * crossing one does, and so may a net milestone's crossing when a refund shares the instant of a sale.
 */
import fc from 'fast-check';
import { parse } from '../../src/language/parse';
import { evaluate, type EvaluationSuccess } from '../../src/evaluation/evaluate';
import type { LedgerRecord } from '../../src/ledger/rows';

const CLAUSE =
  'The Seller agrees to meet the following sales milestones: (i) $500 in sales revenue by the end of the first month, ' +
  '(ii) $900 in sales revenue by the end of the second month, and (iii) 3 new customers by the end of the first month. ' +
  'Upon achieving each milestone, the Seller will receive a bonus of $100.';
const OPTIONS = { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2026-02-28' };

function ast() {
  const parsed = parse(CLAUSE);
  if (!parsed.ast) throw new Error('the clause does not parse');
  return parsed.ast;
}

function ok(report: ReturnType<typeof evaluate>): EvaluationSuccess {
  if (!report.ok) throw new Error(JSON.stringify(report.errors));
  return report;
}

type Row = { day: number; cents: number; customer: string };
/** Few days and customers, so that most rows share their day with others. */
const genRow = fc.record({
  day: fc.integer({ min: 1, max: 4 }),
  cents: fc.integer({ min: -8000, max: 30000 }),
  customer: fc.constantFrom('Acme', 'Beta', 'Gamma', 'Delta', 'Epsilon'),
});
const genLedger = fc
  .array(genRow, { minLength: 1, maxLength: 30 })
  .chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows.map((_, i) => i), { minLength: rows.length })));

const record = (r: Row): LedgerRecord => ({ date: `2026-01-0${r.day}`, amount: (r.cents / 100).toFixed(2), customer: r.customer });

/** Everything but the names of rows (row numbers are positions in the file; the explained rows list them). */
function figures(report: EvaluationSuccess): unknown {
  const unnamed = new Set(['achievedBy', 'achievedByRow', 'triggeredBy', 'row', 'id', 'crossing', 'explain']);
  return JSON.parse(JSON.stringify({ milestones: report.milestones, obligations: report.obligations, totals: report.totals }, (k, v) => (unnamed.has(k) ? undefined : v)));
}

describe('row order among same-instant rows', () => {
  it('gross and new-customer milestones: shuffling a date-only ledger gives the same figures, days and amounts', () => {
    fc.assert(
      fc.property(genLedger, ([rows, order]) => {
        const a = ok(evaluate(ast(), rows.map(record), OPTIONS));
        const b = ok(evaluate(ast(), order.map((i) => record(rows[i])), OPTIONS));
        expect(figures(b)).toEqual(figures(a));
      }),
      { numRuns: 200 },
    );
  });

  it('the row named among same-instant rows is the earlier in the file (the stated limit)', () => {
    const rows = [
      { id: 'B', date: '2026-01-05', amount: '300' },
      { id: 'A', date: '2026-01-05', amount: '300' },
    ];
    const clause = parse('The Seller agrees to meet the following sales milestones: (i) $250 in sales revenue by the end of the first month.').ast;
    if (!clause) throw new Error('the clause does not parse');
    expect(ok(evaluate(clause, rows, OPTIONS)).milestones[0].achievedBy).toBe('B');
    expect(ok(evaluate(clause, [...rows].reverse(), OPTIONS)).milestones[0].achievedBy).toBe('A');
  });
});
