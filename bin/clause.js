#!/usr/bin/env node
'use strict';
// The command line bundled into one file by `npm run build` (bin/bundle-cli.js): one file to read and
// compile at start-up instead of some 230 modules. The modules themselves when there is no bundle, or
// when tsc has rebuilt them since it was made (a stale bundle would run old code).
//
// A command runs the bundle compiled with the V8 code cache the build wrote beside it (the bytecode of
// the functions a warm-up evaluation ran), so that it does not parse and compile them again. The cache
// is offered to V8 only when its first line is the bundle's last line (the SHA-256 of the bundle's
// text), since V8 itself checks little more than the text's length; V8 rejects it for another Node or
// other flags, and the bundle is then compiled from its text. Without a cache, and without a command
// (`--version`, `--help`: a few functions to compile, less than reading an evaluation's cache), the
// bundle is required as any module. A run never writes the cache: only the build's warm-up does, which
// names the cache file in CLAUSE_WRITE_CODE_CACHE.
const fs = require('fs');
const path = require('path');

const bundle = path.join(__dirname, '..', 'dist', 'cli', 'clause.js');
const cacheFile = `${bundle}.cache`;
/** How the bundle's last line (and its cache's first) starts: the SHA-256 of the bundle's text follows. */
const BUNDLE_ID = '// clause bundle sha256 ';
const modules = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
const bundled = fs.statSync(bundle, { throwIfNoEntry: false });
const current = bundled !== undefined && bundled.mtimeMs >= fs.statSync(modules).mtimeMs;
/** How this run compiled the command line: 'cache' (the bundle, with its code cache), 'text' (the bundle, from its text), 'modules'. */
exports.compiled = current ? 'text' : 'modules';
if (current) (loadWithCache(bundled.size) ?? require(bundle)).main(process.argv);
else require(modules).main(process.argv);

/** The bundle's exports, compiled with its code cache; null when the cache does not fit it or is not worth reading. */
function loadWithCache(size) {
  const writing = process.env.CLAUSE_WRITE_CODE_CACHE === cacheFile;
  const command = process.argv.slice(2).some((arg) => !arg.startsWith('-'));
  let cache;
  if (command) {
    try {
      cache = fs.readFileSync(cacheFile);
    } catch {
      // No cache (a build without the warm-up).
    }
  }
  const stamp = cache === undefined ? -1 : cache.indexOf(10) + 1;
  const fits = stamp > BUNDLE_ID.length && cache.toString('latin1', 0, BUNDLE_ID.length) === BUNDLE_ID && lastLine(size).equals(cache.subarray(0, stamp));
  if (!fits && !writing) return null;

  const Module = require('module');
  const vm = require('vm');
  const source = fs.readFileSync(bundle, 'utf8');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundle,
    cachedData: fits ? cache.subarray(stamp) : undefined,
  });
  if (fits && !script.cachedDataRejected) exports.compiled = 'cache';
  // The bundle is loaded as the module it is: in require.cache, requiring from its own directory.
  const bundleModule = new Module(bundle, module);
  bundleModule.filename = bundle;
  bundleModule.paths = Module._nodeModulePaths(path.dirname(bundle));
  require.cache[bundle] = bundleModule;
  const requireFromBundle = (id) => bundleModule.require(id);
  requireFromBundle.resolve = (id) => Module._resolveFilename(id, bundleModule);
  requireFromBundle.cache = require.cache;
  requireFromBundle.main = require.main;
  script.runInThisContext()(bundleModule.exports, requireFromBundle, bundleModule, bundle, path.dirname(bundle));
  bundleModule.loaded = true;
  if (writing) {
    const id = lastLine(size);
    if (id.toString('latin1').startsWith(BUNDLE_ID)) process.on('exit', () => fs.writeFileSync(cacheFile, Buffer.concat([id, script.createCachedData()])));
  }
  return bundleModule.exports;
}

/** The bundle's last line (with its line feed) when it is shorter than 128 bytes, else its end. */
function lastLine(size) {
  const tail = Buffer.alloc(Math.min(size, 128));
  const fd = fs.openSync(bundle, 'r');
  try {
    fs.readSync(fd, tail, 0, tail.length, size - tail.length);
  } finally {
    fs.closeSync(fd);
  }
  return tail.subarray(tail.lastIndexOf(10, tail.length - 2) + 1);
}
