/**
 * Windows with their own start, defined periods and fiscal periods: each form parses once to an AST
 * the schema accepts, `format` and `draft` write it back to the same terms, the fiscal-year start is
 * never guessed, and the SQL path computes the windows with the evaluator's own code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { DocumentNode } from '../../src/language/ast';
import { validate } from '../../src/language/check';
import { draftTerms } from '../../src/language/draft';
import { format, termsOf } from '../../src/language/format';
import { parse } from '../../src/language/parse';
import { evaluate } from '../../src/evaluation/evaluate';
import { planEvaluation } from '../../src/sql/plan';

const ROOT = path.resolve(__dirname, '..', '..');
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validateAst = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas/ast.schema.json'), 'utf8')));

const P = 'The Company shall pay the Agent a bonus of $5,000 if Net Sales exceed $100,000';
const D = '"Contract Year" means each twelve (12) month period commencing on the Effective Date or an anniversary thereof.';
const TEXTS = [
  `${P} during the twelve (12) month period commencing June 1, 2026.`,
  `${P} in the twelve-month period beginning on the Effective Date.`,
  `${P} during the first twelve (12) months after the Effective Date.`,
  `${P} during the first 90 days following the Effective Date.`,
  `${P} in the period from June 1, 2026 through May 31, 2027.`,
  `${P} during the Term of this Agreement.`,
  `${P} during the first Contract Year. ${D}`,
  `${D} ${P} in each Contract Year.`,
  `${P} in any Contract Year. "Contract Year" means each successive twelve-month period beginning on the Effective Date or an anniversary of it.`,
  `${P} during the Measuring Period. "Measuring Period" means the 6 month period starting on March 1, 2027.`,
  `${P} during the Sales Period. "Sales Period" means the period from January 1, 2027 to and including June 30, 2027.`,
  `${P} in each fiscal quarter. The Company's fiscal year begins on April 1.`,
  `${P} in FY2027. The Company's fiscal year ends on January 31, and "FY2027" means the fiscal year ending January 31, 2027.`,
  `${P} in fiscal year 2027. "FY2027" means the fiscal year beginning July 1, 2027.`,
  `${P} during the Fiscal Year beginning April 1, 2026.`,
  `For each fiscal quarter in which Net Sales exceed $60,000, the Company shall pay the Agent a bonus of $500. The fiscal year ends on September 30.`,
];

const ast = (text: string): DocumentNode => {
  const result = parse(text);
  expect(result.diagnostics).toEqual([]);
  return result.ast as DocumentNode;
};

describe.each(TEXTS)('%s', (text) => {
  test('parses once, without errors, to an AST the schema accepts', () => {
    const checked = validate(text);
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(validateAst(checked.ast)).toBe(true);
  });
  test('format and draft write it back to the same terms', () => {
    const doc = ast(text);
    const written = format(doc);
    expect(termsOf(ast(written))).toEqual(termsOf(doc));
    expect(format(ast(written))).toBe(written);
    const drafted = draftTerms(JSON.parse(JSON.stringify(doc)));
    // The drafted text says what the canonical text says, warnings included ("in any Contract Year" keeps its two readings).
    expect((drafted.problems ?? []).map((p) => p.code)).toEqual(validate(written).diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code));
    expect(termsOf(ast(drafted.text as string))).toEqual(termsOf(doc));
  });
});

describe('the fiscal year start is never guessed', () => {
  const ledger = [{ id: 'a', date: '2026-08-01', amount: '200000' }];
  const context = { effectiveDate: '2026-07-01', timeZone: 'America/New_York', asOf: '2027-06-30' };
  test('text and option that disagree: fiscal-year-start-conflict', () => {
    const report = evaluate(ast(`${P} in each fiscal year. The fiscal year begins on July 1.`), ledger, { ...context, fiscalYearStart: '10-01' });
    expect(report.ok).toBe(false);
    if (!report.ok) expect(report.errors.map((e) => e.code)).toEqual(['fiscal-year-start-conflict']);
  });
  test('an option that is not a month-day: invalid-context', () => {
    const report = evaluate(ast(`${P} in each fiscal year.`), ledger, { ...context, fiscalYearStart: '13-01' });
    expect(report.ok).toBe(false);
    if (!report.ok) expect(report.errors[0].code).toBe('invalid-context');
  });
  test('text and option that agree: read, and the notes say where the start came from', () => {
    const report = evaluate(ast(`${P} in each fiscal year. The fiscal year ends on June 30.`), ledger, { ...context, fiscalYearStart: '07-01' });
    expect(report.ok).toBe(true);
    if (report.ok) {
      expect(report.milestones[0]).toMatchObject({ status: 'met', windowStart: '2026-07-01', deadline: '2027-06-30' });
      expect(report.notes.join('\n')).toContain('the fiscal year starts on 07-01 (month-day), as the text states');
    }
  });
});

describe('SQL path', () => {
  const options = { effectiveDate: '2026-01-31', timeZone: 'UTC', asOf: '2027-12-31' };
  test('computes own-start windows and defined periods with the evaluator\'s windows', () => {
    const planned = planEvaluation(ast(`${P} during the 1 month period commencing on January 31, 2026.`), options);
    expect(planned.ok).toBe(true);
    if (planned.ok) expect(planned.plan.instances.map((i) => [i.window.windowStart, i.window.deadline])).toEqual([['2026-01-31', '2026-02-28']]);
    const years = planEvaluation(ast(`${P} in each Contract Year. ${D}`), options);
    expect(years.ok).toBe(true);
    if (years.ok) expect(years.plan.instances.map((i) => i.window.deadline)).toEqual(['2027-01-30', '2028-01-30']);
  });
  test('computes the open-ended term: through the as-of date, never missed', () => {
    const planned = planEvaluation(ast(`${P} during the term.`), options);
    expect(planned.ok && planned.plan.instances.map((i) => [i.window.windowStart, i.window.deadline, i.window.openEnded])).toEqual([['2026-01-31', '2027-12-31', true]]);
  });
});
