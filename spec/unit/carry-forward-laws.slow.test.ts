/**
 * The laws of a carry-forward on random ledgers. A carried amount only helps: every quarter met without the sentence
 * is met with it. And nothing is counted twice or lost: the credited totals less what each period passes on, plus
 * what the last one passes on, sum to the periods' own totals.
 */
import fc from 'fast-check';
import type { EvaluationSuccess } from '../../src/evaluation/evaluate';
import type { LedgerRecord } from '../../src/ledger/rows';
import { Dec } from '../../src/values/money';
import { SEED } from '../support/clause-arbitraries';
import { CLAUSE, SENTENCES } from '../support/carry-forward-texts';
import { dayLedger, dayRecord, evaluateText } from '../support/day-ledger';

const OPTIONS = { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2026-12-31' };
const genLedger = dayLedger(365, -80000, 250000, 25);
const record = dayRecord;
const run = (text: string, rows: LedgerRecord[]): EvaluationSuccess => evaluateText(text, rows, OPTIONS);

describe('the laws of a carry-forward', () => {
  test.each([0, 1])('never makes a met quarter unmet, and counts every sale once (sentence %i)', (k) => {
    fc.assert(
      fc.property(genLedger, (ledger) => {
        const rows = ledger.map(record);
        const without = run(CLAUSE, rows);
        const withIt = run(`${CLAUSE} ${SENTENCES[k]}`, rows);
        expect(withIt.milestones).toHaveLength(without.milestones.length);
        let own = new Dec(0);
        let credited = new Dec(0);
        let passedOn = new Dec(0);
        withIt.milestones.forEach((m, i) => {
          const before = without.milestones[i];
          if (before.status === 'met') expect(m.status).toBe('met');
          const carry = m.carry!;
          expect(carry.periodTotal).toBe(before.total);
          expect(new Dec(m.total).equals(new Dec(carry.periodTotal).plus(carry.carriedIn))).toBe(true);
          // What a period receives is what the one before passed on.
          expect(new Dec(carry.carriedIn).equals(passedOn)).toBe(true);
          passedOn = new Dec(carry.carriedOut ?? '0');
          own = own.plus(carry.periodTotal);
          credited = credited.plus(m.total).minus(passedOn);
        });
        // The last period's excess, passed on beyond the evaluated periods, closes the sum.
        expect(credited.plus(passedOn).equals(own)).toBe(true);
      }),
      { seed: SEED, numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
    );
  });
});
