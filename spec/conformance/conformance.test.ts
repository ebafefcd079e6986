/**
 * The conformance cases: one JSON file per case under spec/conformance/<kind>/, each valid against
 * case.schema.json, text (and for evaluate, a context and a ledger) in, what the engine must give out:
 * - parse: exactly one parse, no diagnostics, the AST (with ranges, or compared without them);
 * - syntax-error: no AST and one diagnostic with the code, position, message fragments and suggestion;
 * - check: the text parses and validate() reports the diagnostic, none of `absentCodes`, no syntax error;
 * - evaluate: the report the library gives (`validate`, then the checked `evaluate` of src/index.ts): its
 *   milestones, obligations, totals, rows, diagnostic codes and notes, or its errors (and for a clause the
 *   checks refuse, the codes of the check errors), each computed by hand (the description shows the arithmetic).
 * spec/conformance/corpus/ has its own runner.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import nearley from 'nearley';
import grammarRules from '../../grammar/clause.generated';
import { DIAGNOSTIC_CODES, type Diagnostic } from '../../src/diagnostics';
import { validate } from '../../src/language/check';
import { parse } from '../../src/language/parse';
import { evaluate } from '../../src/evaluation/checked-evaluate';
import type { EvaluationReport } from '../../src/evaluation/report';
import { readSchedule } from '../../src/evaluation/schedule-reader';
import { parseLedgerText } from '../../src/ledger/text-readers';
import type { LedgerFormat, LedgerRecord } from '../../src/ledger/rows';
import type { LedgerHolds } from '../../src/language/ledger-holds';

interface ExpectedDiagnostic {
  code: string;
  severity: 'error' | 'warning' | 'info';
  line: number;
  column: number;
  messageIncludes: string[];
  suggestion?: string;
  fixText?: string;
}

type Case =
  | { kind: 'parse'; description: string; input: { text: string }; expect: { ast?: unknown; astWithoutRanges?: unknown } }
  | { kind: 'syntax-error'; description: string; input: { text: string }; expect: { diagnostic: ExpectedDiagnostic } }
  | { kind: 'check'; description: string; input: { text: string }; expect: { diagnostic: ExpectedDiagnostic; absentCodes?: string[] } }
  | {
      kind: 'evaluate';
      description: string;
      input: {
        clause: string;
        context: { effectiveDate: string; timeZone?: string; asOf: string; fiscalYearStart?: string; ledgerHolds?: LedgerHolds; ledgerCurrency?: string };
        schedule?: unknown;
        ledger: LedgerRecord[] | { format: LedgerFormat; text: string };
      };
      expect: {
        ok?: false;
        milestones?: object[];
        obligations?: object[];
        totals?: object[];
        rows?: object;
        diagnostics?: string[];
        notes?: string[];
        errors?: object[];
        errorCount?: number;
        checkErrors?: string[];
      };
    };

const KINDS = ['parse', 'syntax-error', 'check', 'evaluate'] as const;
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validateCase = ajv.compile(JSON.parse(readFileSync(path.join(__dirname, 'case.schema.json'), 'utf8')));

function casesOf<K extends Case['kind']>(kind: K): [string, Extract<Case, { kind: K }>][] {
  const dir = path.join(__dirname, kind);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Extract<Case, { kind: K }>]);
}

const parseCases = casesOf('parse');
const syntaxCases = casesOf('syntax-error');
const checkCases = casesOf('check');
const evaluateCases = casesOf('evaluate');

const SYNTAX = ['unexpected-token', 'unexpected-end', 'unexpected-character', 'ambiguous-parse', 'input-too-large', 'unsupported-construct'];

describe('the cases', () => {
  test.each(KINDS.flatMap((kind) => casesOf(kind).map(([name, c]) => [`${kind}/${name}`, c, kind] as const)))('%s is valid against case.schema.json, in the folder of its kind', (_name, c, kind) => {
    expect(validateCase(c) ? 'valid' : ajv.errorsText(validateCase.errors)).toBe('valid');
    expect(c.kind).toBe(kind);
  });

  test('there are enough of each kind', () => {
    expect(parseCases.length).toBeGreaterThanOrEqual(20);
    expect(parseCases.filter(([, c]) => c.expect.ast !== undefined).length).toBeGreaterThanOrEqual(8);
    expect(syntaxCases.length).toBeGreaterThanOrEqual(20);
    expect(evaluateCases.filter(([name]) => /^\d/.test(name)).length).toBeGreaterThanOrEqual(25);
  });

  test('every syntax-error case has a syntax-error code', () => {
    for (const [, c] of syntaxCases) expect(['unexpected-token', 'unexpected-end', 'unexpected-character', 'unsupported-construct']).toContain(c.expect.diagnostic.code);
  });

  test('every diagnostic code has a case, except the two no case can show', () => {
    // ambiguous-parse would be a grammar bug (the one-parse check below guards it); input-too-large
    // needs a 2 MB text and is tested in spec/unit/parse.test.ts.
    const covered = new Set([...syntaxCases, ...checkCases].map(([, c]) => c.expect.diagnostic.code));
    expect(Object.keys(DIAGNOSTIC_CODES).filter((code) => !covered.has(code) && code !== 'ambiguous-parse' && code !== 'input-too-large')).toEqual([]);
    const semantic = Object.keys(DIAGNOSTIC_CODES).filter((code) => !SYNTAX.includes(code));
    const checked = new Set(checkCases.map(([, c]) => c.expect.diagnostic.code));
    expect(semantic.filter((code) => !checked.has(code))).toEqual([]);
  });

  test('there is an evaluate case for every class of bad input', () => {
    const codes = new Set(evaluateCases.flatMap(([, c]) => (c.expect.errors ?? []).map((e) => (e as { code: string }).code)));
    for (const code of ['impossible-date', 'non-numeric-amount', 'currency-mismatch', 'duplicate-id', 'missing-column', 'schedule-missing-label']) {
      expect(codes).toContain(code);
    }
  });
});

const grammar = nearley.Grammar.fromCompiled(grammarRules);

/** How many parses nearley itself finds, independently of parse()'s own reporting. */
function parseCount(text: string): number {
  const parser = new nearley.Parser(grammar);
  parser.feed(text);
  return parser.results.length;
}

const withoutRanges = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, v) => (key === 'range' ? undefined : v)));
const validateAst = ajv.compile(JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'schemas', 'ast.schema.json'), 'utf8')));

describe('parse', () => {
  test.each(parseCases)('%s', (_name, c) => {
    expect(parseCount(c.input.text)).toBe(1);
    const result = parse(c.input.text);
    expect(result.diagnostics).toEqual([]);
    const ast = result.ast;
    expect(ast).not.toBeNull();
    if (c.expect.ast !== undefined) expect(ast).toEqual(c.expect.ast);
    else expect(withoutRanges(ast)).toEqual(c.expect.astWithoutRanges);
    expect(validateAst(ast) ? 'No errors' : ajv.errorsText(validateAst.errors)).toBe('No errors');
    expect(JSON.parse(JSON.stringify(ast))).toStrictEqual(ast);
  });
});

describe('syntax-error', () => {
  test.each(syntaxCases)('%s', (_name, c) => {
    const text = c.input.text;
    const x = c.expect.diagnostic;
    const result = parse(text);
    expect(result.ast).toBeNull();
    expect(result.diagnostics).toHaveLength(1);
    const d: Diagnostic = result.diagnostics[0];
    expect({ code: d.code, severity: d.severity, line: d.line, column: d.column }).toEqual({ code: x.code, severity: x.severity, line: x.line, column: x.column });
    for (const fragment of x.messageIncludes) expect(d.message).toContain(fragment);
    // Plain words, never nearley's dump of parser states or its internal rule names.
    expect(d.message).not.toMatch(/Instead, I was expecting|\$ebnf|\$subexpression|●|=>/);
    expect(d.suggestion).toBe(x.suggestion);
    // The position agrees with the offset, and the range does not run backwards.
    const before = text.slice(0, d.offset);
    expect(before.split('\n').length).toBe(d.line);
    expect(d.offset - (before.lastIndexOf('\n') + 1) + 1).toBe(d.column);
    expect(d.endOffset).toBeGreaterThanOrEqual(d.offset);
    if (d.fix) {
      if (d.suggestion?.startsWith('did you mean')) {
        // The quick fix replaces exactly the offending word with the suggested one.
        expect(text.slice(d.fix.offset, d.fix.endOffset)).toBe(text.slice(d.offset, d.endOffset));
        expect(d.suggestion).toBe(`did you mean '${d.fix.text}'?`);
      }
      if (x.fixText !== undefined) expect(d.fix.text).toBe(x.fixText);
      // Applied, the fix repairs this mistake: whatever error remains comes later in the text.
      const fixed = text.slice(0, d.fix.offset) + d.fix.text + text.slice(d.fix.endOffset);
      expect(parse(fixed).diagnostics.filter((e) => e.severity === 'error' && e.offset <= d.fix!.offset)).toEqual([]);
    }
  });
});

describe('check', () => {
  test.each(checkCases)('%s', (_name, c) => {
    const x = c.expect.diagnostic;
    expect(DIAGNOSTIC_CODES[x.code as keyof typeof DIAGNOSTIC_CODES]).toBe(x.severity);
    const result = validate(c.input.text);
    expect(result.ast).not.toBeNull();
    expect(result.diagnostics.filter((d) => SYNTAX.includes(d.code))).toEqual([]);
    const found = result.diagnostics.filter((d) => d.code === x.code);
    expect(found.map((d) => [d.line, d.column])).toContainEqual([x.line, x.column]);
    const d = found.find((e) => e.line === x.line && e.column === x.column)!;
    expect(d.severity).toBe(x.severity);
    for (const fragment of x.messageIncludes) expect(d.message).toContain(fragment);
    if (x.suggestion !== undefined) expect(d.suggestion).toBe(x.suggestion);
    for (const absent of c.expect.absentCodes ?? []) expect(result.diagnostics.map((e) => e.code)).not.toContain(absent);
    expect(result.valid).toBe(!result.diagnostics.some((e) => e.severity === 'error'));
    if (x.severity === 'error') expect(result.valid).toBe(false);
  });
});

/**
 * The case evaluated as a library caller evaluates it (src/index.ts): `validate` of the clause, then the checked
 * `evaluate`, which refuses a document the checks refuse and reads the ledger through the command line's ledger
 * checks; so a case pins what a user gets, never a reading only the unchecked evaluator gives.
 */
function evaluateCase(input: Extract<Case, { kind: 'evaluate' }>['input']): EvaluationReport {
  const checked = validate(input.clause, { ledgerHolds: input.context.ledgerHolds });
  expect(checked.diagnostics.filter((d) => SYNTAX.includes(d.code))).toEqual([]);
  const ledger = Array.isArray(input.ledger) ? input.ledger : parseLedgerText(input.ledger.text, input.ledger.format);
  let schedule = null;
  if (input.schedule !== undefined) {
    const s = readSchedule(input.schedule);
    if (!s.ok) throw new Error(s.errors.join('; '));
    schedule = s.schedule;
  }
  return evaluate(checked, ledger, { ...input.context, schedule });
}

describe('evaluate', () => {
  test.each(evaluateCases)('%s', (_name, c) => {
    const report = evaluateCase(c.input);
    const x = c.expect;
    if (x.ok === false) {
      expect(report.ok).toBe(false);
      if (report.ok) return;
      expect(report.errors).toHaveLength(x.errors?.length ?? 0);
      expect(report.errors).toMatchObject(x.errors ?? []);
      expect(report.errorCount).toBe(x.errorCount);
      // A clause the checks refuse is not evaluated: the codes of the check errors that refuse it.
      const checkErrors = (report.clauseDiagnostics ?? []).filter((d) => d.severity === 'error').map((d) => d.code);
      expect(checkErrors.sort()).toEqual([...(x.checkErrors ?? [])].sort());
      return;
    }
    if (!report.ok) throw new Error(`evaluation failed: ${JSON.stringify(report.errors)}`);
    if (x.milestones) {
      expect(report.milestones).toHaveLength(x.milestones.length);
      expect(report.milestones).toMatchObject(x.milestones);
    }
    expect(report.obligations).toHaveLength((x.obligations as object[]).length);
    expect(report.obligations).toMatchObject(x.obligations as object[]);
    expect(report.totals).toEqual(x.totals);
    if (x.rows) expect(report.rows).toEqual(x.rows);
    if (x.diagnostics) expect(report.diagnostics.map((d) => d.code).sort()).toEqual([...x.diagnostics].sort());
    for (const text of x.notes ?? []) expect(report.notes.join('\n')).toContain(text);
  });
});
