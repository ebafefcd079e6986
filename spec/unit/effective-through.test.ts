/**
 * A period defined from the effective date through a day ('"Sales Milestone Period" means the period beginning on the
 * Effective Date and ending on December 31, 2027.'): it reads back as the same terms through `format` and `draft` and
 * against the AST schema, and a milestone during it counts the same sales as one written "by December 31, 2027".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { SEED, runs } from '../support/clause-arbitraries';
import { parse } from '../../src/language/parse';
import { validate } from '../../src/language/check';
import { format, termsOf } from '../../src/language/format';
import { draftTerms } from '../../src/language/draft';
import { evaluate, type EvaluationSuccess } from '../../src/evaluation/evaluate';
import type { LedgerRecord } from '../../src/ledger/rows';

const ROOT = path.resolve(__dirname, '..', '..');
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validateAst = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas/ast.schema.json'), 'utf8')));

const DEFINED =
  '"Sales Milestone Period" means the period beginning on the Effective Date and ending on December 31, 2027. "Sales Milestone" means cumulative Net Sales during the Sales Milestone Period exceeding $1,250,000. Upon the achievement of Sales Milestone, Buyer shall pay Seller $100,000.';

// The defined-milestones sentence form is not drafted from terms yet; a conditional sentence during the period is.
const CONDITIONAL =
  '"Sales Milestone Period" means the period beginning on the Effective Date and ending on December 31, 2027. If cumulative Net Sales exceed $1,250,000 during the Sales Milestone Period, Buyer shall pay Seller a bonus of $100,000.';

test.each([DEFINED, CONDITIONAL])('one parse, valid against the schema, format reads back as the same terms: %s', (text) => {
  const parsed = parse(text);
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const ast = parsed.ast!;
  expect(validateAst(JSON.parse(JSON.stringify(ast)))).toBe(true);
  expect(ast.definitions?.[0]).toMatchObject({ kind: 'period-definition', term: 'Sales Milestone Period', meaning: { kind: 'by-date', date: '2027-12-31' } });
  const canonical = format(ast);
  expect(canonical).toContain('"Sales Milestone Period" means the period beginning on the Effective Date and ending on December 31, 2027.');
  expect(termsOf(parse(canonical).ast!)).toEqual(termsOf(ast));
});

test('draft writes the definition and reads back as the same terms', () => {
  const ast = parse(CONDITIONAL).ast!;
  const drafted = draftTerms(JSON.parse(JSON.stringify(termsOf(ast))));
  expect(drafted.ok).toBe(true);
  if (drafted.ok) expect(termsOf(parse(drafted.text as string).ast!)).toEqual(termsOf(ast));
});

test('an impossible end day is an error at the definition', () => {
  const text = DEFINED.replace('December 31, 2027', 'February 30, 2027');
  const errors = validate(text).diagnostics.filter((d) => d.severity === 'error');
  expect(errors.length).toBeGreaterThan(0);
  expect(errors[0].code).toBe('impossible-date');
  expect(errors[0].offset).toBe(text.indexOf('period beginning'));
});

test('on random ledgers: the same milestone and payment as "by December 31, 2027"', () => {
  const defined = validate(DEFINED).ast!;
  const byDate = validate('If cumulative Net Sales exceed $1,250,000 by December 31, 2027, Buyer shall pay Seller a Sales Milestone Payment of $100,000.').ast!;
  const row = fc.record({ day: fc.integer({ min: 0, max: 800 }), cents: fc.integer({ min: -30_000_000, max: 90_000_000 }) });
  fc.assert(
    fc.property(fc.array(row, { maxLength: 10 }), (rows) => {
      const ledger: LedgerRecord[] = rows.map((r, i) => ({
        id: `S${i + 1}`,
        date: new Date(Date.UTC(2026, 2, 1 + r.day)).toISOString().slice(0, 10),
        amount: (r.cents / 100).toFixed(2),
      }));
      const context = { effectiveDate: '2026-03-01', timeZone: 'UTC', asOf: '2028-06-30' };
      const a = evaluate(defined, ledger, context) as EvaluationSuccess;
      const b = evaluate(byDate, ledger, context) as EvaluationSuccess;
      expect(a.ok && b.ok).toBe(true);
      const strip = (r: EvaluationSuccess) => ({
        milestones: r.milestones.map((m) => ({ status: m.status, achievedAt: m.achievedAt, achievedBy: m.achievedBy, total: m.total, windowStart: m.windowStart, deadline: m.deadline })),
        obligations: r.obligations.map((o) => ({ amount: o.amount, triggeredAt: o.triggeredAt })),
      });
      expect(strip(a)).toEqual(strip(b));
    }),
    { seed: SEED, numRuns: runs(25) },
  );
});
