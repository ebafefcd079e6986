/**
 * The library's evaluation: of a document whose checks pass, and of no other. The evaluator itself (evaluate.ts) trusts
 * its AST, as the CLI hands it only what `validate` accepted; a library caller may hand it anything, and what the
 * evaluator makes of a document the checks refuse (a per-product carry-forward, a cap on another amount) is a silent
 * misreading. So the library's `evaluate` takes what `validate` returned and refuses it when it holds an error; given a
 * bare AST, it checks the AST's canonical text (`format`: the checks point ranges into a text, and an AST from `parse`
 * of some other text carries that text's ranges), and refuses an AST with errors there, or with no text at all.
 * `startEvaluation`, the streaming entry, refuses the same documents the same way.
 *
 * The library reads the ledger as the command line does: the records go through the document's ledger translator
 * (document-translator.ts), which maps an export's header, reads its formats as `reading` says, and checks each row
 * for what is no sale (a Total row, a repeated header, a Failed payment, Closed Lost) and the ledger for what would
 * misread every row (amounts in cents, a '.' grouping thousands, dates in a day-month order not given), with the
 * command line's codes, rows and columns; how it read them is stated in the report's notes.
 */
import type { DocumentNode } from '../language/ast';
import { validate, type ValidationResult } from '../language/check';
import { format, FormatError } from '../language/format';
import { hasErrors, type Diagnostic } from '../diagnostics';
import type { LedgerRecord, ParsedLedger, RowIssue } from '../ledger/rows';
import { readingWith, translateLedger, type LedgerReading, type LedgerTranslator } from '../ledger/ledger-reading';
import { csvSplitOf } from '../ledger/text-readers';
import { documentTranslator } from './document-translator';
import { evaluate as evaluateDocument, evaluateWithSeries as evaluateDocumentWithSeries, startEvaluation as startDocumentEvaluation } from './evaluate';
import type { ChartSeries } from './metrics';
import { qualifyReport } from './qualified-report';
import { readingEvaluation } from './reading-evaluation';
import type { EvaluationFailure, EvaluationOptions, EvaluationReport } from './report';
import type { TwoPassEvaluation } from './two-pass';

/** What the library evaluates: `validate`'s result, or an AST (checked on its canonical text). */
export type EvaluationInput = ValidationResult | DocumentNode;

/** The library's evaluation options: the evaluator's, and how to read the ledger. */
export interface LedgerEvaluationOptions extends EvaluationOptions {
  /**
   * How to read an export, as the command line's ledger options say it (`columns`, `delimiter`, `dateFormat`,
   * `decimalComma`, `amountUnit`; `encoding` and `sheet` concern files, which the library does not read).
   */
  reading?: LedgerReading;
}

/** The ledger as read: records (with `readIssues` in the options), or `parseLedgerText`'s whole result. */
export type LedgerInput = readonly LedgerRecord[] | (ParsedLedger & { header?: string[] });

/** The document's translator, told the delimiter the records were split on (given, or found by the reader). */
function translatorFor(ast: DocumentNode, options: LedgerEvaluationOptions, records: readonly LedgerRecord[] | null): LedgerTranslator {
  const reading = readingWith(options.reading, options.cellFormats);
  const translator = documentTranslator(ast, reading, options.ledgerCurrency);
  const split = reading.delimiter !== undefined ? { delimiter: reading.delimiter, given: true } : records === null ? undefined : csvSplitOf(records);
  if (split !== undefined) translator.delimiterNote(split.delimiter, split.given);
  return translator;
}

/** The records and issues the evaluator gets, read through the translator; after the ledger's one error, that error alone. */
function translated(ledger: LedgerInput, translator: LedgerTranslator, options: EvaluationOptions): { records: readonly LedgerRecord[]; readIssues: RowIssue[] } {
  const parsed = isRecords(ledger) ? { records: ledger as LedgerRecord[], issues: [] } : ledger;
  const read = translateLedger(parsed, translator);
  if (translator.fatal !== null) return { records: [], readIssues: read.issues };
  return { records: read.records, readIssues: [...(options.readIssues ?? []), ...read.issues] };
}

function isRecords(ledger: LedgerInput): ledger is readonly LedgerRecord[] {
  return Array.isArray(ledger);
}

/**
 * How the export was read, and a zone written as an abbreviation, qualify the result as the command line's
 * (qualified-report.ts); so do the clause's own warnings (two plausible readings, a placeholder), which the report
 * carries as `clauseDiagnostics`, as the command line's --json does: a caller who passed an AST has seen none of them.
 */
function withReadingNotes(report: EvaluationReport, translator: LedgerTranslator, options: EvaluationOptions, warnings: Diagnostic[]): EvaluationReport {
  qualifyReport(report, translator.notes, options.timeZone ?? 'UTC');
  report.clauseDiagnostics = warnings;
  return report;
}

/** The AST to evaluate, or the refusal: the check diagnostics (errors first among them) in `validate`'s shape. */
function checked(input: EvaluationInput, options: EvaluationOptions): { ast: DocumentNode; warnings: Diagnostic[] } | { diagnostics: Diagnostic[]; where: string } {
  if ('valid' in input) {
    if (input.ast !== null && !hasErrors(input.diagnostics)) return { ast: input.ast, warnings: input.diagnostics };
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
  // What the ledger holds changes the checks (Bookings are measured only from a ledger of bookings), as in `validate`.
  const result = validate(text, { ledgerHolds: options.ledgerHolds });
  if (result.ast !== null && !hasErrors(result.diagnostics)) return { ast: input, warnings: result.diagnostics };
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

/** `evaluate` (evaluate.ts) of a document whose checks pass, the ledger read as the command line reads it; else a failure naming each check error. */
export function evaluate(input: EvaluationInput, ledger: LedgerInput, options: LedgerEvaluationOptions): EvaluationReport {
  const c = checked(input, options);
  if (!('ast' in c)) return refusal(c.diagnostics, c.where, options);
  const translator = translatorFor(c.ast, options, isRecords(ledger) ? ledger : ledger.records);
  const { records, readIssues } = translated(ledger, translator, options);
  return withReadingNotes(evaluateDocument(c.ast, records, { ...options, readIssues, cellFormats: translator.formats }), translator, options, c.warnings);
}

/** `evaluateWithSeries` (evaluate.ts) of a document whose checks pass, the ledger read as `evaluate` reads it; else the failure and no series. */
export function evaluateWithSeries(input: EvaluationInput, ledger: LedgerInput, options: LedgerEvaluationOptions): { report: EvaluationReport; series: ChartSeries[] } {
  const c = checked(input, options);
  if (!('ast' in c)) return { report: refusal(c.diagnostics, c.where, options), series: [] };
  const translator = translatorFor(c.ast, options, isRecords(ledger) ? ledger : ledger.records);
  const { records, readIssues } = translated(ledger, translator, options);
  const { report, series } = evaluateDocumentWithSeries(c.ast, records, { ...options, readIssues, cellFormats: translator.formats });
  return { report: withReadingNotes(report, translator, options, c.warnings), series: report.ok ? series : [] };
}

/**
 * `startEvaluation` (evaluate.ts), the streaming entry, of a document whose checks pass: the rows fed to it are read
 * through the document's translator as `evaluate` reads them (cells split on `reading.delimiter`, a comma when not
 * given). A document the checks refuse gives an evaluation that reads nothing and finishes with `evaluate`'s refusal.
 */
export function startEvaluation(input: EvaluationInput, options: LedgerEvaluationOptions): TwoPassEvaluation<EvaluationReport> {
  const c = checked(input, options);
  if (!('ast' in c)) return refusedEvaluation(refusal(c.diagnostics, c.where, options));
  const translator = translatorFor(c.ast, options, null);
  const read = readingEvaluation(startDocumentEvaluation(c.ast, { ...options, cellFormats: translator.formats }), translator);
  let report: EvaluationReport | null = null;
  return { ...read, finish: () => (report ??= withReadingNotes(read.finish(), translator, options, c.warnings)) };
}

/** An evaluation of a refused document: rows are not read, and `finish` gives the refusal. */
function refusedEvaluation(report: EvaluationFailure): TwoPassEvaluation<EvaluationReport> {
  return {
    rowDays: false,
    readIssue: () => undefined,
    header: () => undefined,
    cells: () => Number.NaN,
    record: () => Number.NaN,
    endPass1: () => null,
    crossingCells: () => undefined,
    crossingRecord: () => undefined,
    finish: () => report,
  };
}
