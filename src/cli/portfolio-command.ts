/**
 * `clause evaluate --portfolio contracts.json --sales ledger.csv [--obligations-csv out.csv] [--json]`:
 * every contract of a portfolio against one ledger, in one streaming pass over the
 * rows (plus one more for the crossing rows), with the obligations per payee and currency and, for
 * payroll, one line per obligation (payroll-output.ts).
 */
import path from 'node:path';
import { parseLedgerText } from '../ledger/text-readers';
import { PortfolioEvaluation, readWhole, readPortfolio, resolveContracts, type ResolvedContract } from '../portfolio/portfolio';
import { obligationLines } from '../portfolio/payroll';
import { LedgerTranslator, translateLedger, type InputFormat, type LedgerReading } from '../ledger/ledger-reading';
import { EXIT, isFileError, readError, readText, UsageError } from '../node/io';
import { openLedgerSource } from '../node/ledger-source';
import { fileDialect, readLedgerText } from '../node/ledger-dialect-file';
import { readingEvaluation } from '../node/reading-consumer';
import { driveTwoPasses } from '../node/stream-evaluate';
import { humanPortfolio } from './portfolio-report';
import { payrollJson, payrollText, planPayroll, writePayroll, type PayrollOptions } from './payroll-output';

export interface PortfolioOptions {
  sales: string;
  format: InputFormat;
  json?: boolean;
  progress?: boolean;
  /** A seller that matches no ledger row is an error (exit EXIT.unmatchedSeller). */
  strict?: boolean;
  payroll?: PayrollOptions;
  /** How to read an export (column mapping, delimiter, encoding, formats). */
  reading?: LedgerReading;
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
  const payrollPlan = planPayroll(options.payroll ?? {});
  const reading = options.reading ?? {};
  // Contracts differ in what they need: only the date is required of the header; the rest is checked per contract and row.
  const translator = new LedgerTranslator(reading, { required: ['date'], currency: null });
  const contracts = readPortfolioFile(portfolioFile);
  const evaluation = new PortfolioEvaluation(contracts, { strict: options.strict === true, cellFormats: translator.formats });
  const shown = options.sales === '-' ? 'standard input' : `'${options.sales}'`;
  let report;
  if (options.format === 'json') {
    // A JSON array cannot be streamed here: read it whole.
    report = readWhole(evaluation, translateLedger(parseLedgerText(readLedgerText(options.sales, shown, reading.encoding), 'json'), translator));
  } else {
    let source;
    try {
      source = await openLedgerSource(options.sales);
    } catch (e) {
      throw readError(options.sales, e);
    }
    try {
      const dialect = options.format === 'csv' ? fileDialect(source.path, shown, reading.delimiter, reading.encoding) : null;
      if (dialect !== null) translator.delimiterNote(dialect.delimiter, dialect.delimiterGiven);
      await driveTwoPasses(source, options.format, readingEvaluation(evaluation, translator), {
        label: path.basename(options.sales),
        progress: options.progress,
        delimiter: dialect?.delimiter,
        encoding: reading.encoding,
        prefilter: () => !translator.renamesColumns,
        sheet: reading.sheet,
      });
    } catch (e) {
      throw isFileError(e) ? readError(options.sales, e) : e;
    } finally {
      source.dispose();
    }
    report = evaluation.finish();
  }
  if (translator.notes.length > 0) report.ledgerNotes = translator.notes;
  const unassignedIssues = evaluation.unassignedIssues;
  const lines = report.contracts.flatMap((c) => (c.ok && 'obligations' in c.result ? obligationLines(c.id, c.payee, c.result) : []));
  const run = writePayroll(payrollPlan, lines);
  const failedOtherwise = report.failed.length > 0 || report.rows.unreadable > 0;
  const code = report.ok ? EXIT.ok : failedOtherwise ? EXIT.invalid : EXIT.unmatchedSeller;
  if (options.json) {
    const json = {
      ...report,
      ...(unassignedIssues.length > 0 ? { unreadableRows: unassignedIssues.slice(0, 20) } : {}),
      ...(payrollPlan.filtered ? { payroll: payrollJson(payrollPlan, run) } : {}),
    };
    return { code, stdout: `${JSON.stringify(json, null, 2)}\n`, stderr: '' };
  }
  const text = humanPortfolio(report, unassignedIssues.length) + (payrollPlan.filtered ? payrollText(payrollPlan, run) : '');
  return { code, stdout: text, stderr: '' };
}
