/**
 * The layout's rules that the compiler does not check: product code never imports from the test
 * folder, and only src/node/ and src/cli/ use Node's built-ins (the library runs in a browser).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module a file imports or requires, as written. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

const files = sourceFiles(SRC);

test('src/ has the pipeline folders', () => {
  expect(files.length).toBeGreaterThan(40);
  const folders = new Set(files.map((f) => path.relative(SRC, f).split(path.sep)[0]));
  for (const folder of ['language', 'values', 'time', 'ledger', 'evaluation', 'portfolio', 'node', 'cli']) expect(folders).toContain(folder);
});

test.each(files.map((f) => [path.relative(SRC, f), f]))('%s imports nothing from spec/', (_name, file) => {
  const fromSpec = importsOf(file).filter((m) => m.startsWith('.') && path.resolve(path.dirname(file), m).startsWith(path.resolve(SRC, '..', 'spec')));
  expect(fromSpec).toEqual([]);
});

test.each(files.filter((f) => !/[\\/]src[\\/](node|cli)[\\/]/.test(f)).map((f) => [path.relative(SRC, f), f]))('%s uses no Node built-in', (_name, file) => {
  expect(importsOf(file).filter((m) => m.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'stream'].includes(m))).toEqual([]);
});
