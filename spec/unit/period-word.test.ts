/**
 * Period words of metrics ("annual Net Sales", "Monthly Sales"): the AST keeps the word, format writes
 * it back, and a word whose periods have no start (fortnights, weeks) is refused where no window is written.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { validate } from '../../src/language/check';
import { format, termsOf } from '../../src/language/format';
import { periodWordReading } from '../../src/language/period-word';
import { parsed } from '../support/seed-clause';
import { ROOT } from '../cli/run-cli';

const ajv = new Ajv2020({ strict: true, allErrors: true });
const validateAst = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas/ast.schema.json'), 'utf8')));

const CALENDAR =
  'Licensee shall pay Licensor a one-time milestone payment of $10,000 when aggregate annual Net Sales of Products exceed $1,000,000. ' +
  'For purposes of this Section 4.3, annual Net Sales shall be calculated on a calendar year basis.';

describe('period words', () => {
  test('the word is in the term and in its own node; the statement makes the periods calendar years', () => {
    const ast = parsed(CALENDAR);
    const m = ast.clauses[0].milestones[0];
    expect(m.target).toMatchObject({ kind: 'revenue', term: 'aggregate annual Net Sales', periodWord: { kind: 'period-word', word: 'annual', unit: 'year' } });
    expect(ast.definitions?.[0]).toMatchObject({ kind: 'metric-basis-statement', term: 'annual Net Sales', unit: 'year', purpose: 'this Section 4.3' });
    const reading = periodWordReading(m, ast);
    expect(reading).toMatchObject({ kind: 'from-word', calendar: true, window: { kind: 'calendar-period', unit: 'year', selection: { kind: 'first' } } });
    expect(validate(CALENDAR).diagnostics.map((d) => d.code)).toEqual(['scope-not-applied']);
    expect(ajv.errorsText(validateAst(JSON.parse(JSON.stringify(ast))) ? [] : validateAst.errors)).toBe('No errors');
  });

  test.each([
    CALENDAR,
    'If Monthly Sales in each calendar month exceed $60,000, the Company shall pay the Agent a bonus of $500.',
    'The Company shall pay the Agent a bonus of $500 when quarterly Net Revenue exceeds $20,000.',
    'Licensee shall pay Licensor a bonus of $5,000 when annual Net Sales exceed $1,000. Annual Net Sales shall be calculated on a calendar year basis.',
  ])('format round-trips %s', (text) => {
    const ast = parsed(text);
    const out = format(ast);
    expect(termsOf(parsed(out))).toEqual(termsOf(ast));
  });

  test('a word with a window of its own length agrees; of another length it is an error', () => {
    const agrees = parsed('If annual Net Sales in a given Calendar Year exceed $500,000, Acme shall pay Beta a one-time bonus of $1,000.');
    expect(periodWordReading(agrees.clauses[0].milestones[0], agrees).kind).toBe('agrees');
    const codes = validate('If monthly Net Sales by June 30, 2027 exceed $500,000, Acme shall pay Beta a bonus of $1,000.').diagnostics.map((d) => d.code);
    expect(codes).toContain('period-word-mismatch');
  });

  test.each(['Fortnightly', 'weekly'])("'%s Sales' with no window is an unsupported construct at the word", (word) => {
    const text = `The Company shall pay the Agent a bonus of $500 when ${word} Sales exceed $20,000.`;
    const d = validate(text).diagnostics.find((x) => x.code === 'unsupported-construct');
    expect(d).toMatchObject({ severity: 'error', line: 1, column: 54 });
    expect(d?.message).toContain(`'${word.toLowerCase()}' alone does not say when each`);
  });

  test('a statement of another period than the word is an error', () => {
    const codes = validate('Licensee shall pay Licensor a bonus of $5,000 when annual Net Sales exceed $1,000. Annual Net Sales shall be calculated on a calendar quarter basis.').diagnostics.map((d) => d.code);
    expect(codes).toContain('period-word-mismatch');
  });
});
