/**
 * Conformance of the semantic checks (issue 2): spec/fixtures/check/*.json, each a text that
 * parses and on which validate() must report `code` with `severity` at `line`:`column`, with the
 * message fragments and the suggestion given. Other diagnostics may accompany it, but never a
 * syntax error nor any code listed in `absentCodes`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validate } from '../src/language/check';
import { DIAGNOSTIC_CODES } from '../src/diagnostics';

interface CheckFixture {
  description: string;
  text: string;
  code: keyof typeof DIAGNOSTIC_CODES;
  severity: 'error' | 'warning' | 'info';
  line: number;
  column: number;
  messageIncludes: string[];
  suggestion?: string;
  absentCodes?: string[];
}

const DIR = path.resolve(__dirname, 'fixtures/check');
const fixtures: [string, CheckFixture][] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(path.join(DIR, f), 'utf8')) as CheckFixture]);

const SYNTAX = ['unexpected-token', 'unexpected-end', 'unexpected-character', 'ambiguous-parse', 'input-too-large', 'unsupported-construct'];

test('there is a check fixture for every semantic code', () => {
  const semantic = Object.keys(DIAGNOSTIC_CODES).filter((c) => !SYNTAX.includes(c));
  const covered = new Set(fixtures.map(([, f]) => f.code));
  expect(semantic.filter((c) => !covered.has(c as CheckFixture['code']))).toEqual([]);
});

describe('check fixtures', () => {
  test.each(fixtures)('%s', (_name, f) => {
    expect(DIAGNOSTIC_CODES[f.code]).toBe(f.severity);
    const result = validate(f.text);
    expect(result.ast).not.toBeNull();
    expect(result.diagnostics.filter((d) => SYNTAX.includes(d.code))).toEqual([]);
    const found = result.diagnostics.filter((d) => d.code === f.code);
    expect(found.map((d) => [d.line, d.column])).toContainEqual([f.line, f.column]);
    const d = found.find((x) => x.line === f.line && x.column === f.column)!;
    expect(d.severity).toBe(f.severity);
    for (const fragment of f.messageIncludes) expect(d.message).toContain(fragment);
    if (f.suggestion !== undefined) expect(d.suggestion).toBe(f.suggestion);
    for (const absent of f.absentCodes ?? []) expect(result.diagnostics.map((x) => x.code)).not.toContain(absent);
    expect(result.valid).toBe(!result.diagnostics.some((x) => x.severity === 'error'));
    if (f.severity === 'error') expect(result.valid).toBe(false);
  });
});
