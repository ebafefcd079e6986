/**
 * Streaming evaluation through the command line: sorted and shuffled versions of the same ledger
 * give byte-identical `--json`; a pipe and standard input give the same `--json` as the file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LedgerGenerator, sortedOrder, writeLedger } from '../../bench/generate';
import { ROOT, runCli } from './run-cli';
import { CLAUSE, OPTIONS, ROWS } from '../support/stream-ledger';

let dir: string;
let gen: LedgerGenerator;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'stream-evaluate-test-'));
  gen = new LedgerGenerator({ rows: ROWS, seed: 11, spanDays: 120, sellers: 3, customers: 200 });
  const shuffled = gen.order(false);
  writeLedger(path.join(dir, 'shuffled.csv'), gen, shuffled, 'csv');
  writeLedger(path.join(dir, 'shuffled.ndjson'), gen, shuffled, 'ndjson');
  writeLedger(path.join(dir, 'sorted.csv'), gen, sortedOrder(gen, shuffled, OPTIONS.timeZone), 'csv');
  writeFileSync(path.join(dir, 'clause.txt'), CLAUSE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('streaming evaluation through the command line', () => {
  test('sorted and shuffled versions of the ledger give byte-identical --json', () => {
    const args = (file: string): string[] => [
      'evaluate', path.join(dir, 'clause.txt'), '--sales', file, '--effective-date', OPTIONS.effectiveDate,
      '--time-zone', OPTIONS.timeZone, '--as-of', OPTIONS.asOf, '--json',
    ];
    const shuffled = runCli(args(path.join(dir, 'shuffled.csv')));
    const sorted = runCli(args(path.join(dir, 'sorted.csv')));
    expect(shuffled.status).toBe(0);
    expect(readFileSync(path.join(dir, 'sorted.csv'), 'utf8')).not.toBe(readFileSync(path.join(dir, 'shuffled.csv'), 'utf8'));
    expect(sorted.stdout).toBe(shuffled.stdout);
    expect(JSON.parse(shuffled.stdout).obligations).toHaveLength(4);
  });

  test('a pipe given as the ledger path (`<(…)`) is spooled like standard input: the same --json as the file', () => {
    const base = `node bin/clause.js evaluate '${path.join(dir, 'clause.txt')}' --effective-date ${OPTIONS.effectiveDate} --time-zone ${OPTIONS.timeZone} --as-of ${OPTIONS.asOf} --json`;
    const file = path.join(dir, 'shuffled.csv');
    const fromFile = runCli(['evaluate', path.join(dir, 'clause.txt'), '--sales', file, '--effective-date', OPTIONS.effectiveDate, '--time-zone', OPTIONS.timeZone, '--as-of', OPTIONS.asOf, '--json']);
    const piped = spawnSync('bash', ['-c', `${base} --sales <(cat '${file}') --format csv`], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(piped.stderr).toBe('');
    expect(piped.status).toBe(0);
    expect(piped.stdout).toBe(fromFile.stdout);
  });

  test('standard input is spooled and gives the same --json as the file', () => {
    const file = path.join(dir, 'shuffled.csv');
    const base = ['evaluate', path.join(dir, 'clause.txt'), '--effective-date', OPTIONS.effectiveDate, '--time-zone', OPTIONS.timeZone, '--as-of', OPTIONS.asOf, '--json'];
    const fromFile = runCli([...base, '--sales', file]);
    const fromStdin = runCli([...base, '--sales', '-', '--format', 'csv'], readFileSync(file));
    expect(fromStdin.status).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
  });
});
