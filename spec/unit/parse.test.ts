/**
 * The parser beyond the conformance cases (spec/conformance/): the size limit; every
 * examples/*.clause parses once, without error, to an AST valid against schemas/ast.schema.json that
 * survives a JSON round trip and is the text of a parse case; the AST schema is strict; and
 * grammar/README.md's tables say what the grammar does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import nearley from 'nearley';
import grammarRules from '../../grammar/clause.generated';
import type { DocumentNode } from '../../src/language/ast';
import { DIAGNOSTIC_CODES } from '../../src/diagnostics';
import { MAX_CLAUSE_CHARS, parse } from '../../src/language/parse';

const ROOT = path.resolve(__dirname, '..', '..');
const PARSE_CASES = path.join(ROOT, 'spec/conformance/parse');
const EXAMPLES = path.join(ROOT, 'examples');

/** The texts of the parse conformance cases. */
const parseTexts: string[] = readdirSync(PARSE_CASES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => (JSON.parse(readFileSync(path.join(PARSE_CASES, f), 'utf8')) as { input: { text: string } }).input.text);
const examples: [string, string][] = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.clause'))
  .sort()
  .map((f) => [f, readFileSync(path.join(EXAMPLES, f), 'utf8')]);

const grammar = nearley.Grammar.fromCompiled(grammarRules);

/** How many parses nearley itself finds, independently of parse()'s own reporting. */
function parseCount(text: string): number {
  const parser = new nearley.Parser(grammar);
  parser.feed(text);
  return parser.results.length;
}


const ajv = new Ajv2020({ strict: true, allErrors: true });
const validateAst = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas/ast.schema.json'), 'utf8')));
const schemaErrors = (ast: unknown): string => ajv.errorsText(validateAst(ast) ? [] : validateAst.errors, { separator: '\n' });

function okAst(text: string): DocumentNode {
  const result = parse(text);
  expect(result.diagnostics).toEqual([]);
  expect(result.ast).not.toBeNull();
  return result.ast!;
}

describe('the size limit', () => {
  test('a text over the size limit is refused before parsing, at 1:1', () => {
    const result = parse('x'.repeat(MAX_CLAUSE_CHARS + 1));
    expect(result.ast).toBeNull();
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['input-too-large', 1, 1]]);
  });
});

describe('examples', () => {
  test('there are the seed forms, the retail example and at least 14 more', () => {
    const names = examples.map(([f]) => f);
    expect(names).toEqual(expect.arrayContaining(['seed-contract.clause', 'seed-headed.clause', 'retail-units.clause']));
    expect(names.length).toBeGreaterThanOrEqual(17);
  });

  test.each(examples)('%s parses in exactly one way, without error', (_f, text) => {
    expect(parseCount(text)).toBe(1);
    const result = parse(text);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).not.toContain('ambiguous-parse');
    expect(result.ast).not.toBeNull();
  });

  test.each(examples)('%s: the AST is valid against schemas/ast.schema.json', (_f, text) => {
    expect(schemaErrors(okAst(text))).toBe('No errors');
  });

  test.each(examples)('%s: the AST survives a JSON round trip unchanged', (_f, text) => {
    const ast = okAst(text);
    expect(JSON.parse(JSON.stringify(ast))).toStrictEqual(ast);
  });

  test.each(examples)('%s is the text of a parse case', (_f, text) => {
    expect(parseTexts).toContain(text);
  });

  test('the seed example is the article clause with its curly quotes', () => {
    const text = examples.find(([f]) => f === 'seed-contract.clause')![1];
    expect(text.startsWith('\u201cThe Seller agrees to meet the following sales milestones')).toBe(true);
    expect(text.trimEnd().endsWith('as outlined in Section [X].\u201d')).toBe(true);
  });
});

describe('the schema is strict', () => {
  const seed = (): DocumentNode => okAst(examples.find(([f]) => f === 'seed-contract.clause')![1]);

  test.each([
    ['an unknown property', (d: any) => (d.clauses[0].milestones[0].extra = 1)],
    ['an unknown window kind', (d: any) => (d.clauses[0].milestones[0].window.kind = 'by-week')],
    ['a missing range', (d: any) => delete d.clauses[0].milestones[1].target.amount.range],
    ['an amount with a grouping comma', (d: any) => (d.clauses[0].milestones[0].target.amount.amount = '100,000')],
    ['a lower-case currency', (d: any) => (d.clauses[0].milestones[0].target.amount.currency = 'usd')],
    ['a fractional ordinal', (d: any) => (d.clauses[0].milestones[0].window.n = 1.5)],
    ['a headed clause with a party', (d: any) => (d.clauses[0].form = 'headed')],
    ['a column of 0', (d: any) => (d.range.start.column = 0)],
  ])('it rejects %s', (_what, mutate) => {
    const ast = seed();
    expect(schemaErrors(ast)).toBe('No errors');
    mutate(ast);
    expect(schemaErrors(ast)).not.toBe('No errors');
  });
});

describe('grammar/README.md says what the grammar does', () => {
  const readme = readFileSync(path.join(ROOT, 'grammar/README.md'), 'utf8');
  /** The first fenced block after a heading, split into phrases (separated by two or more spaces). */
  function phrasesAfter(heading: string): string[] {
    const section = readme.slice(readme.indexOf(heading));
    const block = /```\n([\s\S]*?)```/.exec(section)![1];
    return block.split('\n').flatMap((line) => line.split(/ {2,}/)).map((p) => p.trim()).filter(Boolean);
  }
  const INTRO = 'The Seller agrees to meet the following milestone: ';

  test.each(phrasesAfter('## Deadlines and windows'))('the window "%s" is accepted', (phrase) => {
    const ast = okAst(`${INTRO}$5,000 in sales revenue ${phrase}.`);
    expect(ast.clauses[0].milestones[0].window.range.end.offset).toBe(INTRO.length + '$5,000 in sales revenue '.length + phrase.length);
  });

  test.each(phrasesAfter('## Targets'))('the target "%s" is accepted', (phrase) => {
    const ast = okAst(`${INTRO}${phrase} by the end of the first month.`);
    expect(ast.clauses[0].milestones[0].target.range.end.offset).toBe(INTRO.length + phrase.length);
  });

  const moneyRows = [...readme.slice(readme.indexOf('## Money')).matchAll(/^\| `([^`]+)` \| `"([^"]+)"` \| `([A-Z]{3})` \| `([^`]+)` \|$/gm)];
  test('the money table has rows', () => expect(moneyRows.length).toBeGreaterThanOrEqual(8));
  test.each(moneyRows.map((m) => [m[1], m[2], m[3], m[4]]))('money "%s" is amount %s %s, text "%s"', (written, amount, currency, text) => {
    const target = okAst(`${INTRO}${written} in sales revenue in each month.`).clauses[0].milestones[0].target;
    expect(target.kind === 'revenue' && { amount: target.amount.amount, currency: target.amount.currency, text: target.amount.text }).toEqual({ amount, currency, text });
  });

  const S = 'The Seller agrees to meet the following milestones: ';
  const diagnosticRows = [...readme.slice(readme.indexOf('## Diagnostics')).matchAll(/^\| `([a-z-]+)` \| (error|warning|info) \| `((?:S|The |If |For |On |During )[^`]*)` \|/gm)]
    .filter((m) => !m[3].includes('…'))
    .map((m) => [m[1], m[2], m[3].replace(/^S/, S)]);
  test('the diagnostics table has a complete example for every code but the two no short text shows', () => {
    expect(diagnosticRows.map(([code]) => code).sort()).toEqual(Object.keys(DIAGNOSTIC_CODES).filter((c) => c !== 'ambiguous-parse' && c !== 'input-too-large').sort());
  });
  test.each(diagnosticRows)('%s (%s): its example reports it', async (code, severity, text) => {
    const { validate } = await import('../../src/language/check');
    const found = validate(text).diagnostics.filter((d) => d.code === code);
    expect(found.map((d) => d.severity)).toContain(severity);
  });

  test('every diagnostic code is in the table', () => {
    for (const code of Object.keys(DIAGNOSTIC_CODES)) expect(readme).toContain(`| \`${code}\` | ${DIAGNOSTIC_CODES[code as keyof typeof DIAGNOSTIC_CODES]} |`);
  });
});
