/**
 * A guard on the command line's start-up work (not its time): the modules a run loads. Every run
 * pays for loading each module it touches (reading, compiling, running its top level), and
 * `clause evaluate` on a million rows pays it too, so a command loads only its own part of the
 * engine: `--version` nothing of it, `validate` the parser and checks, `evaluate` on a CSV ledger
 * the evaluator and the CSV reader, never the SQL compiler, the formatter, the XLSX reader, the
 * database drivers, ajv or iconv-lite. The counts' bounds are about 15% above what the commands load
 * today (12, 146 and 229 modules): room for new modules of a command's own part. A change that makes a
 * command load another command's part, or a heavy optional package, fails here.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './run-cli';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'loaded-modules-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The modules a run of the built command line (its modules, not the bundle) loads, as paths relative to the project (packages by name). */
function loadedModules(args: string[]): string[] {
  const out = path.join(dir, 'modules.txt');
  const run = spawnSync(process.execPath, [path.join(__dirname, 'loaded-modules.js'), out, 'modules', ...args], { cwd: ROOT, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return readFileSync(out, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((file) => path.relative(ROOT, file).replace(/^node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, 'package $1'));
}

const SEED_CONTEXT = ['--effective-date', '2026-01-01', '--time-zone', 'America/New_York', '--as-of', '2026-04-15'];

/** Parts of the engine and packages that an evaluation of a UTF-8 CSV ledger never needs. */
const NOT_FOR_A_CSV_EVALUATION = [
  /^dist\/src\/sql\//,
  /^dist\/src\/cli\/(sql|format|validate)-command\.js$/,
  /^dist\/src\/language\/(format|draft)\.js$/,
  /^dist\/src\/portfolio\//,
  /^dist\/src\/node\/(xlsx-reader|duckdb-engine|postgres-engine|sql-evaluation)\.js$/,
  /^package (exceljs|@duckdb\/node-api|pg|ajv|ajv-formats|iconv-lite|@babel\/code-frame)$/,
];

test('--version loads commander and the command line, none of the engine', () => {
  const modules = loadedModules(['--version']);
  expect(modules.filter((m) => m.startsWith('dist/'))).toEqual(['dist/src/cli/main.js', 'dist/src/node/io.js', 'dist/src/node/terminal-text.js']);
  expect(modules.length).toBeLessThanOrEqual(15);
});

test('validate loads the parser and checks, not the evaluator, the SQL compiler or the formatter', () => {
  const modules = loadedModules(['validate', 'examples/seed-contract.clause']);
  const evaluatorOrOtherCommands = /^dist\/src\/(sql|portfolio|node\/(?!io\.js|terminal-text\.js))|^dist\/src\/evaluation\/(evaluate|evaluation|metrics|crossing)\.js$|^dist\/src\/ledger\/ledger-reading\.js$|^dist\/src\/language\/(format|draft)\.js$/;
  expect(modules.filter((m) => evaluatorOrOtherCommands.test(m))).toEqual([]);
  expect(modules.length).toBeLessThanOrEqual(175);
});

test('evaluate on a CSV ledger loads the evaluator and the CSV reader, nothing optional', () => {
  const modules = loadedModules(['evaluate', 'examples/seed-contract.clause', '--sales', 'examples/ledgers/seed-sales.csv', ...SEED_CONTEXT, '--json']);
  expect(modules).toContain('dist/src/node/csv-stream.js');
  expect(modules.filter((m) => NOT_FOR_A_CSV_EVALUATION.some((pattern) => pattern.test(m)))).toEqual([]);
  expect(modules.length).toBeLessThanOrEqual(280);
});
