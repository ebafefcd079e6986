/**
 * The example portfolio (examples/portfolio/) and the two ways tests evaluate it: as a portfolio, and each
 * contract on its own over its sellers' rows, which the portfolio's per-contract results must equal.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validate } from '../../src/language/check';
import { startEvaluation } from '../../src/evaluation/evaluate';
import { runInMemory } from '../../src/evaluation/two-pass';
import type { LedgerRecord } from '../../src/ledger/rows';
import { PortfolioEvaluation, readPortfolio, resolveContracts, type PortfolioInput, type PortfolioReport, type ResolvedContract } from '../../src/portfolio/portfolio';

export const DIR = path.join(__dirname, '..', '..', 'examples', 'portfolio');
export const read = (p: string): string => readFileSync(path.join(DIR, p), 'utf8');

export function examplePortfolio(): { input: PortfolioInput; contracts: ResolvedContract[] } {
  const result = readPortfolio(JSON.parse(read('contracts.json')));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return { input: result.portfolio, contracts: resolveContracts(result.portfolio, read) };
}

export function runPortfolio(contracts: ResolvedContract[], records: readonly LedgerRecord[]): PortfolioReport {
  return runInMemory(new PortfolioEvaluation(contracts), records);
}

/** The contract evaluated on its own: only its sellers' rows, with their row numbers in the ledger. */
export function separately(contract: ResolvedContract, records: readonly LedgerRecord[]): unknown {
  const checked = validate(contract.clauseText);
  if (!checked.ast) throw new Error('example clause does not parse');
  const evaluation = startEvaluation(checked.ast, {
    effectiveDate: contract.effectiveDate,
    timeZone: contract.timeZone,
    asOf: contract.asOf,
    schedule: contract.schedule,
  });
  const mine = new Set(contract.sellers.map((s) => s.toLowerCase()));
  const rows = records.map((r, i) => ({ r, row: i + 1 })).filter(({ r }) => mine.has(String(r.seller ?? '').trim().toLowerCase()));
  for (const { r, row } of rows) evaluation.record(r, row);
  evaluation.endPass1();
  for (const { r, row } of rows) evaluation.crossingRecord(r, row);
  return { ...evaluation.finish(), clauseDiagnostics: checked.diagnostics };
}
