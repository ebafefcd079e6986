/**
 * Carry-forward: the sentence's forms read back as the same terms, and on random ledgers two laws hold. A carried
 * amount only helps: every quarter met without the sentence is met with it. And nothing is counted twice or lost:
 * the credited totals less what each period passes on, plus what the last one passes on, sum to the periods' own totals.
 */
import { SEED } from '../support/clause-arbitraries';
import fc from 'fast-check';
import { parse } from '../../src/language/parse';
import { validate } from '../../src/language/check';
import { format, termsOf } from '../../src/language/format';
import { draftTerms } from '../../src/language/draft';
import type { EvaluationSuccess } from '../../src/evaluation/evaluate';
import type { LedgerRecord } from '../../src/ledger/rows';
import { dayLedger, dayRecord, evaluateText } from '../support/day-ledger';
import { Dec } from '../../src/values/money';

const CLAUSE = 'If Net Sales exceed $1,000 in each calendar quarter, the Company shall pay the Agent a bonus of $500.';
const SENTENCES = [
  "Net Sales in excess of a calendar quarter's target shall carry forward to the next calendar quarter, including amounts carried forward.",
  'Net Sales in excess of the target for any calendar quarter shall be credited toward the target of the next calendar quarter, excluding amounts carried forward.',
  "Net Sales in excess of each calendar quarter's target shall be carried forward to the next calendar quarter, including amounts carried forward.",
  'Net Sales in excess of the target for a calendar quarter shall be applied towards the next calendar quarter, excluding amounts carried forward.',
];

describe('carry-forward sentences', () => {
  test.each(SENTENCES)('%s reads back as the same terms', (sentence) => {
    const checked = validate(`${CLAUSE} ${sentence}`);
    expect(checked.diagnostics).toEqual([]);
    const ast = checked.ast!;
    expect(ast.clauses[0].carryForward).toBeDefined();
    const text = format(ast);
    expect(termsOf(parse(text).ast!)).toEqual(termsOf(ast));
    expect(format(parse(text).ast!)).toBe(text);
    // Drafted from its terms (schemas/terms.schema.json), the same text.
    const drafted = draftTerms(JSON.parse(JSON.stringify(termsOf(ast))));
    expect(drafted.problems).toEqual([]);
    expect(drafted.text).toBe(text);
  });

  it('after a recurring period of another length, or a computed payment, is an error', () => {
    const other = validate(`If Net Sales exceed $1,000 in each calendar month, the Company shall pay the Agent a bonus of $500. ${SENTENCES[0]}`);
    expect(other.diagnostics.map((d) => d.code)).toContain('carry-forward-period-mismatch');
    const rate = validate(`If Net Sales exceed $1,000 in each calendar quarter, the Company shall pay the Agent 2% of Net Sales. ${SENTENCES[0]}`);
    expect(rate.valid).toBe(false);
    expect(rate.diagnostics.map((d) => d.code)).toContain('unsupported-construct');
  });
});

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
