/**
 * Every human-readable line goes through one sanitiser: escape sequences in ledger cells, ids, names,
 * portfolio ids, file names and echoed arguments never reach the terminal raw (JSON output stays exact).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './run-cli';

/** What a terminal would act on: C0 controls but tab and line feed, DEL and C1 (U+009B is a one-character CSI). */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const ESC = '\u001b]0;owned\u0007\u001b[31m';
const CSI = '\u009b2J';
const CLAUSE = 'The Seller agrees to meet the following sales milestone: (i) $100 in sales revenue by the end of the first month. Upon achieving the milestone, the Seller will receive a bonus of $10.';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clause-terminal-'));
  fs.writeFileSync(path.join(dir, 'c.clause'), CLAUSE);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const clean = (run: { stdout: string; stderr: string }): void => {
  expect(run.stdout).not.toMatch(RAW);
  expect(run.stderr).not.toMatch(RAW);
};

test('ledger ids and cells in the report and in row errors', () => {
  const good = path.join(dir, 'good.csv');
  fs.writeFileSync(good, `id,date,amount,customer\nA${ESC},2026-01-05,150.00,C${CSI}\n`);
  const met = runCli(['evaluate', path.join(dir, 'c.clause'), '--sales', good, '--effective-date', '2026-01-01', '--as-of', '2026-03-01', '--explain']);
  expect(met.status).toBe(0);
  expect(met.stdout).toContain('A\ufffd]0;owned');
  clean(met);
  const json = runCli(['evaluate', path.join(dir, 'c.clause'), '--sales', good, '--effective-date', '2026-01-01', '--as-of', '2026-03-01', '--json']);
  expect(JSON.parse(json.stdout).milestones[0].achievedBy).toBe(`A${ESC}`);
  const bad = path.join(dir, 'bad.csv');
  fs.writeFileSync(bad, `id,date,amount\nA1,2026-01-05,${ESC}\nA2,20${CSI},1\n`);
  const failed = runCli(['evaluate', path.join(dir, 'c.clause'), '--sales', bad, '--effective-date', '2026-01-01', '--as-of', '2026-03-01']);
  expect(failed.status).toBe(1);
  clean(failed);
});

test('echoed arguments and file names', () => {
  for (const args of [['validate', `${ESC}.clause`], ['evaluate', '--no-such-option' + ESC], ['evaluate', path.join(dir, 'c.clause'), '--sales', 'x.csv', '--effective-date', `2026${CSI}`], ['format', `--${CSI}`]]) {
    const run = runCli(args);
    expect(run.status).toBe(2);
    clean(run);
  }
});

test('portfolio ids and payees', () => {
  const p = path.join(dir, 'p.json');
  fs.writeFileSync(p, JSON.stringify({ contracts: [{ id: `x${ESC}`, clauseText: `${CLAUSE} [${CSI}]`, seller: 'S', payee: `P${ESC}`, effectiveDate: '2026-01-01', asOf: '2026-03-01' }] }));
  const sales = path.join(dir, 'ps.csv');
  fs.writeFileSync(sales, 'id,date,amount,seller\nA1,2026-01-05,150.00,S\n');
  const run = runCli(['evaluate', '--portfolio', p, '--sales', sales]);
  clean(run);
  expect(run.stdout).toContain('x\ufffd]0;owned');
});
