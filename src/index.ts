/**
 * clause-engine's library entry. Everything here runs in a browser as well as in Node: file and
 * stream handling lives in src/node/ only.
 */
export * from './language/ast';
export * from './diagnostics';
export { parse, MAX_CLAUSE_CHARS, type ParseResult } from './language/parse';
export { validate, check, type ValidationResult, type CheckOptions } from './language/check';
export { LEDGER_HOLDS, type LedgerHolds } from './language/ledger-holds';
export * from './language/describe';
export { formatMoney, minorUnits, roundMoney, isCurrencyCode, CURRENCY_SYMBOLS } from './values/money';
export { format, termsOf, formatAmount, canonicalDecimal, FormatError } from './language/format';
export { draftTerms, checkTerms, type DraftResult, type TermsProblem } from './language/draft';
// The library evaluates only a document whose checks pass, and reads the ledger through the command line's ledger
// checks (checked-evaluate.ts); the CLI validates before it evaluates.
export { evaluate, evaluateWithSeries, startEvaluation, type EvaluationInput, type LedgerEvaluationOptions, type LedgerInput } from './evaluation/checked-evaluate';
export type { LedgerReading } from './ledger/ledger-reading';
export type { Delimiter } from './ledger/ledger-dialect';
export {
  evaluationFinding,
  runningTotals,
  MAX_REPORTED_ERRORS,
  type ChartSeries,
  type SecondPassNeeds,
  type TwoPassEvaluation,
  type EvaluationOptions,
  type EvaluationReport,
  type EvaluationSuccess,
  type EvaluationFailure,
  type EvaluationDiagnostic,
  type EvaluationCode,
  type MilestoneResult,
  type Obligation,
  type ObligationBasis,
  type RowCounts,
  type Status,
  type IgnoreReason,
  type ExplainRow,
} from './evaluation/evaluate';
export { parseLedgerText, parseCsvLedger, parseJsonLedger, parseNdjsonLedger } from './ledger/text-readers';
export { RowNormalizer } from './ledger/normalize';
export { rowFinding } from './ledger/rows';
export type { LedgerRecord, LedgerRow, LedgerFormat, LedgerColumn, ParsedLedger, RowIssue, RowIssueCode } from './ledger/rows';
export { parseSchedule, readSchedule, type ScheduleResult } from './evaluation/schedule-reader';
export type { Schedule } from './evaluation/schedule';
export {
  evaluatePortfolio,
  startPortfolioEvaluation,
  PortfolioEvaluation,
  readPortfolio,
  resolveContracts,
  rollup,
  rollupCsv,
  type PortfolioInput,
  type PortfolioContractInput,
  type PortfolioReadResult,
  type ResolvedContract,
  type ContractReport,
  type ContractResult,
  type RollupLine,
  type PortfolioReport,
  type PortfolioOptions,
} from './portfolio/portfolio';
export {
  obligationLines,
  obligationId,
  obligationsCsv,
  payroll,
  payPeriodOfMonth,
  readPaid,
  OBLIGATION_COLUMNS,
  type ObligationLine,
  type PayPeriod,
  type PayrollRun,
  type PaidAmounts,
} from './portfolio/payroll';
export { CellFormats } from './ledger/cell-formats';
// The SQL compiler (browser-safe: it writes queries; src/node runs them on DuckDB or PostgreSQL).
export { planEvaluation, checkSupported, type SqlPlan, type SqlPlanOptions } from './sql/plan';
export { compileEvaluation, type CompiledQuery, type LedgerTableSpec, type LedgerSource, type DateColumnType } from './sql/compile';
export { reportFromRows, normalizeResultRow, type SqlResultRow } from './sql/report';
export { compileCellChecks, classifyCell } from './sql/cell-checks';
export { tableSpec, type DescribedColumn } from './sql/table-spec';
export { DIALECTS, dialectNamed } from './sql/dialects';
export type { SqlDialect } from './sql/dialect';
export { quoteIdentifier } from './sql/identifier';
export { SqlUnsupportedError } from './sql/unsupported';
