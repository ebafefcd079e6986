/**
 * The real-clause corpus (spec/conformance/corpus/*.json, read by bench/corpus.ts, which
 * `npm run corpus` runs): every case listed in corpus/PASSING is still read correctly, and every in-domain case the engine rejects gets an `unsupported-construct` error that names the
 * kind of sentence and the construct at a position inside the clause, never only tokens to type. A case that expects a
 * refusal is read correctly only when refused with its code at its word.
 */
import path from 'node:path';
import { coverage, loadCorpus, readPassing, runCase } from '../../bench/corpus';

const dir = path.join(__dirname, 'corpus');
const cases = loadCorpus(dir);
const results = cases.map(runCase);

/** The cases recorded as read correctly (`npm run corpus -- --record` adds to the list, never removes). */
const passing = readPassing(dir);
const RECORDED = passing.length;

test('the corpus has at least 60 in-domain cases', () => {
  expect(coverage(results).inDomain).toBeGreaterThanOrEqual(60);
});

test(`coverage does not drop below ${RECORDED} cases read correctly`, () => {
  expect(coverage(results).readCorrectly).toBeGreaterThanOrEqual(RECORDED);
});

test.each(passing)('%s: still read correctly', (file) => {
  const r = results.find((x) => x.file === file);
  expect(r?.outcome).toEqual({ kind: 'read-correctly' });
});

const rejected = results.filter((r) => r.inDomain && r.outcome.kind === 'rejected').map((r) => [r.file, r] as const);

test.each(rejected)('%s: rejected with the unsupported construct named at its position', (file, r) => {
  if (r.outcome.kind !== 'rejected') throw new Error('not rejected');
  const d = r.outcome.diagnostic;
  const text = cases.find((c) => c.file === file)!.clause;
  // A metric the ledger cannot measure ('Bookings') is named by its own error, at the metric.
  expect(['unsupported-construct', 'unmeasurable-metric']).toContain(d.code);
  if (d.code === 'unsupported-construct') {
    expect(d.message).toMatch(/^This reads as .+; the part not supported is .+ at \d+:\d+/);
    expect(d.message).toContain(`at ${d.line}:${d.column}`);
  }
  expect(d.offset).toBeGreaterThanOrEqual(0);
  expect(d.offset).toBeLessThanOrEqual(text.length);
});

describe('a case that expects a refusal (expected.diagnostic)', () => {
  const base = {
    file: 'refusal.json', description: '', inDomain: true, constructs: [], context: { effectiveDate: '2026-01-01', asOf: '2026-12-31' }, ledger: [],
  };
  const refusing = (clause: string, at: string) => runCase({ ...base, clause, expected: { diagnostic: { code: 'unsupported-construct', at } } });

  test('refused with the code at the word: read correctly', () => {
    const clause = 'The Company shall pay the Agent a bonus of $5,000 if Net Sales exceed $100,000 in the first year, at its sole discretion.';
    const r = runCase({ ...base, clause, expected: {} });
    expect(r.outcome.kind).toBe('rejected');
    if (r.outcome.kind !== 'rejected') return;
    const at = clause.slice(r.outcome.diagnostic.offset, r.outcome.diagnostic.offset + 8);
    expect(refusing(clause, at).outcome).toEqual({ kind: 'read-correctly' });
  });

  test('refused at another word: still rejected', () => {
    const clause = 'The Company shall pay the Agent a bonus of $5,000 if Net Sales exceed $100,000 in the first year, at its sole discretion.';
    expect(refusing(clause, 'The Company').outcome.kind).toBe('rejected');
  });

  test('accepted: a misreading, since the result cannot be known', () => {
    expect(refusing('The Company shall pay the Agent a bonus of $5,000 if Net Sales exceed $100,000 in the first year.', 'bonus').outcome.kind).toBe('misread');
  });
});
