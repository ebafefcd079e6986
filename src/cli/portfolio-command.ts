/**
 * `clause evaluate --portfolio contracts.json --sales ledger.csv [--obligations-csv out.csv] [--json]`:
 * every contract of a portfolio against one ledger, in one streaming pass over the
 * rows (plus one more for the crossing rows), with a roll-up of obligations per payee and currency.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LedgerFormat } from '../ledger/rows';
import { parseLedgerText } from '../ledger/text-readers';
import { PortfolioEvaluation, readWhole, readPortfolio, resolveContracts, rollupCsv, type ResolvedContract } from '../portfolio/portfolio';
import { EXIT, isFileError, readError, readText, UsageError } from '../node/io';
import { openLedgerSource } from '../node/ledger-source';
import { driveTwoPasses } from '../node/stream-evaluate';
import { humanPortfolio } from './portfolio-report';

export interface PortfolioOptions {
  sales: string;
  format: LedgerFormat;
  json?: boolean;
  obligationsCsv?: string;
  progress?: boolean;
}

export interface CommandOutput {
  code: number;
  stdout: string;
  stderr: string;
}

function readPortfolioFile(file: string): ResolvedContract[] {
  const text = readText(file);
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new UsageError(`the portfolio ${file} is not valid JSON: ${(e as Error).message}`);
  }
  const read = readPortfolio(data);
  if (!read.ok) throw new UsageError(`the portfolio ${file} is not valid:\n${read.errors.map((e) => `  ${e}`).join('\n')}`);
  const base = path.dirname(file);
  const contracts = resolveContracts(read.portfolio, (p) => readText(path.isAbsolute(p) ? p : path.join(base, p)));
  return contracts;
}

/** Evaluates a portfolio file against a ledger; usage problems throw UsageError. */
export async function runPortfolio(portfolioFile: string, options: PortfolioOptions): Promise<CommandOutput> {
  const contracts = readPortfolioFile(portfolioFile);
  const evaluation = new PortfolioEvaluation(contracts);
  let report;
  if (options.format === 'json') {
    // A JSON array cannot be streamed here: read it whole.
    report = readWhole(evaluation, parseLedgerText(readText(options.sales), 'json'));
  } else {
    let source;
    try {
      source = await openLedgerSource(options.sales);
    } catch (e) {
      throw readError(options.sales, e);
    }
    try {
      await driveTwoPasses(
        source,
        options.format,
        evaluation,
        { label: path.basename(options.sales), progress: options.progress },
      );
    } catch (e) {
      throw isFileError(e) ? readError(options.sales, e) : e;
    } finally {
      source.dispose();
    }
    report = evaluation.finish();
  }
  const unassignedIssues = evaluation.unassignedIssues;
  if (options.obligationsCsv !== undefined) writeFileSync(options.obligationsCsv, rollupCsv(report.obligations));
  const code = report.ok ? EXIT.ok : EXIT.invalid;
  if (options.json) {
    const json = unassignedIssues.length > 0 ? { ...report, unreadableRows: unassignedIssues.slice(0, 20) } : report;
    return { code, stdout: `${JSON.stringify(json, null, 2)}\n`, stderr: '' };
  }
  return { code, stdout: humanPortfolio(report, unassignedIssues.length), stderr: '' };
}
