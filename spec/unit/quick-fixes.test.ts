/**
 * Every quick fix the engine offers on any fixture, example or corpus clause, applied, gives a text
 * that parses: a fix that only moves the error along ("One (1) Million Dollars …" failing at
 * "Dollars") points the wrong way, and parse() drops such fixes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validate } from '../../src/language/check';
import { parse } from '../../src/language/parse';

const ROOT = path.resolve(__dirname, '..', '..');

function texts(): [string, string][] {
  const out: [string, string][] = [];
  const json = (dir: string): void => {
    const full = path.join(ROOT, dir);
    if (!existsSync(full)) return;
    for (const f of readdirSync(full).filter((x) => x.endsWith('.json')).sort()) {
      const c = JSON.parse(readFileSync(path.join(full, f), 'utf8')) as { input?: { text?: unknown; clause?: unknown }; clause?: unknown };
      const value = c.input?.text ?? c.input?.clause ?? c.clause;
      if (typeof value === 'string') out.push([`${dir}/${f}`, value]);
    }
  };
  for (const dir of ['parse', 'syntax-error', 'check', 'evaluate', 'corpus']) json(`spec/conformance/${dir}`);
  for (const f of readdirSync(path.join(ROOT, 'examples')).filter((x) => x.endsWith('.clause')).sort()) {
    out.push([`examples/${f}`, readFileSync(path.join(ROOT, 'examples', f), 'utf8')]);
  }
  return out;
}

const withFixes = texts().flatMap(([name, text]) =>
  validate(text).diagnostics.flatMap((d) => (d.fix ? [[`${name} ${d.code} ${d.line}:${d.column}`, text, d.fix] as const] : [])),
);

test('fixtures offer quick fixes to check (a test over none would pass vacuously)', () => {
  expect(withFixes.length).toBeGreaterThanOrEqual(10);
});

test.each(withFixes)('%s: the text with its quick fix applied parses', (_name, text, fix) => {
  const fixed = text.slice(0, fix.offset) + fix.text + text.slice(fix.endOffset);
  const result = parse(fixed);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(result.ast).not.toBeNull();
});

test('a fix after which the text still fails is not offered; its suggestion stays', () => {
  const text =
    'The Seller agrees to meet the following sales milestones: (i) $5,000 in sales by the end of the scond month, (ii) $9,000 in sales by the end of the thrd month.';
  const [d] = parse(text).diagnostics;
  expect(d.suggestion).toBe("did you mean 'second'?");
  expect(d.fix).toBeUndefined();
});
