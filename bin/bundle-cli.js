#!/usr/bin/env node
/**
 * The last step of `npm run build`: bundles the command line (dist/src/cli/main.js, as tsc built it,
 * and the packages it imports) into one file, dist/cli/clause.js, which bin/clause.js runs. Loading
 * some 230 modules one by one (resolving, reading and compiling each) costs every `clause` run more
 * than a small evaluation; one file is read and compiled at once. The library (dist/src) stays as tsc
 * built it. Packages the command line loads only for some inputs (optional database drivers, the
 * XLSX reader, ajv, iconv-lite, the code frame) stay outside the bundle, loaded from node_modules
 * when used, so that a CSV evaluation never reads them.
 */
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const entry = path.join(root, 'dist', 'src', 'cli', 'main.js');
const target = path.join(root, 'dist', 'cli', 'clause.js');
const pkg = require('../package.json');
const LOADED_WHEN_USED = ['exceljs', 'ajv', 'ajv-formats', 'iconv-lite', '@babel/code-frame'];

// An old bundle would run old code: it goes first, whatever happens next.
fs.rmSync(target, { force: true });
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
