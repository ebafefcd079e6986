/**
 * Unbounded reads: every input stops at its byte limit with a clear error, in bounded memory, and spooled
 * copies of standard input are removed on every exit path. Bounds: peak memory of the command (1 GB is the
 * promise; these stay far below), bytes spooled, files left behind.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../cli/run-cli';
import { runMeasured, STACK } from './measured-cli';

const SEED = path.join(ROOT, 'examples', 'seed-contract.clause');
const CONTEXT = ['--effective-date', '2026-01-01', '--as-of', '2026-04-15'];
/** Far below the promised 1 GB: a whole read of any of these inputs would pass it. */
const PEAK_MB = 400;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clause-limits-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const spools = (tmp: string): string[] => fs.readdirSync(tmp).filter((f) => f.startsWith('clause-ledger-'));

test('/dev/zero as --sales stops at --max-ledger-bytes: input-too-large, no spool left, bounded memory', () => {
  const tmp = fs.mkdtempSync(path.join(dir, 'tmp-'));
  const run = runMeasured(['evaluate', SEED, '--sales', '/dev/zero', '--format', 'csv', '--max-ledger-bytes', '50000000', ...CONTEXT], { env: { TMPDIR: tmp } });
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/\[input-too-large\].*'\/dev\/zero'.*50,000,000 bytes/);
  expect(run.stderr).not.toMatch(STACK);
  expect(spools(tmp)).toEqual([]);
  expect(run.peakMb).toBeLessThan(PEAK_MB);
});

test('a ledger file larger than --max-ledger-bytes is refused before it is read', () => {
  const run = runMeasured(['evaluate', SEED, '--sales', path.join(ROOT, 'examples', 'ledgers', 'seed-sales.csv'), '--max-ledger-bytes', '100', ...CONTEXT]);
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/\[input-too-large\]/);
});

test('/dev/zero as the clause, the schedule, standard input, draft terms, the portfolio and a portfolio clause: the byte limit, no stack trace', () => {
  const zero = fs.openSync('/dev/zero', 'r');
  const p = path.join(dir, 'p');
  fs.mkdirSync(p);
  fs.symlinkSync('/dev/zero', path.join(p, 'zero.clause'));
  fs.writeFileSync(path.join(p, 'contracts.json'), JSON.stringify({ contracts: [{ id: 'z', clause: 'zero.clause', seller: 'S', effectiveDate: '2026-01-01' }] }));
  const sales = path.join(ROOT, 'examples', 'portfolio', 'sales.csv');
  const runs = [
    { run: runMeasured(['validate', '/dev/zero']), exit: 1, out: /input-too-large/ },
    { run: runMeasured(['validate', '-'], { stdin: zero }), exit: 1, out: /input-too-large/ },
    { run: runMeasured(['format', '/dev/zero']), exit: 1, out: /input-too-large/ },
    { run: runMeasured(['evaluate', SEED, '--sales', sales, '--schedule', '/dev/zero', ...CONTEXT]), exit: 2, out: /\[input-too-large\]/ },
    { run: runMeasured(['draft', '/dev/zero']), exit: 2, out: /\[input-too-large\]/ },
    { run: runMeasured(['evaluate', '--portfolio', '/dev/zero', '--sales', sales]), exit: 2, out: /\[input-too-large\]/ },
    { run: runMeasured(['evaluate', '--portfolio', path.join(p, 'contracts.json'), '--sales', sales, '--allow-paths-outside-portfolio']), exit: 2, out: /\[input-too-large\]/ },
    { run: runMeasured(['evaluate', '--portfolio', path.join(p, 'contracts.json'), '--sales', sales]), exit: 2, out: /outside its folder/ },
  ];
  fs.closeSync(zero);
  for (const { run, exit, out } of runs) {
    expect([run.status, run.stdout + run.stderr]).toEqual([exit, expect.stringMatching(out)]);
    expect(run.stdout + run.stderr).not.toMatch(STACK);
    expect(run.peakMb).toBeLessThan(PEAK_MB);
  }
});

test('a 600 MB clause file is input-too-large (exit 1), read no further than the limit', () => {
  const file = path.join(dir, 'big.clause');
  fs.writeFileSync(file, 'The Seller agrees to meet the following milestone: ');
  fs.truncateSync(file, 600 * 1024 * 1024); // sparse: no 600 MB written to disk
  for (const args of [['validate', file], ['validate', '--json', file], ['evaluate', file, '--sales', path.join(ROOT, 'examples', 'ledgers', 'seed-sales.csv'), ...CONTEXT]]) {
    const run = runMeasured(args);
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/input-too-large/);
    expect(run.stdout + run.stderr).not.toMatch(STACK);
    expect(run.peakMb).toBeLessThan(PEAK_MB);
  }
});

test.each([
  ['SIGTERM', 143],
  ['SIGINT', 130],
] as const)('the spool of standard input is removed when the command gets %s', async (signal, code) => {
  const tmp = fs.mkdtempSync(path.join(dir, 'tmp-'));
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'clause.js'), 'evaluate', SEED, '--sales', '-', '--format', 'csv', ...CONTEXT], {
    cwd: ROOT,
    env: { ...process.env, TMPDIR: tmp },
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  child.stdin.write('id,date,amount\n1,2026-01-05,100\n');
  // Wait (by polling the folder, not by a time limit) until the spool exists.
  while (spools(tmp).length === 0) await new Promise((r) => setTimeout(r, 20));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  child.kill(signal);
  expect(await exited).toBe(code);
  expect(spools(tmp)).toEqual([]);
});
