/**
 * Jest's transform of the TypeScript sources and specs: esbuild strips the types of each file on its own, to
 * CommonJS with an inline source map (stack traces point at the .ts lines). Type-checking is tsc's (`npm test`'s
 * pretest runs it on the specs), so the tests need no type-aware transform: ts-jest's TypeScript compiler costs
 * several times as much CPU per file on a cold cache, as on every fresh clone and in CI.
 *
 * esbuild's CommonJS exports are getters, so `jest.spyOn(module, 'name')` cannot replace a module's function:
 * count calls through what the function is given instead (spec/unit/evaluation-work.test.ts).
 */
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { transformSync } = require('esbuild');

const OWN = createHash('sha1').update(readFileSync(__filename)).update(require('esbuild/package.json').version).digest('hex');

module.exports = {
  process(source, filename) {
    // `import()` becomes a `require` as tsc compiles it (module: commonjs): jest's VM runs no ES module without a flag.
    const { code } = transformSync(source, { loader: 'ts', format: 'cjs', target: 'es2022', supported: { 'dynamic-import': false }, sourcemap: 'inline', sourcefile: filename });
    return { code };
  },
  getCacheKey(source, filename) {
    return createHash('sha1').update(OWN).update('\0').update(filename).update('\0').update(source).digest('hex');
  },
};
