/**
 * The README's library example is run as written (imports mapped to the sources), so the
 * documentation cannot drift from the API.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');

function librarySnippet(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Library'));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('README has no ```ts block under ## Library');
  return match[1];
}

test("the README's library example runs and prints the seed contract's results", () => {
  const js = ts.transpileModule(librarySnippet(), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
  const logged: unknown[][] = [];
  const errors: unknown[][] = [];
  const fakeConsole = { log: (...a: unknown[]) => logged.push(a), error: (...a: unknown[]) => errors.push(a) };
  const requireFromRoot = (name: string): unknown => (name === 'clause-engine' ? require('../../src/index') : require(name));
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    new Function('require', 'console', 'exports', js)(requireFromRoot, fakeConsole, {});
  } finally {
    process.chdir(cwd);
  }
  expect(errors).toEqual([]);
  // One line per diagnostic (the placeholder warning), then milestones, obligations and notes.
  expect(logged[0][0]).toMatch(/^1:\d+ warning \[placeholder-reference\]/);
  const [milestones, obligations, notes] = logged[logged.length - 1] as [{ status: string }[], { amount: string }[], string[]];
  expect(milestones.map((m) => m.status)).toEqual(['met', 'met', 'missed']);
  expect(obligations.map((o) => o.amount)).toEqual(['2500.00', '5000.00']);
  expect(notes.length).toBeGreaterThan(0);
});

test.each([true, false])("the README's library example type-checks with strict %s (no 'examples/' file, which the package does not ship)", (strict) => {
  const snippet = librarySnippet();
  expect(snippet).not.toMatch(/examples\//);
  const file = path.join(ROOT, 'spec', '.readme-library-example.ts');
  const { writeFileSync, rmSync } = require('node:fs') as typeof import('node:fs');
  writeFileSync(file, snippet);
  try {
    const program = ts.createProgram([file], {
      strict,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      esModuleInterop: true,
      resolveJsonModule: true,
      skipLibCheck: true,
      types: ['node'],
      baseUrl: ROOT,
      paths: { 'clause-engine': ['src/index.ts'] },
    });
    // Only the example's own problems: a user compiles against the package's .d.ts files, not its sources.
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file === undefined || d.file.fileName === file)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
  } finally {
    rmSync(file, { force: true });
  }
});
