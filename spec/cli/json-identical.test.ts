/**
 * `--json` of every example evaluation, byte for byte: the README's commands, the example portfolio, and
 * each evaluate conformance fixture written out as files (spec/cli/json-identical/inputs) and run through
 * the real CLI. The expected bytes (spec/cli/json-identical/outputs) were captured from the build before
 * the code was reorganised, so any change of behaviour or of output format shows here.
 * `JSON_IDENTICAL_UPDATE=1` rewrites them (only for a deliberate change of output).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, ROOT } from './run-cli';

interface Case {
  name: string;
  /** Arguments after `clause`, paths relative to the repository. */
  args: string[];
  /** A file of the repository given as standard input. */
  stdin?: string;
  exit?: number;
}

const DIR = path.join(__dirname, 'json-identical');
const cases = JSON.parse(readFileSync(path.join(DIR, 'cases.json'), 'utf8')) as Case[];
const update = process.env.JSON_IDENTICAL_UPDATE === '1';

it('covers the README, the portfolio example and every evaluate fixture', () => {
  expect(cases.length).toBeGreaterThanOrEqual(80);
});

describe.each(cases.map((c) => [c.name, c] as const))('%s', (name, c) => {
  it('prints the same --json bytes and exit code', () => {
    const run = runCli(c.args, c.stdin === undefined ? undefined : readFileSync(path.join(ROOT, c.stdin)));
    const file = path.join(DIR, 'outputs', `${name}.json`);
    if (update) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, run.stdout);
      c.exit = run.status ?? -1;
      return;
    }
    expect(existsSync(file)).toBe(true);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(c.exit);
    expect(run.stdout).toBe(readFileSync(file, 'utf8'));
  });
});

afterAll(() => {
  if (update) writeFileSync(path.join(DIR, 'cases.json'), `${JSON.stringify(cases, null, 1)}\n`);
});
