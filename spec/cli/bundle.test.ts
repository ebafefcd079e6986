/**
 * `npm run build` bundles the command line into one file (bin/bundle-cli.js) and bin/clause.js runs it:
 * an evaluation of a CSV ledger then reads one file of the engine and no package from node_modules
 * (commander, luxon, decimal.js, moo, nearley and papaparse are in the bundle; the packages loaded on
 * first use stay out of it and are not loaded). The command line's own tests run through the bundle;
 * spec/cli/loaded-modules.test.ts guards what each command loads of the modules themselves. The build
 * writes a V8 code cache beside the bundle; bin/clause.js compiles the bundle with it only when it is
 * the cache of that bundle and V8 accepts it, and otherwise from the text, with the same output.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
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

const SEED = ['evaluate', 'examples/seed-contract.clause', '--sales', 'examples/ledgers/seed-sales.csv', '--effective-date', '2026-01-01', '--time-zone', 'America/New_York', '--as-of', '2026-04-15', '--json'];

/** Runs `bin` (a copy of bin/clause.js) with `args` from the project's root; `compiled`: how it compiled the bundle (its `compiled` export). */
function runReporting(bin: string, args: string[]): { status: number | null; stdout: string; stderr: string; compiled: string } {
  const report = [
    'const bin = process.argv[1];',
    'process.argv = [process.argv[0], bin, ...process.argv.slice(2)];',
    "process.on('exit', () => process.stderr.write(`compiled: ${require(bin).compiled}\\n`));",
    'require(bin);',
  ].join('\n');
  const run = spawnSync(process.execPath, ['-e', report, bin, ...args], { cwd: ROOT, encoding: 'utf8' });
  const match = /compiled: (\w+)\n$/.exec(run.stderr);
  return { status: run.status, stdout: run.stdout, stderr: run.stderr.replace(/compiled: \w+\n$/, ''), compiled: match?.[1] ?? 'unreported' };
}

test('bin/clause.js compiles the bundle with the code cache the build wrote', () => {
  const run = runReporting(path.join(ROOT, 'bin', 'clause.js'), SEED);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.compiled).toBe('cache');
});

describe('a code cache that does not fit the bundle is not used, and the output is the same', () => {
  let dir: string;
  let expected: string;
  /** A copy of bin/clause.js and the bundle (their times kept) with `cache` as the bundle's code cache. */
  function copyWithCache(name: string, cache: Buffer | null): string {
    const root = path.join(dir, name);
    mkdirSync(path.join(root, 'bin'), { recursive: true });
    mkdirSync(path.join(root, 'dist', 'cli'), { recursive: true });
    mkdirSync(path.join(root, 'dist', 'src', 'cli'), { recursive: true });
    const bundle = path.join(root, 'dist', 'cli', 'clause.js');
    copyFileSync(path.join(ROOT, 'bin', 'clause.js'), path.join(root, 'bin', 'clause.js'));
    copyFileSync(path.join(ROOT, 'dist', 'cli', 'clause.js'), bundle);
    const made = statSync(path.join(ROOT, 'dist', 'cli', 'clause.js'));
    utimesSync(bundle, made.atime, made.mtime);
    // The modules tsc built, older than the bundle: bin/clause.js runs the bundle.
    const modules = path.join(root, 'dist', 'src', 'cli', 'main.js');
    writeFileSync(modules, '');
    utimesSync(modules, new Date(0), new Date(0));
    if (cache !== null) writeFileSync(`${bundle}.cache`, cache);
    return path.join(root, 'bin', 'clause.js');
  }
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bundle-cache-'));
    expected = runReporting(path.join(ROOT, 'bin', 'clause.js'), SEED).stdout;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const real = (): Buffer => readFileSync(path.join(ROOT, 'dist', 'cli', 'clause.js.cache'));
  const stampLength = (cache: Buffer): number => cache.indexOf(10) + 1;

  test.each([
    ['no cache', () => null],
    ['the cache of another bundle (another last line)', () => Buffer.concat([Buffer.from(`// clause bundle sha256 ${'0'.repeat(64)}\n`), real().subarray(stampLength(real()))])],
    ['a cache V8 rejects (its data damaged)', () => Buffer.concat([real().subarray(0, stampLength(real())), Buffer.alloc(4096, 7)])],
  ])('%s: compiled from the text', (_name, cache) => {
    const bin = copyWithCache(_name.replace(/\W+/g, '-'), cache());
    const run = runReporting(bin, SEED);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.compiled).toBe('text');
    expect(run.stdout).toBe(expected);
  });

  test('the copy with the real cache uses it (the copies above differ from it in the cache alone)', () => {
    const bin = copyWithCache('real', real());
    const run = runReporting(bin, SEED);
    expect(run.compiled).toBe('cache');
    expect(run.stdout).toBe(expected);
  });

  test('a run does not write the cache', () => {
    const bin = copyWithCache('no-write', null);
    runReporting(bin, SEED);
    expect(() => statSync(path.join(path.dirname(bin), '..', 'dist', 'cli', 'clause.js.cache'))).toThrow();
  });
});
