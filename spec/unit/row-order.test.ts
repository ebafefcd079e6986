/**
 * Results do not depend on row order, also among rows at the same instant: a date-only ledger puts
 * every row of a day at the same instant, and the crossing row, a customer's first sale and every
 * figure are then chosen by the rows' ids (or content), never by their place in the file.
 */
import fc from 'fast-check';
import { parse } from '../../src/language/parse';
import { evaluate, type EvaluationSuccess } from '../../src/evaluation/evaluate';
import type { LedgerRecord } from '../../src/ledger/rows';

const CLAUSE =
  'The Seller agrees to meet the following sales milestones: (i) $500 in sales revenue by the end of the first month, ' +
  '(ii) $400 in net sales revenue by the end of the first month, and (iii) 3 new customers by the end of the first month. ' +
  'Upon achieving each milestone, the Seller will receive a commission equal to 2% of the net sales revenue.';
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

/** Few days and customers, so that most rows share their day with others. */
const genRow = fc.record({
  day: fc.integer({ min: 1, max: 4 }),
  cents: fc.integer({ min: -8000, max: 30000 }),
  customer: fc.constantFrom('Acme', 'Beta', 'Gamma', 'Delta', 'Epsilon'),
});
type Row = { day: number; cents: number; customer: string };

const record = (r: Row, id: string | null): LedgerRecord => ({
  ...(id === null ? {} : { id }),
  date: `2026-01-0${r.day}`,
  amount: (r.cents / 100).toFixed(2),
  customer: r.customer,
});

/** Milestones and obligations; without ids the row numbers (positions in the file) are left out. */
function outcome(report: EvaluationSuccess, withRowNumbers: boolean) {
  const strip = (key: string, value: unknown) => (!withRowNumbers && (key === 'achievedByRow' || key === 'row' || key === 'achievedBy' || key === 'triggeredBy' || key === 'id') ? undefined : value);
  return JSON.parse(JSON.stringify({ milestones: report.milestones, obligations: report.obligations, totals: report.totals }, strip)) as unknown;
}

const genLedger = fc.array(genRow, { minLength: 1, maxLength: 30 }).chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows.map((_, i) => i), { minLength: rows.length })));

describe('row order among same-instant rows', () => {
  it('with ids: shuffling gives the same milestones, obligations and crossing rows (achievedBy included)', () => {
    fc.assert(
      fc.property(genLedger, ([rows, order]) => {
        const records = rows.map((r, i) => record(r, `s${i}`));
        const a = ok(evaluate(ast(), records, OPTIONS));
        const b = ok(evaluate(ast(), order.map((i) => records[i]), OPTIONS));
        expect(outcome(b, false)).toEqual(outcome(a, false));
        expect(b.milestones.map((m) => m.achievedBy)).toEqual(a.milestones.map((m) => m.achievedBy));
        expect(b.obligations.map((o) => o.triggeredBy)).toEqual(a.obligations.map((o) => o.triggeredBy));
        expect(b.milestones.map((m) => m.crossing?.rows.map((x) => x.id) ?? null)).toEqual(a.milestones.map((m) => m.crossing?.rows.map((x) => x.id) ?? null));
      }),
      { numRuns: 200 },
    );
  });

  it('without ids: shuffling gives the same milestones and obligations (the row numbers name positions)', () => {
    fc.assert(
      fc.property(genLedger, ([rows, order]) => {
        const a = ok(evaluate(ast(), rows.map((r) => record(r, null)), OPTIONS));
        const b = ok(evaluate(ast(), order.map((i) => record(rows[i], null)), OPTIONS));
        expect(outcome(b, false)).toEqual(outcome(a, false));
        // The crossing row is the same row by content, wherever it stands in the file.
        const crossed = (rep: EvaluationSuccess, rs: Row[]) => rep.milestones.map((m) => (m.achievedByRow === null ? null : rs[m.achievedByRow - 1]));
        expect(crossed(b, order.map((i) => rows[i]))).toEqual(crossed(a, rows));
      }),
      { numRuns: 200 },
    );
  });

  it('a same-day tie: the crossing row is the one whose id comes first, in either file order', () => {
    const rows = [
      { id: 'B', date: '2026-01-05', amount: '300', customer: 'Acme' },
      { id: 'A', date: '2026-01-05', amount: '300', customer: 'Beta' },
    ];
    const clause = parse('The Seller agrees to meet the following sales milestones: (i) $250 in sales revenue by the end of the first month.').ast;
    if (!clause) throw new Error('the clause does not parse');
    for (const ledger of [rows, [...rows].reverse()]) expect(ok(evaluate(clause, ledger, OPTIONS)).milestones[0].achievedBy).toBe('A');
  });
});
