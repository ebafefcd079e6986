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

test("a 'did you mean' whose word does not make the text parse is not offered: 'on' in a clawback sentence the language does not read is not 'of'", () => {
  const text =
    'If Net Sales exceed $100,000 in each calendar quarter, the Company shall pay the Agent a commission of $5,000. ' +
    'Commissions on refunded sales shall be deducted on future commissions.';
  const [d] = parse(text).diagnostics;
  expect(d).toMatchObject({ code: 'unsupported-construct', offset: text.indexOf('on refunded') });
  expect(d.suggestion).toBeUndefined();
  expect(d.fix).toBeUndefined();
});

test("every 'did you mean' on a fixture, applied with the other fixes of its text, gives a text that parses", () => {
  for (const [, text] of texts()) {
    const diagnostics = parse(text).diagnostics;
    const fixes = diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
    for (const d of diagnostics) {
      const word = /^did you mean '(.*)'\?$/.exec(d.suggestion ?? '')?.[1];
      if (word === undefined) continue;
      const others = fixes.filter((f) => f.offset !== d.offset).sort((a, b) => b.offset - a.offset);
      let fixed = text.slice(0, d.offset) + word + text.slice(d.endOffset);
      const shift = word.length - (d.endOffset - d.offset);
      for (const f of others) {
        const o = f.offset > d.offset ? shift : 0;
        fixed = fixed.slice(0, f.offset + o) + f.text + fixed.slice(f.endOffset + o);
      }
      expect(parse(fixed).ast).not.toBeNull();
    }
  }
});
