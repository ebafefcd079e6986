/**
 * Openings before a sentence ("In addition to the Base Commission,", "Commencing January 1, 2026,",
 * "For each Calendar Year,", "On a quarterly basis,"): one parse each, the node each builds, valid
 * against the AST schema, and format reads back as the same terms.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { OpeningNode } from '../../src/language/ast';
import { format, termsOf } from '../../src/language/format';
import { parsed } from '../support/seed-clause';

const ROOT = path.resolve(__dirname, '..', '..');
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validateAst = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas/ast.schema.json'), 'utf8')));

const BODY = 'the Company shall pay the Agent a bonus of $500 if Net Sales exceed $60,000';

const CASES: [string, Partial<OpeningNode>][] = [
  [`In addition to the Base Commission, ${BODY} in each calendar month.`, { kind: 'context-opening', relation: 'in-addition-to', subject: 'the Base Commission' }],
  [`In addition to the commission under Section 2(a), ${BODY} in each calendar month.`, { kind: 'context-opening', subject: 'the commission under Section 2(a)' }],
  [`As partial consideration for the rights granted under Section 3.1, ${BODY}.`, { kind: 'context-opening', relation: 'as-consideration-for', subject: 'the rights granted under Section 3.1' }],
  [`Commencing January 1, 2026, ${BODY} in each calendar quarter.`, { kind: 'start-opening', verb: 'commencing', date: '2026-01-01', fiscalYear: false }],
  [`Beginning with the fiscal year that starts on July 1, 2026, ${BODY} in each fiscal year.`, { kind: 'start-opening', verb: 'beginning', date: '2026-07-01', fiscalYear: true }],
  [`On a quarterly basis, ${BODY}.`, { kind: 'period-opening', written: 'basis', adjective: 'quarterly' }],
  [`For each Calendar Year, ${BODY}.`, { kind: 'period-opening', written: 'for-each', adjective: null }],
  [`For each calendar quarter, if Net Sales exceed $60,000, the Company shall pay the Agent a bonus of $500.`, { kind: 'period-opening', written: 'for-each' }],
  [`Sales Bonus. In addition to the Base Commission, ${BODY} in each calendar month.`, { kind: 'context-opening' }],
];

describe('openings', () => {
  test.each(CASES)('%s', (text, opening) => {
    const ast = parsed(text); // one parse, no diagnostics
    expect(ast.clauses[0].opening).toMatchObject(opening);
    expect(ajv.errorsText(validateAst(ast) ? [] : validateAst.errors)).toBe('No errors');
    const back = parsed(format(ast));
    expect(termsOf(back)).toEqual(termsOf(ast));
    expect(format(back)).toBe(format(ast));
  });

  test('a period opening gives its window to the clause, which the evaluation reads (no window written in the sentence)', () => {
    const ast = parsed(`For each Calendar Year, ${BODY}.`);
    expect(ast.clauses[0].milestones[0].window.kind).toBe('open');
    const opening = ast.clauses[0].opening;
    expect(opening?.kind === 'period-opening' && opening.window).toMatchObject({ kind: 'calendar-period', unit: 'year', yearStart: '01-01', selection: { kind: 'each' } });
  });
});
