/**
 * Compound conditions: one parse each, the canonical text re-parses to the same terms, and the laws of the
 * reading on random ledgers: in each period, "A and B" holds from the later of the days A and B hold on their
 * own (a clause with that condition alone), "A or B" from the earlier, and "and" and "or" are commutative.
 */
import fc from 'fast-check';
import { parse } from '../../src/language/parse';
import { validate } from '../../src/language/check';
import { format, termsOf } from '../../src/language/format';
import { evaluate, type EvaluationSuccess } from '../../src/evaluation/evaluate';
import type { LedgerRecord } from '../../src/ledger/rows';
import { runs } from '../support/clause-arbitraries';

const TEXTS = [
  'If Net Sales in any Calendar Quarter are at least $500,000 and at least 2 new customers, the Company shall pay the Agent a bonus of $5,000 for such Calendar Quarter.',
  'The Company shall pay the Agent a bonus of $5,000 if either Net Sales in the first year exceed $1,000,000 or Gross Sales in the first year exceed $2,000,000.',
  'The Company shall pay the Agent a bonus of $5,000 if both Net Sales exceed $1,000,000 and more than 500 units of "Widget" sold.',
  'If Net Sales in any Calendar Quarter are at least $600,000, or Net Sales year-to-date are at least $1,700,000 measured at the end of such calendar quarter, the Company shall pay the Executive a bonus of $20,000 for such Calendar Quarter.',
  'If Net Sales exceed $1,000 and Gross Sales exceed $2,000, or at least 5 deals, the Company shall pay the Agent a bonus of $500.',
  'If Net Sales exceed $1,000, and Gross Sales exceed $2,000 or at least 5 deals, the Company shall pay the Agent a bonus of $500.',
  'The Company shall pay the Agent a bonus of $500 if the Agent generates Net Sales in excess of $1,000 and the Agent generates Gross Sales in excess of $3,000.',
];

describe('compound conditions in the grammar', () => {
  test.each(TEXTS)('%s: valid, and its canonical text reads back as the same terms', (text) => {
    const checked = validate(text);
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const ast = checked.ast!;
    expect(ast.clauses[0].milestones[0].compound).toBeDefined();
    const again = parse(format(ast));
    expect(again.diagnostics).toEqual([]);
    expect(termsOf(again.ast!)).toEqual(termsOf(ast));
  });

  it('groups mixed connectives by their commas, and warns only without them', () => {
    expect(validate(TEXTS[4]).diagnostics.map((d) => d.code)).not.toContain('compound-condition-reading');
    expect(validate(TEXTS[5]).diagnostics.map((d) => d.code)).not.toContain('compound-condition-reading');
    expect(validate(TEXTS[4].replace(', or', ' or')).diagnostics.map((d) => d.code)).toContain('compound-condition-reading');
  });

  it('refuses a payment measured from the condition itself, rather than reading it near', () => {
    const text = 'The Company shall pay the Agent a bonus of $1,000 for each full $100,000 of Net Sales in any Calendar Quarter in excess of $500,000 and at least 2 new customers.';
    const errors = validate(text).diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    // Refused at the second condition, the part a rate per increment cannot measure.
    expect(errors[0]).toMatchObject({ code: 'unsupported-construct', line: 1, offset: text.indexOf('and at least 2 new customers') });
    expect(errors[0].column).toBe(errors[0].offset + 1);
  });
});

const OPTIONS = { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2026-02-28' };
const A = 'Net Sales in any Calendar Month are at least $300';
const B = 'Gross Sales in any Calendar Month are at least $450';
const sentence = (condition: string): string => `If ${condition}, the Company shall pay the Agent a bonus of $100 for such Calendar Month.`;

type Row = { day: number; cents: number };
const genLedger = fc.array(fc.record({ day: fc.integer({ min: 1, max: 59 }), cents: fc.integer({ min: -15000, max: 30000 }) }), { minLength: 1, maxLength: 25 });
const record = (r: Row, i: number): LedgerRecord => {
  const date = new Date(Date.UTC(2026, 0, r.day)).toISOString().slice(0, 10);
  return { id: `R${i + 1}`, date, amount: (r.cents / 100).toFixed(2) };
};

function run(text: string, rows: LedgerRecord[]): EvaluationSuccess {
  const parsed = parse(text);
  if (!parsed.ast) throw new Error(`does not parse: ${text}`);
  const report = evaluate(parsed.ast, rows, OPTIONS);
  if (!report.ok) throw new Error(JSON.stringify(report.errors));
  return report;
}

/** Per period: the day the condition holds from, or null. */
const days = (r: EvaluationSuccess): Array<string | null> => r.milestones.map((m) => (m.status === 'met' ? m.achievedAt : null));

function pick(a: string | null, b: string | null, join: 'and' | 'or'): string | null {
  if (join === 'and') return a === null || b === null ? null : a > b ? a : b;
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

describe('the laws of a compound reading', () => {
  it('"and" holds from the later part, "or" from the earlier, and both are commutative', () => {
    fc.assert(
      fc.property(genLedger, (ledger) => {
        const rows = ledger.map(record);
        const a = days(run(sentence(A), rows));
        const b = days(run(sentence(B), rows));
        for (const join of ['and', 'or'] as const) {
          const ab = run(sentence(`${A} ${join} ${B.replace(' in any Calendar Month', '')}`), rows);
          const ba = run(sentence(`${B} ${join} ${A.replace(' in any Calendar Month', '')}`), rows);
          expect(days(ab)).toEqual(a.map((x, i) => pick(x, b[i], join)));
          expect(days(ba)).toEqual(days(ab));
          expect(ab.obligations.map((o) => o.triggeredAt)).toEqual(days(ab).filter((d) => d !== null));
        }
      }),
      { numRuns: runs(25) },
    );
  });
});
