/** `clause format` and `clause draft` through the real command line. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { format } from '../../src/language/format';
import { runCli } from './run-cli';
import { parsed, SEED_CLAUSE } from '../support/seed-clause';

describe('clause format and clause draft', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'clause-format-'));

  test("'clause validate --json' output pipes into 'clause draft -' as it is", () => {
    const validated = runCli(['validate', '-', '--json'], SEED_CLAUSE);
    expect(validated.status).toBe(0);
    const drafted = runCli(['draft', '-'], validated.stdout);
    expect(drafted.status).toBe(0);
    expect(drafted.stdout).toBe(format(parsed(SEED_CLAUSE)));
  });

  test('prints the canonical text; --check exits 1 naming the file, 0 once canonical; --write rewrites in place', () => {
    const file = path.join(dir, 'seed.clause');
    writeFileSync(file, SEED_CLAUSE);
    const printed = runCli(['format', file]);
    expect(printed.status).toBe(0);
    expect(printed.stdout).toBe(format(parsed(SEED_CLAUSE)));

    const check = runCli(['format', '--check', file]);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(`${file}: not in canonical form`);

    const write = runCli(['format', '--write', file]);
    expect(write.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(printed.stdout);
    const again = runCli(['format', '--check', file]);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe('');
  });

  test('invalid input: diagnostics like validate, exit 1, the file untouched by --write', () => {
    const file = path.join(dir, 'typo.clause');
    const text = 'The Seller agrees to meet the following milestone: $5,000 in sales revenue by the end of the scond month.';
    writeFileSync(file, text);
    const run = runCli(['format', '--write', file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${file}:1:${text.indexOf('scond') + 1}: error [unexpected-token]`);
    expect(run.stderr).toContain("hint: did you mean 'second'?");
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('a valid clause whose canonical text would exceed the size limit: exit 1 with the reason, no stack trace', () => {
    const file = path.join(dir, 'huge.clause');
    writeFileSync(file, `The Seller agrees to meet the following milestone: $${'9'.repeat(1_900_000)} in sales revenue by the end of the first month.`);
    const run = runCli(['format', file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${file}: not formatted: its canonical text would be 2,533,443 characters long (grouping commas, full sentences), over the 2,000,000 that a clause document may have, so it could not be read back.\n`);
  });

  test('usage errors exit 2', () => {
    expect(runCli(['format', '--write', '-'], SEED_CLAUSE).status).toBe(2);
    expect(runCli(['format', '--check', '--write', 'examples/seed-contract.clause']).status).toBe(2);
    expect(runCli(['format', path.join(dir, 'missing.clause')]).status).toBe(2);
    expect(runCli(['draft', path.join(dir, 'missing.json')]).status).toBe(2);
  });

  test('draft: terms from validate --json give the canonical text; invalid terms exit 1 with pointers', () => {
    const json = JSON.parse(runCli(['validate', '--json', 'examples/sterling-new-customers.clause']).stdout);
    const file = path.join(dir, 'terms.json');
    writeFileSync(file, JSON.stringify({ clauses: json.clauses }));
    const run = runCli(['draft', file]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(runCli(['format', 'examples/sterling-new-customers.clause']).stdout);

    json.clauses[0].milestones[0].target.count = 'ten';
    const bad = runCli(['draft', '-'], JSON.stringify({ clauses: json.clauses }));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('<stdin>: /clauses/0/milestones/0/target/count: error: must be a plain non-negative decimal string');

    const notJson = runCli(['draft', '-'], '{"clauses": [');
    expect(notJson.status).toBe(1);
    expect(notJson.stderr).toMatch(/^<stdin>: not valid JSON: /);
  });
});
