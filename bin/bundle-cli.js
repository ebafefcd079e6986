#!/usr/bin/env node
/**
 * The last step of `npm run build`: bundles the command line (dist/src/cli/main.js, as tsc built it,
 * and the packages it imports) into one file, dist/cli/clause.js, which bin/clause.js runs. Loading
 * some 230 modules one by one (resolving, reading and compiling each) costs every `clause` run more
 * than a small evaluation; one file is read and compiled at once. The library (dist/src) stays as tsc
 * built it. Packages the command line loads only for some inputs (optional database drivers, the
 * XLSX reader, ajv, iconv-lite, the code frame) stay outside the bundle, loaded from node_modules
 * when used, so that a CSV evaluation never reads them.
 * Then a warm-up evaluation writes the V8 code cache bin/clause.js compiles the bundle with.
 */
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const entry = path.join(root, 'dist', 'src', 'cli', 'main.js');
const target = path.join(root, 'dist', 'cli', 'clause.js');
const cache = `${target}.cache`;
const pkg = require('../package.json');
const LOADED_WHEN_USED = ['exceljs', 'ajv', 'ajv-formats', 'iconv-lite', '@babel/code-frame'];

// An old bundle would run old code: it goes first, whatever happens next, and its code cache with it.
fs.rmSync(target, { force: true });
fs.rmSync(cache, { force: true });
let esbuild;
try {
  esbuild = require('esbuild');
} catch {
  // bin/clause.js then runs the modules themselves: the same program, a slower start.
  process.stderr.write('bundle-cli: esbuild is not installed (run npm install): the command line runs from dist/src, unbundled.\n');
  process.exit(0);
}
esbuild.buildSync({
  entryPoints: [entry],
  outfile: target,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: [...Object.keys(pkg.optionalDependencies ?? {}), ...LOADED_WHEN_USED],
  logLevel: 'warning',
});
// The bundle's last line names its text: bin/clause.js offers V8 a code cache only when the cache starts with it.
const text = fs.readFileSync(target, 'utf8');
fs.appendFileSync(target, `// clause bundle sha256 ${require('crypto').createHash('sha256').update(text).digest('hex')}\n`);

// The code cache bin/clause.js compiles the bundle with: written by one warm-up evaluation of an
// example (its output discarded), which compiles the functions an evaluation runs. Without it (the
// warm-up failed) bin/clause.js compiles the bundle from its text: the same program, a slower start.
const warmUp = require('child_process').spawnSync(
  process.execPath,
  [path.join(root, 'bin', 'clause.js'), 'evaluate', 'examples/seed-contract.clause', '--sales', 'examples/ledgers/seed-sales.csv', '--effective-date', '2026-01-01', '--time-zone', 'America/New_York', '--as-of', '2026-04-15', '--json'],
  { cwd: root, env: { ...process.env, CLAUSE_WRITE_CODE_CACHE: cache }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
);
if (warmUp.status !== 0 || !fs.existsSync(cache)) {
  fs.rmSync(cache, { force: true });
  process.stderr.write(`bundle-cli: the warm-up run that writes the code cache failed (the command line runs without it):\n${warmUp.stderr}\n`);
}
