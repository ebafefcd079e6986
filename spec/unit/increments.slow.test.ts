/**
 * Laws of amounts owed increment by increment (src/evaluation/increments.ts), on random ledgers: the
 * increments owed are monotone in the base (one more sale never takes an increment away when nothing is
 * refunded), their number is the whole increments of the instance's total beyond the threshold, and each
 * is owed on or after the one before it, at a row whose running total has reached it.
 */
import fc from 'fast-check';
import { validate } from '../../src/language/check';
import { evaluate } from '../../src/evaluation/evaluate';
import { runs, SEED } from '../support/clause-arbitraries';

const CLAUSE = 'The Company shall pay the Distributor a bonus of $1,000 for each full 100 Units sold by the Distributor in any Calendar Quarter in excess of 500 Units.';
const ast = (() => {
  const checked = validate(CLAUSE);
  if (!checked.ast) throw new Error('the clause does not parse');
  return checked.ast;
})();

const context = { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2026-03-31' };
/** Sales in Q1 2026: a day of the quarter (0-89) and a count of units. */
const sales = fc.array(fc.record({ day: fc.integer({ min: 0, max: 89 }), units: fc.integer({ min: 1, max: 400 }) }), { maxLength: 12 });

function ledgerOf(rows: Array<{ day: number; units: number }>) {
  return rows.map((r, i) => ({ id: `S${i + 1}`, date: new Date(Date.UTC(2026, 0, 1 + r.day)).toISOString().slice(0, 10), units: String(r.units) }));
}

function owed(rows: Array<{ day: number; units: number }>) {
  const report = evaluate(ast, ledgerOf(rows), { ...context, readIssues: [] });
  if (!report.ok) throw new Error(JSON.stringify(report.errors));
  return report.obligations;
}

test('one more sale never takes an increment away; the count is the whole increments beyond the threshold', () => {
  fc.assert(
    fc.property(sales, fc.record({ day: fc.integer({ min: 0, max: 89 }), units: fc.integer({ min: 1, max: 400 }) }), (rows, extra) => {
      const before = owed(rows);
      const after = owed([...rows, extra]);
      const total = [...rows, extra].reduce((s, r) => s + r.units, 0);
      expect(after.length).toBe(Math.max(0, Math.floor((total - 500) / 100)));
      expect(after.length).toBeGreaterThanOrEqual(before.length);
    }),
    { seed: SEED, numRuns: runs(100) },
  );
});

test('each increment is owed no earlier than the one before it, at a row whose running total reaches it', () => {
  fc.assert(
    fc.property(sales, (rows) => {
      const ledger = ledgerOf(rows);
      const obligations = owed(rows);
      const order = ledger.map((r, i) => ({ ...r, i })).sort((a, b) => a.date.localeCompare(b.date) || a.i - b.i);
      obligations.forEach((o, k) => {
        if (k > 0) expect(o.triggeredAt >= obligations[k - 1].triggeredAt).toBe(true);
        let running = 0;
        for (const r of order) {
          running += Number(r.units);
          if (r.id === o.triggeredBy) break;
        }
        expect(running).toBeGreaterThanOrEqual(500 + 100 * (k + 1));
      });
    }),
    { seed: SEED, numRuns: runs(100) },
  );
});
