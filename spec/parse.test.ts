/**
 * Conformance of the parser (issue 2):
 * - spec/fixtures/parse/*.json: text → exactly one parse, no diagnostics, and the AST of the
 *   fixture (`expected`, ranges included, or `expectedWithoutRanges`);
 * - spec/fixtures/syntax-errors/*.json: text → no AST and one diagnostic with the fixture's code,
 *   line, column, message fragments and suggestion;
 * - every examples/*.clause: one parse, no error, an AST valid against schemas/ast.schema.json,
 *   equal to itself after a JSON round trip, and covered by a parse fixture.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import nearley from 'nearley';
import grammarRules from '../grammar/clause.generated';
import type { DocumentNode } from '../src/language/ast';
import { DIAGNOSTIC_CODES, type Diagnostic } from '../src/diagnostics';
import { MAX_CLAUSE_CHARS, parse } from '../src/language/parse';

const ROOT = path.resolve(__dirname, '..');
const PARSE_FIXTURES = path.join(ROOT, 'spec/fixtures/parse');
const ERROR_FIXTURES = path.join(ROOT, 'spec/fixtures/syntax-errors');
const CHECK_FIXTURES = path.join(ROOT, 'spec/fixtures/check');
const EXAMPLES = path.join(ROOT, 'examples');

interface ParseFixture {
  description: string;
  text: string;
  expected?: unknown;
  expectedWithoutRanges?: unknown;
}

interface ErrorFixture {
  description?: string;
  text: string;
  code: string;
  severity?: string;
  line: number;
  column: number;
  messageIncludes: string[];
  suggestion?: string;
  /** The text the quick fix writes, when it is not the word of a "did you mean". */
  fixText?: string;
}

function readJsonDir<T>(dir: string): [string, T][] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as T]);
}

const parseFixtures = readJsonDir<ParseFixture>(PARSE_FIXTURES);
const errorFixtures = readJsonDir<ErrorFixture>(ERROR_FIXTURES);
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

const withoutRanges = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, v) => (key === 'range' ? undefined : v)));

const ajv = new Ajv2020({ strict: true, allErrors: true });
const validateAst = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas/ast.schema.json'), 'utf8')));
const schemaErrors = (ast: unknown): string => ajv.errorsText(validateAst(ast) ? [] : validateAst.errors, { separator: '\n' });

function okAst(text: string): DocumentNode {
  const result = parse(text);
  expect(result.diagnostics).toEqual([]);
  expect(result.ast).not.toBeNull();
  return result.ast!;
}

describe('fixture files', () => {
  test('there are parse fixtures, at least 8 of them with full ranges', () => {
    expect(parseFixtures.length).toBeGreaterThanOrEqual(20);
    expect(parseFixtures.filter(([, f]) => f.expected !== undefined).length).toBeGreaterThanOrEqual(8);
  });

  test.each(parseFixtures)('parse fixture %s has a description, a text and exactly one expectation', (_name, f) => {
    expect(typeof f.description).toBe('string');
    expect(f.description.length).toBeGreaterThan(0);
    expect(typeof f.text).toBe('string');
    expect((f.expected === undefined) !== (f.expectedWithoutRanges === undefined)).toBe(true);
    expect(Object.keys(f).sort()).toEqual(['description', f.expected === undefined ? 'expectedWithoutRanges' : 'expected', 'text'].sort());
  });

  test('there are at least 20 syntax-error fixtures, each with a known syntax-error code', () => {
    expect(errorFixtures.length).toBeGreaterThanOrEqual(20);
    for (const [, f] of errorFixtures) {
      expect(['unexpected-token', 'unexpected-end', 'unexpected-character', 'unsupported-construct']).toContain(f.code);
      expect(f.messageIncludes.length).toBeGreaterThan(0);
    }
  });

  test('every diagnostic code has a fixture, except the two no fixture can show', () => {
    // ambiguous-parse would be a grammar bug (the one-parse tests below guard it);
    // input-too-large needs a 2 MB text and is tested directly below.
    const covered = new Set([...errorFixtures, ...readJsonDir<ErrorFixture>(CHECK_FIXTURES)].map(([, f]) => f.code));
    const missing = Object.keys(DIAGNOSTIC_CODES).filter((c) => !covered.has(c) && c !== 'ambiguous-parse' && c !== 'input-too-large');
    expect(missing).toEqual([]);
  });
});

describe('parse fixtures', () => {
  test.each(parseFixtures)('%s', (_name, f) => {
    expect(parseCount(f.text)).toBe(1);
    const ast = okAst(f.text);
    if (f.expected !== undefined) expect(ast).toEqual(f.expected);
    else expect(withoutRanges(ast)).toEqual(f.expectedWithoutRanges);
    expect(schemaErrors(ast)).toBe('No errors');
    expect(JSON.parse(JSON.stringify(ast))).toStrictEqual(ast);
  });
});

describe('syntax-error fixtures', () => {
  test.each(errorFixtures)('%s', (_name, f) => {
    const result = parse(f.text);
    expect(result.ast).toBeNull();
    expect(result.diagnostics).toHaveLength(1);
    const d: Diagnostic = result.diagnostics[0];
    expect({ code: d.code, severity: d.severity, line: d.line, column: d.column }).toEqual({
      code: f.code,
      severity: 'error',
      line: f.line,
      column: f.column,
    });
    for (const fragment of f.messageIncludes) expect(d.message).toContain(fragment);
    // Plain words, never nearley's dump of parser states or its internal rule names.
    expect(d.message).not.toMatch(/Instead, I was expecting|\$ebnf|\$subexpression|●|=>/);
    expect(d.suggestion).toBe(f.suggestion);
    // The position agrees with the offset, and the range does not run backwards.
    const before = f.text.slice(0, d.offset);
    expect(before.split('\n').length).toBe(d.line);
    expect(d.offset - (before.lastIndexOf('\n') + 1) + 1).toBe(d.column);
    expect(d.endOffset).toBeGreaterThanOrEqual(d.offset);
    if (d.fix) {
      if (d.suggestion?.startsWith('did you mean')) {
        // The quick fix replaces exactly the offending word with the suggested one.
        expect(f.text.slice(d.fix.offset, d.fix.endOffset)).toBe(f.text.slice(d.offset, d.endOffset));
        expect(d.suggestion).toBe(`did you mean '${d.fix.text}'?`);
      }
      if (f.fixText !== undefined) expect(d.fix.text).toBe(f.fixText);
      // Applied, the fix repairs this mistake: whatever error remains comes later in the text.
      const fixed = f.text.slice(0, d.fix.offset) + d.fix.text + f.text.slice(d.fix.endOffset);
      expect(parse(fixed).diagnostics.filter((x) => x.severity === 'error' && x.offset <= d.fix!.offset)).toEqual([]);
    }
  });

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

  test.each(examples)('%s is the text of a parse fixture', (_f, text) => {
    expect(parseFixtures.some(([, fixture]) => fixture.text === text)).toBe(true);
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
  const diagnosticRows = [...readme.slice(readme.indexOf('## Diagnostics')).matchAll(/^\| `([a-z-]+)` \| (error|warning|info) \| `((?:S|The )[^`]*)` \|/gm)]
    .filter((m) => !m[3].includes('…'))
    .map((m) => [m[1], m[2], m[3].replace(/^S/, S)]);
  test('the diagnostics table has a complete example for every code but the two no short text shows', () => {
    expect(diagnosticRows.map(([code]) => code).sort()).toEqual(Object.keys(DIAGNOSTIC_CODES).filter((c) => c !== 'ambiguous-parse' && c !== 'input-too-large').sort());
  });
  test.each(diagnosticRows)('%s (%s): its example reports it', async (code, severity, text) => {
    const { validate } = await import('../src/language/check');
    const found = validate(text).diagnostics.filter((d) => d.code === code);
    expect(found.map((d) => d.severity)).toContain(severity);
  });

  test('every diagnostic code is in the table', () => {
    for (const code of Object.keys(DIAGNOSTIC_CODES)) expect(readme).toContain(`| \`${code}\` | ${DIAGNOSTIC_CODES[code as keyof typeof DIAGNOSTIC_CODES]} |`);
  });
});
