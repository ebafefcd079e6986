/**
 * `clause evaluate --portfolio contracts.json --sales ledger.csv [--obligations-csv out.csv] [--json]`:
 * every contract of a portfolio against one ledger, in one streaming pass over the
 * rows (plus one more for the crossing rows), with the obligations per payee and currency and, for
 * payroll, one line per obligation (payroll-output.ts).
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseLedgerText } from '../ledger/text-readers';
import { portfolioReading, withReading, type PortfolioEvaluation, readWhole, readPortfolio, resolveContracts, type PortfolioReport, type ResolvedContract } from '../portfolio/portfolio';
import { obligationLines } from '../portfolio/payroll';
import { translateLedger, type InputFormat, type LedgerReading, type LedgerTranslator } from '../ledger/ledger-reading';
import { EXIT, isFileError, readError, readText, UsageError } from '../node/io';
import { parseJsonText } from '../json-text';
import { MAX_CLAUSE_BYTES } from '../language/parse';
import { openLedgerSource } from '../node/ledger-source';
import { sharedScratchFiles } from '../node/scratch-file';
import { fileDialect, readLedgerText } from '../node/ledger-dialect-file';
import { readingEvaluation } from '../evaluation/reading-evaluation';
import { driveTwoPasses } from '../node/stream-evaluate';
import { humanPortfolio } from './portfolio-report';
import { checkEngineOptions, checkEngineReading, type EngineOptions } from './engine-options';
import type * as SqlEngineEvaluate from './sql-engine-evaluate';
import { payrollFiles, payrollJson, payrollText, planPayroll, writePayroll, type PayrollOptions } from './payroll-output';

export interface PortfolioOptions {
  /** The ledger file; absent with `--engine postgres` (the ledger is `engine.table`). */
  sales?: string;
  format: InputFormat;
  json?: boolean;
  progress?: boolean;
  /** Let the portfolio name clause and schedule files outside its own folder. */
  allowOutsidePaths?: boolean;
  maxLedgerBytes?: number;
  /** A seller that matches no ledger row is an error (exit EXIT.unmatchedSeller). */
  strict?: boolean;
  payroll?: PayrollOptions;
  /** How to read an export (column mapping, delimiter, encoding, formats). */
  reading?: LedgerReading;
  /** `--engine duckdb|postgres` and its options: every contract evaluated as SQL. */
  engine?: EngineOptions;
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

/** Reads the ledger file in memory into the portfolio's evaluation: streamed in two passes, or whole for JSON. */
async function readPortfolioLedger(evaluation: PortfolioEvaluation, translator: LedgerTranslator, options: PortfolioOptions & { sales: string }): Promise<PortfolioReport> {
  const reading = options.reading ?? {};
  const shown = options.sales === '-' ? 'standard input' : `'${options.sales}'`;
  if (options.format === 'json') {
    // A JSON array cannot be streamed here: read it whole.
    return readWhole(evaluation, translateLedger(parseLedgerText(readLedgerText(options.sales, shown, reading.encoding), 'json'), translator));
  }
  let source;
  try {
    source = await openLedgerSource(options.sales, process.stdin, options.maxLedgerBytes);
  } catch (e) {
    throw readError(options.sales, e);
  }
  try {
    const dialect = options.format === 'csv' ? fileDialect(source.path, shown, reading.delimiter, reading.encoding) : null;
    if (dialect !== null) translator.delimiterNote(dialect.delimiter, dialect.delimiterGiven);
    const read = await driveTwoPasses(source, options.format, readingEvaluation(evaluation, translator), {
      label: path.basename(options.sales),
      progress: options.progress,
      delimiter: dialect?.delimiter,
      encoding: reading.encoding,
      prefilter: () => !translator.renamesColumns,
      sheet: reading.sheet,
      hiddenRows: reading.hiddenRows,
      onWorkbook: (facts) => translator.workbook(facts),
    });
    if (read.xlsx !== undefined) translator.hiddenRows(read.xlsx.hidden);
  } catch (e) {
    throw isFileError(e) ? readError(options.sales, e) : e;
  } finally {
    source.dispose();
  }
  return evaluation.finish();
}

/** Evaluates a portfolio file against a ledger; usage problems throw UsageError. */
export async function runPortfolio(portfolioFile: string, options: PortfolioOptions): Promise<CommandOutput> {
  const payrollPlan = planPayroll(options.payroll ?? {});
  for (const file of payrollFiles(options.payroll)) checkOutputFolder(file);
  const reading = options.reading ?? {};
  const { contracts, inputs } = readPortfolioFile(portfolioFile, options.allowOutsidePaths === true);
  const engine = checkEngineOptions(options.engine ?? {});
  let report: PortfolioReport;
  if (engine !== 'memory') {
    checkEngineReading(reading);
    // Loaded only here: the database drivers are optional dependencies of the command line.
    const { evaluatePortfolioWithSqlEngine } = require('./sql-engine-evaluate') as typeof SqlEngineEvaluate;
    report = await evaluatePortfolioWithSqlEngine(contracts, { ...options.engine, sales: options.sales, strict: options.strict });
  } else {
    const sales = options.sales as string;
    const { evaluation, translator } = portfolioReading(contracts, reading, { strict: options.strict === true, scratchFiles: sharedScratchFiles() });
    report = withReading(await readPortfolioLedger(evaluation, translator, { ...options, sales }), translator, evaluation);
  }
  const lines = report.contracts.flatMap((c) => (c.ok && 'obligations' in c.result ? obligationLines(c.id, c.payee, c.result) : []));
  const failedOtherwise = report.failed.length > 0 || report.rows.unreadable > 0;
  const code = report.ok ? EXIT.ok : failedOtherwise ? EXIT.invalid : EXIT.unmatchedSeller;
  // Payroll files missing failed contracts would pass for the whole: written only when every contract evaluated.
  const { run, notWritten } = writePayroll(payrollPlan, lines, {
    complete: !failedOtherwise,
    why: `${report.failed.length === 1 ? 'a contract' : 'contracts'} failed or rows were unreadable; fix them and run again`,
    inputs: [...inputs.map((p) => ({ what: 'portfolio or one of its files', path: p })), ...(options.sales === undefined ? [] : [{ what: '--sales ledger', path: options.sales }])],
  });
  if (options.json) {
    const json = {
      ...report,
      ...(payrollPlan.filtered ? { payroll: payrollJson(payrollPlan, run) } : {}),
    };
    return { code, stdout: `${JSON.stringify(json, null, 2)}\n`, stderr: notWritten };
  }
  const text = humanPortfolio(report, report.unreadableRows?.length ?? 0) + (payrollPlan.filtered ? payrollText(payrollPlan, run) : '');
  return { code, stdout: text, stderr: notWritten };
}
