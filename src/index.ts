/**
 * clause-engine's library entry. Everything here runs in a browser as well as in Node: file and
 * stream handling lives in src/node/ only.
 */
export * from './language/ast';
export * from './diagnostics';
export { parse, MAX_CLAUSE_CHARS, type ParseResult } from './language/parse';
export { validate, check, type ValidationResult } from './language/check';
export * from './language/describe';
export { formatMoney, minorUnits, roundMoney, isCurrencyCode, CURRENCY_SYMBOLS } from './values/money';
export { format, termsOf, formatAmount, canonicalDecimal, FormatError } from './language/format';
export { draftTerms, checkTerms, type DraftResult, type TermsProblem } from './language/draft';
export {
  evaluate,
  createEvaluation,
  Evaluation,
  MAX_REPORTED_ERRORS,
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
export type { LedgerRecord, LedgerRow, LedgerFormat, LedgerColumn, ParsedLedger, RowIssue, RowIssueCode } from './ledger/rows';
export { parseSchedule, readSchedule, type ScheduleResult } from './evaluation/schedule-reader';
export type { Schedule } from './evaluation/schedule';
export { evaluatePortfolio, type EvaluatePortfolioOptions, type PortfolioResult } from './portfolio/evaluate-portfolio';
export {
  readPortfolio,
  resolveContracts,
  rollupCsv,
  type PortfolioInput,
  type PortfolioContractInput,
  type ResolvedContract,
  type PortfolioReport,
  type ContractReport,
  type RollupLine,
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
