/**
 * A portfolio evaluated over records held in memory: the library's counterpart of
 * `clause evaluate --portfolio` (which streams files). Browser-safe: clause and schedule files
 * named in the portfolio are read through the caller's `readFile`.
 */
import type { LedgerRecord, RowIssue } from '../ledger/rows';
import type { CellFormats } from '../ledger/cell-formats';
import { PortfolioEvaluation, readPortfolio, resolveContracts, type PortfolioInput, type PortfolioReport, type ResolvedContract } from './portfolio';

export interface EvaluatePortfolioOptions {
  /** Reads a clause or schedule file a contract names (paths as written). Needed only when some contract names one. */
  readFile?: (path: string) => string;
  /** Problems found while reading the ledger text (`parseLedgerText(...).issues`). */
  readIssues?: readonly RowIssue[];
  /** A contract seller that matches no row is an error (`ok: false`), not a warning. */
  strict?: boolean;
  /** How the ledger writes dates and amounts (`CellFormats.of({ dateFormat, decimalComma })`). */
  cellFormats?: CellFormats | null;
}

export type PortfolioResult = { ok: true; report: PortfolioReport } | { ok: false; errors: string[] };

/**
 * Evaluates every contract of a portfolio (the parsed JSON of a portfolio file, checked against
 * schemas/portfolio.schema.json, or contracts already resolved) against one ledger's records.
 */
export function evaluatePortfolio(portfolio: unknown, records: readonly LedgerRecord[], options: EvaluatePortfolioOptions = {}): PortfolioResult {
  let contracts: ResolvedContract[];
  if (Array.isArray(portfolio)) {
    contracts = portfolio as ResolvedContract[];
  } else {
    const read = readPortfolio(portfolio);
    if (!read.ok) return { ok: false, errors: read.errors };
    const readFile =
      options.readFile ??
      ((p: string): string => {
        throw new Error(`the portfolio names the file '${p}': pass readFile to read it`);
      });
    try {
      contracts = resolveContracts(read.portfolio as PortfolioInput, readFile);
    } catch (e) {
      return { ok: false, errors: [(e as Error).message] };
    }
  }
  const evaluation = new PortfolioEvaluation(contracts, { strict: options.strict, cellFormats: options.cellFormats });
  feedRecords(evaluation, records, options.readIssues ?? []);
  return { ok: true, report: evaluation.finish() };
}

/** Both passes over records in memory, each row's read problems just before it. */
export function feedRecords(evaluation: PortfolioEvaluation, records: readonly LedgerRecord[], readIssues: readonly RowIssue[]): void {
  const issues = new Map<number, RowIssue[]>();
  for (const issue of readIssues) issues.set(issue.row, [...(issues.get(issue.row) ?? []), issue]);
  for (const issue of issues.get(0) ?? []) evaluation.addReadIssue(issue);
  records.forEach((record, i) => {
    for (const issue of issues.get(i + 1) ?? []) evaluation.addReadIssue(issue);
    evaluation.addRecord(record, i + 1);
  });
  if (evaluation.needsCrossingPass()) records.forEach((record, i) => evaluation.addCrossingRecord(record, i + 1));
}
