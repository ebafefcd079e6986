/**
 * The library's `evaluate` (src/index.ts) evaluates only a document whose checks pass: `validate`'s result with an
 * error, or a bare AST whose canonical text the checks refuse, is a failure naming each error, never a report of what
 * the evaluator makes of it.
 */
import { evaluate, evaluateWithSeries, format, parse, validate, type DocumentNode, type EvaluationFailure, type EvaluationSuccess } from '../../src/index';

const OPTIONS = { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2026-12-31' };
// Refused by the checks (unsupported-construct at "of a Licensed Product"): one product's excess would carry into another's quarter.
const REFUSED =
  'If Net Sales of a Licensed Product exceed $100,000 in each calendar quarter, the Company shall pay the Agent a bonus of $5,000. ' +
  "Net Sales in excess of a calendar quarter's target shall carry forward to the next calendar quarter, including amounts carried forward.";
const GOOD = 'If Net Sales exceed $100,000 in each calendar quarter, the Company shall pay the Agent a bonus of $5,000.';
const LEDGER = [
  { id: 'S1', date: '2026-02-01', amount: '150000', product: 'A' },
  { id: 'S2', date: '2026-05-01', amount: '60000', product: 'B' },
];

test("validate's result with an error is refused: one invalid-clause error per check error, the diagnostics as validate gives them", () => {
  const checked = validate(REFUSED);
  expect(checked.valid).toBe(false);
  const report = evaluate(checked, LEDGER, OPTIONS) as EvaluationFailure;
  expect(report.ok).toBe(false);
  expect(report.errors).toHaveLength(1);
  expect(report.errors[0]).toMatchObject({ code: 'invalid-clause', severity: 'error' });
  expect(report.errors[0].message).toContain('[unsupported-construct]');
  expect(report.errorCount).toBe(1);
  expect(report.clauseDiagnostics).toEqual(checked.diagnostics);
});

test('a bare AST from parse (no checks run) is checked on its canonical text and refused the same way', () => {
  const parsed = parse(REFUSED);
  expect(parsed.ast).not.toBeNull();
  const report = evaluate(parsed.ast as DocumentNode, LEDGER, OPTIONS) as EvaluationFailure;
  expect(report.ok).toBe(false);
  expect(report.errors.map((e) => e.code)).toEqual(['invalid-clause']);
  expect(report.clauseDiagnostics?.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['unsupported-construct']);
  expect(evaluateWithSeries(parsed.ast as DocumentNode, LEDGER, OPTIONS)).toEqual({ report, series: [] });
});

test('an AST with no text in the language is refused, saying why', () => {
  const ast = validate(GOOD).ast as DocumentNode;
  const broken = { ...ast, clauses: [] } as DocumentNode;
  const report = evaluate(broken, LEDGER, OPTIONS) as EvaluationFailure;
  expect(report.ok).toBe(false);
  expect(report.errors[0].message).toContain('no text in the language');
});

test("a valid document is evaluated alike from validate's result and from its AST", () => {
  const checked = validate(GOOD);
  const fromResult = evaluate(checked, LEDGER, OPTIONS) as EvaluationSuccess;
  expect(fromResult.ok).toBe(true);
  expect(fromResult.milestones.map((m) => m.status)).toEqual(['met', 'missed', 'missed', 'missed']);
  expect(evaluate(checked.ast as DocumentNode, LEDGER, OPTIONS)).toEqual(fromResult);
  expect(validate(format(checked.ast as DocumentNode)).valid).toBe(true);
});
