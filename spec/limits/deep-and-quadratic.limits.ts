/**
 * Inputs whose cost used to grow faster than their size, with the work counted: characters the lexer's
 * spelled-number rule scans, problems a schema check builds; and deep nesting, refused in one linear scan.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_NUMBER_WORDS, SPELLED_NUMBER_RUN } from '../../grammar/lexer';
import { checkTerms, MAX_MILESTONES_FOR_ALL_PROBLEMS } from '../../src/language/draft';
import { parseJsonText, MAX_JSON_DEPTH } from '../../src/json-text';
import { parseLedgerText } from '../../src/ledger/text-readers';
import { validate } from '../../src/language/check';
import { runMeasured, STACK } from './measured-cli';

/**
 * The characters the spelled-number rule examines on `text`: at every word, what its run of number words
 * matches (the rule scans that far before it fails for want of a figure).
 */
function spelledNumberScan(text: string, run: string): number {
  const re = new RegExp(run, 'y');
  let scanned = 0;
  for (const word of text.matchAll(/\S+/g)) {
    re.lastIndex = word.index;
    const m = re.exec(text);
    if (m) scanned += m[0].length;
  }
  return scanned;
}

const words = (n: number): string => Array.from({ length: n }, (_, i) => ['one', 'hundred', 'and', 'twenty-two', 'thousand'][i % 5]).join(' ');

test('80,000 number words without a figure: the lexer scans a bounded number of characters per word (linear)', () => {
  const small = spelledNumberScan(words(40_000), SPELLED_NUMBER_RUN);
  const large = spelledNumberScan(words(80_000), SPELLED_NUMBER_RUN);
  expect(large / small).toBeLessThan(2.05);
  expect(large).toBeLessThanOrEqual(words(80_000).length * MAX_NUMBER_WORDS);
  // The measure sees the old rule's growth: unbounded, doubling the words quadruples the scan.
  const unbounded = SPELLED_NUMBER_RUN.replace(/\{0,\d+\}$/, '*');
  expect(spelledNumberScan(words(4_000), unbounded) / spelledNumberScan(words(2_000), unbounded)).toBeGreaterThan(3.5);
});

test('the 80,000 words still validate to one clear error', () => {
  const result = validate(`The Seller agrees to meet the following milestone: ${words(80_000)} deals by the end of the first month.`);
  expect(result.valid).toBe(false);
  expect(result.diagnostics.length).toBeGreaterThan(0);
});

test('20,000 empty milestones in draft terms: one problem built, not 20,000 × the schema', () => {
  const terms = (n: number): unknown => ({ clauses: [{ kind: 'clause', form: 'enumerated', party: { kind: 'party', name: 'Seller' }, milestones: Array.from({ length: n }, () => ({})), payments: [] }] });
  const problems = checkTerms(terms(20_000));
  expect(problems).toHaveLength(1);
  expect(problems![0].message).toMatch(/first problem only/);
  // Below the bound every problem is reported, each once.
  const few = checkTerms(terms(MAX_MILESTONES_FOR_ALL_PROBLEMS));
  expect(few!.length).toBeGreaterThanOrEqual(MAX_MILESTONES_FOR_ALL_PROBLEMS);
});

describe('deep nesting: a clear error, no stack overflow', () => {
  const deep = `${'['.repeat(1_000_000)}1${']'.repeat(1_000_000)}`;

  test('the JSON reader refuses it at the first bracket past the limit', () => {
    const result = parseJsonText(deep);
    expect(result).toMatchObject({ ok: false, code: 'too-deeply-nested' });
    expect(result.ok ? '' : result.message).toContain(`column ${MAX_JSON_DEPTH + 1}`);
  });

  test('a JSON ledger, an NDJSON row, draft terms: each an error with a code', () => {
    expect(parseLedgerText(deep, 'json').issues[0]).toMatchObject({ row: 0, code: 'malformed-row' });
    expect(parseLedgerText(`[${deep}]`, 'json').issues[0].message).toMatch(/nested more than/);
    const ndjson = parseLedgerText(`{"id":"1","date":"2026-01-05","amount":"1"}\n${'['.repeat(5000)}${']'.repeat(5000)}\n`, 'ndjson');
    expect(ndjson.issues[0]).toMatchObject({ row: 2, code: 'malformed-row', value: 'an array of 1 item' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clause-deep-'));
    try {
      fs.writeFileSync(path.join(dir, 'terms.json'), deep);
      fs.writeFileSync(path.join(dir, 'sales.ndjson'), `${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
      const draft = runMeasured(['draft', path.join(dir, 'terms.json')]);
      expect(draft.status).toBe(1);
      expect(draft.stderr).toMatch(/\[too-deeply-nested\]/);
      const evaluate = runMeasured(['evaluate', 'examples/seed-contract.clause', '--sales', path.join(dir, 'sales.ndjson'), '--effective-date', '2026-01-01', '--as-of', '2026-02-01']);
      expect(evaluate.status).toBe(1);
      for (const r of [draft, evaluate]) expect(r.stdout + r.stderr).not.toMatch(STACK);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
