/**
 * Each reading both engines state is worded by one builder in src/evaluation, which the SQL report calls: a copy of
 * the words anywhere else (in src/sql above all) would drift from the evaluator's without any figure changing. For
 * each wording, exactly one source file holds its words, and it is the builder's.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const SRC = join(__dirname, '..', '..', 'src');
const files = sources(SRC).map((path) => ({ path: path.slice(SRC.length + 1), text: readFileSync(path, 'utf8') }));

/** A fragment of each wording, and the one file that writes it. */
const WORDINGS: Array<[string, string]> = [
  ['as the text states it:', 'evaluation/quota-note.ts'],
  ['which is not a payment: nothing is owed, met or missed', 'evaluation/sales-minimum-note.ts'],
  ["is read as the agreement's products", 'evaluation/commitment-note.ts'],
  ['each on the minimum then in force', 'evaluation/escalation.ts'],
  ['"payable annually" is read as each calendar year', 'evaluation/top-up-note.ts'],
  ['the royalties themselves are owed under ${', 'evaluation/top-up.ts'],
  ['so they are owed only once it ends: nothing is owed as of', 'evaluation/top-up.ts'],
  ['so they are owed only once it ends: nothing is owed for them as of', 'evaluation/plan-bands.ts'],
  ["on the year's total`", 'evaluation/plan-bands.ts'],
];

describe('one builder for each wording', () => {
  it.each(WORDINGS)('%s: only in %s', (fragment, owner) => {
    expect(files.filter((f) => f.text.includes(fragment)).map((f) => f.path)).toEqual([owner]);
  });
});
