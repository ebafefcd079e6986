/**
 * The library's evaluation: of a document whose checks pass, and of no other. The evaluator itself (evaluate.ts) trusts
 * its AST, as the CLI hands it only what `validate` accepted; a library caller may hand it anything, and what the
 * evaluator makes of a document the checks refuse (a per-product carry-forward, a cap on another amount) is a silent
 * misreading. So the library's `evaluate` takes what `validate` returned and refuses it when it holds an error; given a
 * bare AST, it checks the AST's canonical text (`format`: the checks point ranges into a text, and an AST from `parse`
 * of some other text carries that text's ranges), and refuses an AST with errors there, or with no text at all.
 */
import type { DocumentNode } from '../language/ast';
import { validate, type ValidationResult } from '../language/check';
import { format, FormatError } from '../language/format';
import { hasErrors, type Diagnostic } from '../diagnostics';
import type { LedgerRecord } from '../ledger/rows';
import { evaluate as evaluateDocument, evaluateWithSeries as evaluateDocumentWithSeries } from './evaluate';
import type { ChartSeries } from './metrics';
import type { EvaluationFailure, EvaluationOptions, EvaluationReport } from './report';

/** What the library evaluates: `validate`'s result, or an AST (checked on its canonical text). */
export type EvaluationInput = ValidationResult | DocumentNode;

/** The AST to evaluate, or the refusal: the check diagnostics (errors first among them) in `validate`'s shape. */
function checked(input: EvaluationInput): { ast: DocumentNode } | { diagnostics: Diagnostic[]; where: string } {
  if ('valid' in input) {
    if (input.ast !== null && !hasErrors(input.diagnostics)) return { ast: input.ast };
    return { diagnostics: input.diagnostics, where: 'the clause text' };
  }
  let text: string;
  try {
    text = format(input);
  } catch (e) {
    if (!(e instanceof FormatError)) throw e;
    const at = { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 };
    return { diagnostics: [{ code: 'unsupported-construct', severity: 'error', message: `the AST has no text in the language, so its checks cannot run: ${e.message}`, ...at }], where: 'the AST' };
  }
  const result = validate(text);
  if (result.ast !== null && !hasErrors(result.diagnostics)) return { ast: input };
  return { diagnostics: result.diagnostics, where: "the AST's canonical text (format(ast))" };
}

/** The report of a document the checks refuse: one `invalid-clause` error per check error, and every diagnostic as `validate` gives it. */
function refusal(diagnostics: Diagnostic[], where: string, options: EvaluationOptions): EvaluationFailure {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  return {
    ok: false,
    asOf: options.asOf ?? null,
    effectiveDate: options.effectiveDate,
    timeZone: options.timeZone ?? 'UTC',
    errors: errors.map((d) => ({
      code: 'invalid-clause',
      severity: 'error',
      message: `${where}, ${d.line}:${d.column}: [${d.code}] ${d.message}; a document the checks refuse is not evaluated`,
    })),
    errorCount: errors.length,
    diagnostics: [],
    clauseDiagnostics: diagnostics,
  };
}

/** `evaluate` (evaluate.ts) of a document whose checks pass; else a failure naming each check error. */
export function evaluate(input: EvaluationInput, records: readonly LedgerRecord[], options: EvaluationOptions): EvaluationReport {
  const c = checked(input);
  return 'ast' in c ? evaluateDocument(c.ast, records, options) : refusal(c.diagnostics, c.where, options);
}

/** `evaluateWithSeries` (evaluate.ts) of a document whose checks pass; else the failure and no series. */
export function evaluateWithSeries(input: EvaluationInput, records: readonly LedgerRecord[], options: EvaluationOptions): { report: EvaluationReport; series: ChartSeries[] } {
  const c = checked(input);
  return 'ast' in c ? evaluateDocumentWithSeries(c.ast, records, options) : { report: refusal(c.diagnostics, c.where, options), series: [] };
}
