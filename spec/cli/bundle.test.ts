/**
 * `npm run build` bundles the command line into one file (bin/bundle-cli.js) and bin/clause.js runs it:
 * an evaluation of a CSV ledger then reads one file of the engine and no package from node_modules
 * (commander, luxon, decimal.js, moo, nearley and papaparse are in the bundle; the packages loaded on
 * first use stay out of it and are not loaded). The command line's own tests run through the bundle;
 * spec/cli/loaded-modules.test.ts guards what each command loads of the modules themselves.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './run-cli';

test('an evaluation of a CSV ledger through bin/clause.js loads the bundle and no package', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bundle-'));
  try {
    const out = path.join(dir, 'modules.txt');
    const args = ['evaluate', 'examples/seed-contract.clause', '--sales', 'examples/ledgers/seed-sales.csv', '--effective-date', '2026-01-01', '--time-zone', 'America/New_York', '--as-of', '2026-04-15', '--json'];
    const run = spawnSync(process.execPath, [path.join(__dirname, 'loaded-modules.js'), out, 'bin', ...args], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const modules = readFileSync(out, 'utf8').split('\n').filter((line) => line !== '').map((file) => path.relative(ROOT, file));
    expect(modules).toEqual(['bin/clause.js', 'dist/cli/clause.js']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the bundle leaves the optional and first-use packages to node_modules', () => {
  const bundle = readFileSync(path.join(ROOT, 'dist', 'cli', 'clause.js'), 'utf8');
  for (const name of ['exceljs', '@duckdb/node-api', 'pg', 'iconv-lite', '@babel/code-frame']) {
    expect(bundle).toContain(`require("${name}")`);
    expect(bundle).not.toContain(`node_modules/${name}/`);
  }
});
