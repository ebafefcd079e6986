/**
 * A proviso on the amount's own period ("… of Net Sales in each calendar quarter, provided that Net Sales in such quarter
 * exceed $250,000"): it reads back as the same terms through `format` and `draft` and against the AST schema; "such
 * quarter" naming another period, or another basis, is an error at the proviso; and on random ledgers it owes exactly
 * what the same condition written first owes ("If Net Sales in any calendar quarter exceed …, … of such Net Sales").
 */
import { SEED, runs } from '../support/clause-arbitraries';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { parse } from '../../src/language/parse';
import { validate } from '../../src/language/check';
import { format, termsOf } from '../../src/language/format';
import { draftTerms } from '../../src/language/draft';
import { evaluate, type EvaluationSuccess } from '../../src/evaluation/evaluate';
import type { LedgerRecord } from '../../src/ledger/rows';

const ROOT = path.resolve(__dirname, '..', '..');
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validateAst = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas/ast.schema.json'), 'utf8')));

const USER_FORM =
  'The Distributor shall receive a commission of five percent (5%) of Net Sales in each calendar quarter, provided that Net Sales in such quarter exceed Two Hundred Fifty Thousand Dollars ($250,000).';

describe('reading and writing it', () => {
  test.each([
    ['the form users paste', USER_FORM],
    ['a payer and a payee, "are at least"', 'The Company shall pay the Distributor five percent (5%) of Net Sales in each calendar quarter, provided that Net Sales in such calendar quarter are at least $250,000.'],
    ['"; provided, however, that"', 'The Company shall pay the Distributor 5% of Net Sales in each calendar quarter; provided, however, that Net Sales in such quarter exceed $250,000.'],
    ['a month, with a scope', 'The Agent shall earn a commission of 2% of Net Sales in each calendar month, provided that Net Sales in the Territory in such month exceed $10,000.'],
  ])('%s: one parse, valid against the schema, format and draft read back as the same terms', (_name, text) => {
    const parsed = parse(text);
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const ast = parsed.ast!;
    expect(validateAst(JSON.parse(JSON.stringify(ast)))).toBe(true);
    const canonical = format(ast);
    expect(canonical).toContain(', provided that ');
    expect(termsOf(parse(canonical).ast!)).toEqual(termsOf(ast));
    const drafted = draftTerms(JSON.parse(JSON.stringify(termsOf(ast))));
    expect(drafted.ok).toBe(true);
    if (drafted.ok) expect(termsOf(parse(drafted.text as string).ast!)).toEqual(termsOf(ast));
  });

  test('the milestone is the amount\'s period, with the proviso\'s target and comparator', () => {
    const m = parse(USER_FORM).ast!.clauses[0].milestones[0];
    expect(m.condition).toBeUndefined();
    expect(m).toMatchObject({
      target: { kind: 'revenue', amount: { amount: '250000', currency: 'USD' }, basis: 'net', term: 'Net Sales' },
      window: { kind: 'calendar-period', unit: 'quarter', selection: { kind: 'each' } },
      comparator: { strict: true },
      periodProviso: { kind: 'period-proviso', such: { preposition: 'in', calendar: false, unit: 'quarter' } },
    });
  });

  test.each([
    ['another period', 'The Company shall pay the Distributor 5% of Net Sales in each calendar year, provided that Net Sales in such quarter exceed $250,000.', 'measure-window-mismatch', ', provided'],
    ['a calendar quarter after contract quarters', 'The Company shall pay the Distributor 5% of Net Sales in each quarter, provided that Net Sales in such calendar quarter exceed $250,000.', 'measure-window-mismatch', ', provided'],
    ['another basis', 'The Company shall pay the Distributor 5% of Gross Sales in each calendar quarter, provided that Net Sales in such quarter exceed $250,000.', 'measure-metric-mismatch', 'Gross Sales'],
  ])('%s: an error where it is written, never one of the two readings', (_name, text, code, at) => {
    const errors = validate(text).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code)).toEqual([code]);
    expect(errors[0].offset).toBe(text.indexOf(at));
  });
});

test.each([
  ['"first exceed"', 'The Distributor shall receive a commission of 5% of Net Sales in each calendar quarter, provided that Net Sales in such quarter first exceed $250,000.', 'first'],
  ['a party as the subject', 'The Distributor shall receive a commission of 5% of Net Sales in each calendar quarter, provided that the Distributor achieves Net Sales in such quarter of $250,000.', 'achieves'],
  ['a due date after the proviso', 'The Distributor shall receive a commission of 5% of Net Sales in each calendar quarter, provided that Net Sales in such quarter exceed $250,000, within thirty (30) days after the end of such quarter.', ', within'],
])('%s: not read, rejected where it is written', (_name, text, at) => {
  const errors = validate(text).diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => d.code)).toEqual(['unsupported-construct']);
  expect(errors[0].offset).toBe(text.indexOf(at));
});

describe('what it owes', () => {
  const PROVISO = 'The Company shall pay the Distributor a commission of five percent (5%) of Net Sales in each calendar quarter, provided that Net Sales in such quarter exceed $1,000.';
  const CONDITION_FIRST = 'If Net Sales in any calendar quarter exceed $1,000, the Company shall pay the Distributor a commission equal to five percent (5%) of such Net Sales.';
  const row = fc.record({
    day: fc.integer({ min: 0, max: 364 }),
    cents: fc.integer({ min: -40_000, max: 90_000 }),
  });

  test('on random ledgers: the same milestones and obligations as the condition written first', () => {
    const proviso = validate(PROVISO).ast!;
    const first = validate(CONDITION_FIRST).ast!;
    fc.assert(
      fc.property(fc.array(row, { minLength: 0, maxLength: 12 }), (rows) => {
        const ledger: LedgerRecord[] = rows.map((r, i) => ({
          id: `S${i + 1}`,
          date: new Date(Date.UTC(2026, 0, 1 + r.day)).toISOString().slice(0, 10),
          amount: (r.cents / 100).toFixed(2),
        }));
        const context = { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2026-12-31' };
        const a = evaluate(proviso, ledger, context) as EvaluationSuccess;
        const b = evaluate(first, ledger, context) as EvaluationSuccess;
        expect(a.ok && b.ok).toBe(true);
        expect(a.milestones).toEqual(b.milestones);
        expect(a.obligations).toEqual(b.obligations);
      }),
      { seed: SEED, numRuns: runs(25) },
    );
  });
});
