/**
 * format keeps what the checks warn about: the canonical text of every readable fixture and example has the same
 * warnings as the text ("in any calendar quarter" and "by the end of the year" keep their words; writing the reading
 * taken, "in each" or "the first year", would settle a question the text leaves open, with no word to the user).
 * Slow tier: it validates and formats every fixture.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentNode } from '../../src/language/ast';
import { validate } from '../../src/language/check';
import { format } from '../../src/language/format';
import { ROOT } from '../cli/run-cli';

const EXAMPLES = path.join(ROOT, 'examples');
const exampleFiles = readdirSync(EXAMPLES).filter((f) => f.endsWith('.clause')).sort();

// The canonical text keeps what the checks warn about ("in any calendar quarter", "by the end of the year"): writing the
// reading taken ("in each", "the first year") would settle a question the text leaves open, with no word to the user.
const FIXTURES = ['check', 'evaluate', 'parse', 'corpus'].flatMap((kind) =>
  readdirSync(path.join(ROOT, 'spec', 'conformance', kind))
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const o = JSON.parse(readFileSync(path.join(ROOT, 'spec', 'conformance', kind, f), 'utf8')) as { clause?: string; input?: { text?: string; clause?: string } };
      return [`${kind}/${f}`, o.input?.text ?? o.input?.clause ?? o.clause] as [string, string | undefined];
    }),
);
const readable = [...exampleFiles.map((f) => [`examples/${f}`, readFileSync(path.join(EXAMPLES, f), 'utf8')] as [string, string | undefined]), ...FIXTURES]
  .filter((e): e is [string, string] => typeof e[1] === 'string')
  .map(([name, text]) => [name, text, validate(text)] as const)
  .filter(([, , v]) => v.valid);
const warnings = (v: { diagnostics: Array<{ code: string; severity: string }> }): string[] => v.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code).sort();

test('the fixtures have readable texts with warnings to keep (a test over none would pass vacuously)', () => {
  expect(readable.filter(([, , v]) => warnings(v).includes('any-period-reading')).length).toBeGreaterThanOrEqual(2);
  expect(readable.filter(([, , v]) => warnings(v).includes('end-of-year-reading')).length).toBeGreaterThanOrEqual(2);
});

test.each(readable.map(([name, text, v]) => [name, text, v]))('%s: the canonical text has the same warnings as the text', (_name, text, v) => {
  expect(warnings(validate(format(v.ast as DocumentNode)))).toEqual(warnings(v));
});
