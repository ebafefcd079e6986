/**
 * The parser's work (Earley states, a deterministic measure, not wall time) stays linear in the input: doubling a
 * clause's items at most doubles it, for every form, and the examples stay well under the per-token bound that the
 * fuzz test (fuzz.slow.test.ts) asserts on mutated clauses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { earleyWork } from '../../src/language/earley-work';
import { ROOT } from '../cli/run-cli';
import { WIDEST_COLUMN, statesBound } from '../support/parser-work';

const EXAMPLES = path.join(ROOT, 'examples');
const exampleTexts = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.clause'))
  .sort()
  .map((f) => readFileSync(path.join(EXAMPLES, f), 'utf8'));

describe('linear work', () => {
  const clauseOf = (n: number): string =>
    'The Seller agrees to meet the following sales milestones:\n' +
    Array.from({ length: n }, (_, i) => `(${i + 1}) $${(i + 1) * 1000} in sales revenue by the end of month ${i + 1}`).join(';\n') +
    '.\nUpon achieving each milestone, the Seller will receive a bonus of $500.\n';

  test('doubling the items at most doubles the parser work (Earley states), for every form', () => {
    const headedOf = (n: number): string => Array.from({ length: n }, (_, i) => `Month ${i + 1} Milestone: Close $${i + 1}000 in sales revenue.`).join('\n');
    const documentsOf = (n: number): string => Array.from({ length: n }, () => clauseOf(2)).join('\n');
    for (const build of [clauseOf, headedOf, documentsOf]) {
      const small = earleyWork(build(250));
      const large = earleyWork(build(500));
      expect(small.results).toBe(1);
      expect(large.results).toBe(1);
      expect(large.states / small.states).toBeLessThan(2.1);
    }
  });

  test('the examples stay well under the per-token bound the fuzz test asserts', () => {
    for (const text of exampleTexts) {
      const work = earleyWork(text);
      expect(work.results).toBe(1);
      // Three quarters of the bound the fuzz test asserts (which allows the first column's predictions as a
      // fixed start), so that the examples keep headroom below what hostile text may reach.
      expect(work.states).toBeLessThan(statesBound(work.tokens) * 0.75);
      expect(work.states / (work.tokens + 1)).toBeGreaterThan(1); // the measure sees every column
      expect(work.widest).toBeLessThan(WIDEST_COLUMN / 2);
    }
  });
});
