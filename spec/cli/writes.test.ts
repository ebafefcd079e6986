/**
 * Output files (`clause format --write`, `--obligations-csv`): written through an exclusively created
 * temporary file renamed over the real target, never over a read-only file or an input of the same run,
 * only when the run succeeded, and every failure a usage error without a stack trace.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeOutput } from '../../src/node/write-output';
import { UsageError } from '../../src/node/io';
import { ROOT, runCli } from './run-cli';

const STACK = /^\s+at .+:\d+:\d+\)?$|internal error/m;
const UNFORMATTED = 'The Seller agrees to meet the following sales milestone:   (i) $5,000 in sales revenue by the end of the first month. Upon achieving the milestone, the Seller will receive a bonus of $100.';
const PORTFOLIO = path.join(ROOT, 'examples', 'portfolio');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clause-writes-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The example portfolio copied into `dir` (its files beside it), plus extra contracts. */
function portfolioIn(extra: Record<string, unknown>[] = []): string {
  for (const f of ['contracts.json', 'alice.clause', 'alice-schedule.json', 'sales.csv']) fs.copyFileSync(path.join(PORTFOLIO, f), path.join(dir, f));
  const p = JSON.parse(fs.readFileSync(path.join(dir, 'contracts.json'), 'utf8')) as { contracts: unknown[] };
  p.contracts.push(...extra);
  fs.writeFileSync(path.join(dir, 'contracts.json'), JSON.stringify(p));
  return path.join(dir, 'contracts.json');
}

describe('clause format --write', () => {
  test('through a symbolic link: the file it names is formatted and the link stays a link', () => {
    const real = path.join(dir, 'real.clause');
    const link = path.join(dir, 'link.clause');
    fs.writeFileSync(real, UNFORMATTED);
    fs.symlinkSync(real, link);
    const run = runCli(['format', '--write', link]);
    expect(run.status).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).not.toBe(UNFORMATTED);
    expect(fs.readdirSync(dir).sort()).toEqual(['link.clause', 'real.clause']);
  });

  test('a read-only file is refused and left as it was; the mode of a writable one is kept', () => {
    const file = path.join(dir, 'c.clause');
    fs.writeFileSync(file, UNFORMATTED);
    fs.chmodSync(file, 0o444);
    const run = runCli(['format', '--write', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/read-only/);
    expect(run.stderr).not.toMatch(STACK);
    expect(fs.readFileSync(file, 'utf8')).toBe(UNFORMATTED);
    fs.chmodSync(file, 0o640);
    expect(runCli(['format', '--write', file]).status).toBe(0);
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
  });

  test('a file changed after it was read (an append by another program) is not replaced', () => {
    const file = path.join(dir, 'c.clause');
    fs.writeFileSync(file, UNFORMATTED);
    const before = fs.statSync(file);
    fs.appendFileSync(file, '\n');
    expect(() => writeOutput(file, 'x', { unchangedSince: { size: before.size, mtimeMs: before.mtimeMs } })).toThrow(/changed after it was read/);
    expect(fs.readFileSync(file, 'utf8')).toBe(`${UNFORMATTED}\n`);
    expect(fs.readdirSync(dir)).toEqual(['c.clause']);
  });

  test('a planted file at any temporary name is never written through (names are random and created exclusively)', () => {
    const file = path.join(dir, 'c.clause');
    const victim = path.join(dir, 'victim');
    fs.writeFileSync(file, 'old');
    fs.writeFileSync(victim, 'keep');
    for (let i = 0; i < 50; i++) fs.symlinkSync(victim, path.join(dir, `.c.clause.clause-format-${i}`));
    writeOutput(file, 'new');
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep');
    expect(fs.lstatSync(file).isSymbolicLink()).toBe(false);
  });

  test('failures are usage errors: a missing folder, permission denied', () => {
    expect(() => writeOutput(path.join(dir, 'no', 'such', 'out.csv'), 'x')).toThrow(UsageError);
    expect(() => writeOutput(path.join(dir, 'no', 'such', 'out.csv'), 'x')).toThrow(/folder .* does not exist/);
    // /sys refuses new files even to root.
    expect(() => writeOutput('/sys/clause-engine-test.csv', 'x')).toThrow(/permission denied/);
  });
});

describe('--obligations-csv', () => {
  test('pointed at the --sales ledger: refused, the ledger is untouched', () => {
    const p = portfolioIn();
    const sales = path.join(dir, 'sales.csv');
    const before = fs.readFileSync(sales, 'utf8');
    const run = runCli(['evaluate', '--portfolio', p, '--sales', sales, '--obligations-csv', sales]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--sales ledger of this run/);
    expect(fs.readFileSync(sales, 'utf8')).toBe(before);
  });

  test('pointed at a clause file the portfolio names: refused', () => {
    const p = portfolioIn();
    const run = runCli(['evaluate', '--portfolio', p, '--sales', path.join(dir, 'sales.csv'), '--obligations-csv', path.join(dir, 'alice.clause')]);
    expect(run.status).toBe(2);
    expect(fs.readFileSync(path.join(dir, 'alice.clause'), 'utf8')).toBe(fs.readFileSync(path.join(PORTFOLIO, 'alice.clause'), 'utf8'));
  });

  test('a failing contract: exit 1 and no roll-up written (a partial one would pass for the whole)', () => {
    const p = portfolioIn([{ id: 'broken', clauseText: 'Nothing measurable here.', seller: 'Dan Okafor', effectiveDate: '2026-01-01' }]);
    const out = path.join(dir, 'out.csv');
    fs.writeFileSync(out, 'previous run\n');
    const run = runCli(['evaluate', '--portfolio', p, '--sales', path.join(dir, 'sales.csv'), '--obligations-csv', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/not written, because a contract failed/);
    expect(fs.readFileSync(out, 'utf8')).toBe('previous run\n');
  });

  test('a missing output folder or a folder refusing writes: exit 2, no stack trace', () => {
    const p = portfolioIn();
    for (const out of [path.join(dir, 'missing', 'out.csv'), '/sys/clause-engine-test.csv']) {
      const run = runCli(['evaluate', '--portfolio', p, '--sales', path.join(dir, 'sales.csv'), '--obligations-csv', out]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/Cannot write/);
      expect(run.stderr).not.toMatch(STACK);
    }
  });
});
