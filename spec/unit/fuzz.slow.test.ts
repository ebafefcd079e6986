/**
 * Fuzzing the clause side: mutated clause texts (deleted, doubled, swapped and replaced tokens,
 * random Unicode, truncation) must never make `parse` or `validate` throw; they return either an
 * AST or at least one error, every diagnostic positioned inside the text with a line and column
 * that agree with its offset; never an ambiguous parse; and the parser's work (Earley states, a
 * deterministic measure, not wall time) stays linear in the input. Texts that still validate
 * must format and read back as the same terms.
 *
 * Fixed seed and bounded counts in the slow tier (`npm run test:slow`); `npm run fuzz` raises the counts
 * (FUZZ_RUNS) and takes FUZZ_SEED to explore further. The linear-work checks on written clauses are
 * linear-parser-work.test.ts, in `npm test`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { KEYWORDS, ORDINAL_WORDS, tokenize } from '../../grammar/lexer';
import { validate } from '../../src/language/check';
import type { Diagnostic } from '../../src/diagnostics';
import { format, termsOf } from '../../src/language/format';
import { parse } from '../../src/language/parse';
import { earleyWork } from '../../src/language/earley-work';
import { ROOT } from '../cli/run-cli';
import { document, runs, SEED } from '../support/clause-arbitraries';
import { WIDEST_COLUMN, statesBound } from '../support/parser-work';

const EXAMPLES = path.join(ROOT, 'examples');
const exampleTexts = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.clause'))
  .sort()
  .map((f) => readFileSync(path.join(EXAMPLES, f), 'utf8'));

/** Where an offset is, counting lines at '\n' as the lexer does (1-based line and column). */
function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function expectPositioned(d: Diagnostic, text: string): void {
  const where = `${d.code} at ${d.offset}-${d.endOffset} (${d.line}:${d.column}-${d.endLine}:${d.endColumn}) in a text of ${text.length}`;
  if (!(d.offset >= 0 && d.offset <= d.endOffset && d.endOffset <= text.length)) throw new Error(`offsets outside the text: ${where}`);
  const start = positionOf(text, d.offset);
  const end = positionOf(text, d.endOffset);
  if (start.line !== d.line || start.column !== d.column || end.line !== d.endLine || end.column !== d.endColumn) {
    throw new Error(`line/column disagree with the offsets (${start.line}:${start.column}-${end.line}:${end.column} expected): ${where}`);
  }
}

/** The full contract for any text: no throw, an AST or an error, positions right, one parse. */
function expectWellBehaved(text: string): void {
  const parsed = parse(text);
  const result = validate(text);
  for (const d of [...parsed.diagnostics, ...result.diagnostics]) expectPositioned(d, text);
  if (result.diagnostics.some((d) => d.code === 'ambiguous-parse')) throw new Error(`ambiguous parse of ${JSON.stringify(text)}`);
  if (!result.ast && !result.diagnostics.some((d) => d.severity === 'error')) throw new Error(`neither an AST nor an error for ${JSON.stringify(text)}`);
  if (result.valid && result.ast) {
    const canonical = format(result.ast);
    const back = parse(canonical);
    expect(back.ast && termsOf(back.ast)).toEqual(termsOf(result.ast));
  }
}

// --- mutations ---------------------------------------------------------------------------------

const PUNCTUATION = [',', ';', '.', ':', '(', ')', '(ii)', '1.', '$', '€', '¥', 'USD', '"', '“', '%', '-', '[X]', '2026-02-30', '100,,000', '1,00', '3rd'];
const replacement = fc.oneof(
  fc.constantFrom(...KEYWORDS, ...ORDINAL_WORDS, ...PUNCTUATION),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }),
  fc.constantFrom('\u200b', '\u202e', '\u00ad', '\ufeff', '\0', '\ud800', '\r', '\u2028', 'ﬁ', 'е' /* Cyrillic */),
);

type Mutation =
  | { op: 'delete' | 'double'; at: number }
  | { op: 'swap'; at: number; other: number }
  | { op: 'replace'; at: number; text: string }
  | { op: 'insert'; at: number; text: string }
  | { op: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'double' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), text: replacement }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: replacement }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);

/** Applies a mutation to the tokens of `text` (whitespace tokens included, so layout survives). */
function mutate(text: string, m: Mutation): string {
  if (m.op === 'truncate') return text.slice(0, m.at % (text.length + 1));
  if (m.op === 'insert') {
    const at = m.at % (text.length + 1);
    return text.slice(0, at) + m.text + text.slice(at);
  }
  const tokens = tokenize(text).map((t) => t.text);
  if (tokens.length === 0) return text;
  const i = m.at % tokens.length;
  switch (m.op) {
    case 'delete':
      tokens.splice(i, 1);
      break;
    case 'double':
      tokens.splice(i, 0, tokens[i]);
      break;
    case 'swap': {
      const j = m.other % tokens.length;
      [tokens[i], tokens[j]] = [tokens[j], tokens[i]];
      break;
    }
    case 'replace':
      tokens[i] = m.text;
      break;
  }
  return tokens.join('');
}

const source = fc.oneof(fc.constantFrom(...exampleTexts), document.map(format));
const mutated = fc.tuple(source, fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([text, ms]) => ms.reduce(mutate, text));

describe('mutated clauses', () => {
  test('parse and validate never throw; an AST or an error; every diagnostic inside the text with agreeing line and column; one parse', () => {
    fc.assert(
      fc.property(mutated, (text) => expectWellBehaved(text)),
      { seed: SEED, numRuns: runs(600) },
    );
  });

  test('arbitrary strings and bytes decoded as text behave the same', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('utf8'))), (text) =>
        expectWellBehaved(text),
      ),
      { seed: SEED, numRuns: runs(300) },
    );
  });

  test('the parser never keeps more than one reading and its work per token stays bounded (no ambiguity blow-up)', () => {
    let worst = 0;
    fc.assert(
      fc.property(mutated, (text) => {
        const work = earleyWork(text);
        expect(work.results).toBeLessThanOrEqual(1);
        worst = Math.max(worst, work.states / (work.tokens + 1));
        expect(work.states).toBeLessThanOrEqual(statesBound(work.tokens));
        expect(work.widest).toBeLessThanOrEqual(WIDEST_COLUMN);
      }),
      { seed: SEED, numRuns: runs(300) },
    );
    expect(worst).toBeGreaterThan(0);
  });

  test('the checks catch what they are meant to catch: the helpers fail on a wrong position', () => {
    const text = 'line one\nline two';
    const d = { code: 'unexpected-token', severity: 'error', message: '', line: 2, column: 1, endLine: 2, endColumn: 5, offset: 9, endOffset: 13 } as Diagnostic;
    expect(() => expectPositioned(d, text)).not.toThrow();
    expect(() => expectPositioned({ ...d, column: 2 }, text)).toThrow(/disagree/);
    expect(() => expectPositioned({ ...d, endOffset: 40 }, text)).toThrow(/outside/);
  });
});
