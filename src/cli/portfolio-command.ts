/**
 * `clause evaluate --portfolio contracts.json --sales ledger.csv [--obligations-csv out.csv] [--json]`:
 * every contract of a portfolio against one ledger, in one streaming pass over the
 * rows (plus one more for the crossing rows), with a roll-up of obligations per payee and currency.
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LedgerFormat } from '../ledger/rows';
import { parseLedgerText } from '../ledger/text-readers';
import { PortfolioEvaluation, readWhole, readPortfolio, resolveContracts, rollupCsv, type ResolvedContract } from '../portfolio/portfolio';
import { EXIT, isFileError, readError, readText, UsageError } from '../node/io';
import { parseJsonText } from '../json-text';
import { MAX_CLAUSE_BYTES } from '../language/parse';
import { writeOutput } from '../node/write-output';
import { openLedgerSource } from '../node/ledger-source';
import { driveTwoPasses } from '../node/stream-evaluate';
import { humanPortfolio } from './portfolio-report';

export interface PortfolioOptions {
  sales: string;
  format: LedgerFormat;
  json?: boolean;
  obligationsCsv?: string;
  progress?: boolean;
  /** Let the portfolio name clause and schedule files outside its own folder. */
  allowOutsidePaths?: boolean;
  maxLedgerBytes?: number;
}

export interface CommandOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The portfolio and the files it names (returned as the run's inputs, which no output may overwrite).
 * Clause and schedule paths are resolved against the portfolio's folder and must stay inside it (after
 * following links) unless `allowOutside`: a portfolio received from elsewhere must not make the engine read
 * `../../etc/passwd`. A file that is not valid JSON is reported without quoting its content.
 */
function readPortfolioFile(file: string, allowOutside: boolean): { contracts: ResolvedContract[]; inputs: string[] } {
  const text = readText(file);
  const json = parseJsonText(text);
  if (!json.ok) throw new UsageError(`the portfolio '${file}' is ${json.message}.`);
  const read = readPortfolio(json.value);
  if (!read.ok) throw new UsageError(`the portfolio '${file}' is not valid:\n${read.errors.map((e) => `  ${e}`).join('\n')}`);
  const base = path.dirname(file);
  const inputs = [file];
  const contracts = resolveContracts(read.portfolio, (p) => {
    const resolved = confinedPath(base, p, allowOutside);
    inputs.push(resolved);
    // Clause and schedule files alike: a clause over its limit cannot be a valid clause anyway.
    return readText(resolved, MAX_CLAUSE_BYTES);
  });
  return { contracts, inputs };
}

/** `named` resolved against the portfolio's folder `base`; outside it (links followed) a usage error unless allowed. */
export function confinedPath(base: string, named: string, allowOutside: boolean): string {
  const resolved = path.resolve(base, named);
  if (allowOutside) return resolved;
  const inside = (folder: string, p: string): boolean => {
    const relative = path.relative(folder, p);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  };
  let real = resolved;
  let realBase = path.resolve(base);
  try {
    realBase = realpathSync(base);
    real = realpathSync(resolved);
  } catch {
    // A file that does not exist is reported by the reader; its path is still checked as written.
  }
  if (!inside(path.resolve(base), resolved) || !inside(realBase, real)) {
    throw new UsageError(
      `the portfolio names '${named}', which is outside its folder '${base}'; move the file next to the portfolio, or pass --allow-paths-outside-portfolio if the portfolio is trusted.`,
    );
  }
  return resolved;
}

/** A missing output folder is a usage error before the ledger is read, not after. */
function checkOutputFolder(file: string): void {
  const folder = path.dirname(path.resolve(file));
  let ok = false;
  try {
    ok = statSync(folder).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw new UsageError(`Cannot write '${file}': the folder '${path.dirname(file)}' does not exist.`);
}

/** Evaluates a portfolio file against a ledger; usage problems throw UsageError. */
export async function runPortfolio(portfolioFile: string, options: PortfolioOptions): Promise<CommandOutput> {
  if (options.obligationsCsv !== undefined) checkOutputFolder(options.obligationsCsv);
  const { contracts, inputs } = readPortfolioFile(portfolioFile, options.allowOutsidePaths === true);
  const evaluation = new PortfolioEvaluation(contracts);
  let report;
  if (options.format === 'json') {
    // A JSON array cannot be streamed here: read it whole.
    report = readWhole(evaluation, parseLedgerText(readText(options.sales), 'json'));
  } else {
    let source;
    try {
      source = await openLedgerSource(options.sales, process.stdin, options.maxLedgerBytes);
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
  const code = report.ok ? EXIT.ok : EXIT.invalid;
  let notWritten = '';
  if (options.obligationsCsv !== undefined) {
    // A roll-up missing failed contracts would pass for the whole: written only when every contract evaluated.
    if (report.ok) {
      writeOutput(options.obligationsCsv, rollupCsv(report.obligations), {
        inputs: [...inputs.map((p) => ({ what: 'portfolio or one of its files', path: p })), { what: '--sales ledger', path: options.sales }],
      });
    } else notWritten = `${options.obligationsCsv}: not written, because ${report.failed.length === 1 ? 'a contract' : 'contracts'} failed; fix ${report.failed.length === 1 ? 'it' : 'them'} and run again.\n`;
  }
  if (options.json) {
    const json = unassignedIssues.length > 0 ? { ...report, unreadableRows: unassignedIssues.slice(0, 20) } : report;
    return { code, stdout: `${JSON.stringify(json, null, 2)}\n`, stderr: notWritten };
  }
  return { code, stdout: humanPortfolio(report, unassignedIssues.length), stderr: notWritten };
}
