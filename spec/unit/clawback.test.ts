/**
 * Clawbacks: the three sentence forms read back as the same terms, and on random ledgers the sentence changes
 * nothing but one obligation: the bonus owed back (its negative, naming it) exactly when refunds after the trigger
 * leave the total below the target, so that the clause then owes nothing in all.
 */
import fc from 'fast-check';
import { parse } from '../../src/language/parse';
import { validate } from '../../src/language/check';
import { format, termsOf } from '../../src/language/format';
import type { EvaluationSuccess } from '../../src/evaluation/evaluate';
import type { LedgerRecord } from '../../src/ledger/rows';
import { dayLedger, dayRecord, evaluateText } from '../support/day-ledger';
import { runs } from '../support/clause-arbitraries';

const CLAUSE = 'If Net Sales exceed $1,000 in the first quarter, the Company shall pay the Agent a bonus of $500.';
const SENTENCES = [
  'Commissions paid on sales later refunded shall be offset against future commissions.',
  'Bonuses paid on sales that are later refunded shall be repaid.',
  'Payments paid on sales later refunded shall be charged back.',
];

describe('clawback sentences', () => {
  test.each(SENTENCES)('%s reads back as the same terms', (sentence) => {
    const checked = validate(`${CLAUSE} ${sentence}`);
    expect(checked.diagnostics).toEqual([]);
    const ast = checked.ast!;
    expect(ast.clauses[0].clawback).toBeDefined();
    const again = parse(format(ast));
    expect(termsOf(again.ast!)).toEqual(termsOf(ast));
  });
});

const OPTIONS = { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2026-05-31' };
const genLedger = dayLedger(120, -60000, 60000, 20);
const record = dayRecord;
const run = (text: string, rows: LedgerRecord[]): EvaluationSuccess => evaluateText(text, rows, OPTIONS);

describe('the law of a clawback', () => {
  it('owes the bonus back exactly when the quarter ends below the target after it was met', () => {
    fc.assert(
      fc.property(genLedger, (ledger) => {
        const rows = ledger.map(record);
        const without = run(CLAUSE, rows);
        const withIt = run(`${CLAUSE} ${SENTENCES[0]}`, rows);
        expect(withIt.milestones).toEqual(without.milestones);
        const m = without.milestones[0];
        const undone = m.status === 'met' && Number(m.total) <= 1000;
        const extra = withIt.obligations.filter((o) => o.basis === 'clawback');
        expect(withIt.obligations.filter((o) => o.basis !== 'clawback')).toEqual(without.obligations);
        expect(extra).toHaveLength(undone ? 1 : 0);
        if (undone) {
          expect(extra[0]).toMatchObject({ amount: '-500.00', adjusts: { triggeredAt: m.achievedAt, triggeredBy: m.achievedBy, amount: '500.00' } });
          expect(extra[0].triggeredAt >= (m.achievedAt as string) && extra[0].triggeredAt <= m.deadline).toBe(true);
          expect(withIt.totals).toEqual([{ currency: 'USD', amount: '0.00', unresolved: 0 }]);
        }
      }),
      { numRuns: runs(30) },
    );
  });
});
