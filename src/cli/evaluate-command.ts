/**
 * `clause evaluate`: a clause file and a sales ledger → milestone statuses and obligations.
 * File reading lives here (and in io.ts) so that the evaluator itself stays browser-safe.
 */
import { validateClauseFile } from './clause-input';
import { forTerminal } from '../node/terminal-text';
import type { Command } from 'commander';
import { evaluate, startEvaluation, type EvaluationOptions, type EvaluationReport } from '../evaluation/evaluate';
import { parseCsvLedger, parseLedgerText } from '../ledger/text-readers';
import { addLedgerOptions, ledgerReading, type LedgerOptions } from './ledger-options';
import { translateLedger, type InputFormat, type LedgerReading, type LedgerTranslator } from '../ledger/ledger-reading';
import { detectDelimiter, firstLine } from '../ledger/ledger-dialect';
import { fileDialect, readLedgerText } from '../node/ledger-dialect-file';
import { documentTranslator } from '../evaluation/document-translator';
import { readingEvaluation } from '../evaluation/reading-evaluation';
import { resolveContext } from '../time/periods';
import type { Schedule } from '../evaluation/schedule';
import type * as ScheduleReader from '../evaluation/schedule-reader';
import { renderEvaluation, renderFailure } from './evaluation-report';
import { EXIT, isFileError, readError, readText as readFileText, UsageError } from '../node/io';
import path from 'node:path';
import type { DocumentNode } from '../language/ast';
import { MAX_LEDGER_BYTES, openLedgerSource, type LedgerSource } from '../node/ledger-source';
import type * as PortfolioCommand from './portfolio-command';
import type * as SqlEngineEvaluate from './sql-engine-evaluate';
import { checkEngineOptions, checkEngineReading } from './engine-options';
import { driveTwoPasses } from '../node/stream-evaluate';
import { openScratchFile } from '../node/scratch-file';
import { formatDiagnostic } from './diagnostic-report';
import type * as PayrollOutput from './payroll-output';
import type { PayrollOptions } from './payroll-output';
import type * as Payroll from '../portfolio/payroll';
import { qualifyReport } from '../evaluation/qualified-report';
import { isCurrencyCode } from '../values/money';
import { isLedgerHolds, LEDGER_HOLDS, type LedgerHolds } from '../language/ledger-holds';

export interface EvaluateOptions {
  sales?: string;
  effectiveDate?: string;
  timeZone?: string;
  asOf?: string;
  /** When the fiscal year starts, MM-DD, for fiscal periods whose text does not say. */
  fiscalYearStart?: string;
  /** --ledger-holds: what the ledger's rows are, `sales` (default) or `bookings`. */
  ledgerHolds?: string;
  /** --ledger-currency: the currency of the ledger's amounts, for a clause that names none. */
  ledgerCurrency?: string;
  schedule?: string;
  format?: string;
  json?: boolean;
  explain?: boolean;
  /** Names the contract in obligation ids (default: the clause file's name without extension). */
  contract?: string;
  payee?: string;
  /** `memory` (default), `duckdb` (the --sales file read by embedded DuckDB) or `postgres` (--table on --database-url). */
  engine?: string;
  databaseUrl?: string;
  table?: string;
  orderBy?: string;
  /** --max-ledger-bytes, as given. */
  maxLedgerBytes?: string;
}

/** --ledger-holds as given: one of LEDGER_HOLDS, or a usage error naming them. */
function ledgerHoldsOption(given: string | undefined): LedgerHolds | undefined {
  if (given === undefined || isLedgerHolds(given)) return given;
  throw new UsageError(`--ledger-holds must be ${LEDGER_HOLDS.map((h) => `'${h}'`).join(', ')} (got '${given}').`);
}

/** --ledger-currency as given: an ISO 4217 code, or a usage error. */
function ledgerCurrencyOption(given: string | undefined): string | undefined {
  if (given === undefined || isCurrencyCode(given)) return given;
  throw new UsageError(`--ledger-currency must be an ISO 4217 currency code such as USD or EUR (got '${given}').`);
}

/** The streamed-ledger byte limit: --max-ledger-bytes (a whole number of bytes) or the default. */
export function maxLedgerBytes(given: string | undefined): number {
  if (given === undefined) return MAX_LEDGER_BYTES;
  if (!/^[1-9]\d{0,15}$/.test(given)) throw new UsageError(`--max-ledger-bytes must be a whole number of bytes, such as 1000000000 (got '${given}').`);
  return Number(given);
}

export interface CommandOutput {
  code: number;
  stdout: string;
  stderr: string;
}

const FORMATS: readonly InputFormat[] = ['csv', 'json', 'ndjson', 'xlsx'];

function ledgerFormat(path: string, format: string | undefined): InputFormat {
  if (format !== undefined) {
    const lower = format.toLowerCase();
    if ((FORMATS as readonly string[]).includes(lower)) return lower as InputFormat;
    throw new UsageError(`--format must be csv, json, ndjson or xlsx, not '${format}'.`);
  }
  if (path === '-') throw new UsageError('reading the ledger from standard input needs --format csv|json|ndjson.');
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  if (ext === 'csv') return 'csv';
  if (ext === 'json') return 'json';
  if (ext === 'ndjson' || ext === 'jsonl') return 'ndjson';
  if (ext === 'xlsx') return 'xlsx';
  throw new UsageError(`cannot tell the format of '${path}' from its extension: name it .csv, .json, .ndjson or .xlsx, or pass --format.`);
}

type Prepared =
  | { done: CommandOutput }
  | {
      done: null;
      ast: DocumentNode;
      format: InputFormat;
      evaluation: EvaluationOptions;
      reading: LedgerReading;
      /** A translator for this clause's required columns and currency (one per read of the ledger). */
      translator(): LedgerTranslator;
      present(report: EvaluationReport, translator: LedgerTranslator): CommandOutput;
    };

/** Everything before the ledger is read: usage checks, the clause, the schedule. */
function prepare(clauseFile: string, options: EvaluateOptions & PayrollOptions & LedgerOptions, readText: (path: string, maxBytes?: number) => string): Prepared {
  const engine = checkEngineOptions(options);
  if (options.sales === undefined && engine !== 'postgres') {
    throw new UsageError("missing --sales <ledger>: the sales ledger to evaluate (a .csv, .json or .ndjson file, or '-').");
  }
  if (options.effectiveDate === undefined) throw new UsageError('missing --effective-date <YYYY-MM-DD>: the contract\'s effective date.');
  const context = resolveContext({ effectiveDate: options.effectiveDate, timeZone: options.timeZone, asOf: options.asOf });
  if (!context.ok) throw new UsageError(`${context.message}.`);
  const format = engine === 'memory' ? ledgerFormat(options.sales as string, options.format) : 'csv';
  if (clauseFile === '-' && options.sales === '-') throw new UsageError('the clause and the ledger cannot both come from standard input.');
  // The payroll modules (and the portfolio's ajv they reach) load only when a payroll option is given.
  const wantsPayroll =
    options.obligationsCsv !== undefined || options.rollupCsv !== undefined || options.since !== undefined || options.payPeriod !== undefined || (options.paid?.length ?? 0) > 0;
  const payrollOutput = wantsPayroll ? (require('./payroll-output') as typeof PayrollOutput) : null;
  const payrollPlan = payrollOutput?.planPayroll(options) ?? null;
  const reading = ledgerReading(options);
  const contract = options.contract ?? (clauseFile === '-' ? 'stdin' : path.basename(clauseFile).replace(/\.[^.]*$/, ''));

  const ledgerHolds = ledgerHoldsOption(options.ledgerHolds);
  const ledgerCurrency = ledgerCurrencyOption(options.ledgerCurrency);
  const { text: clauseText, result: checked } = validateClauseFile(clauseFile, readText, { ledgerHolds });
  const shown = clauseFile === '-' ? '<stdin>' : clauseFile;
  if (!checked.valid || !checked.ast) {
    const stdout = options.json
      ? `${JSON.stringify({ ok: false, valid: false, diagnostics: checked.diagnostics }, null, 2)}\n`
      : `${checked.diagnostics.map((d) => formatDiagnostic(d, clauseText, shown)).join('\n\n')}\n\nThe clause is not valid; nothing was evaluated.\n`;
    return { done: { code: EXIT.invalid, stdout, stderr: '' } };
  }

  let schedule: Schedule | null = null;
  if (options.schedule !== undefined) {
    // Loaded only here: every evaluation without a schedule would otherwise pay for loading ajv.
    const { parseSchedule } = require('../evaluation/schedule-reader') as typeof ScheduleReader;
    const result = parseSchedule(readText(options.schedule));
    if (!result.ok) {
      const message = `The schedule ${options.schedule} is not valid:\n${result.errors.map((e) => `  ${e}`).join('\n')}\n`;
      return {
        done: options.json
          ? { code: EXIT.invalid, stdout: `${JSON.stringify({ ok: false, scheduleErrors: result.errors }, null, 2)}\n`, stderr: '' }
          : { code: EXIT.invalid, stdout: '', stderr: message },
      };
    }
    schedule = result.schedule;
  }

  const checkedAst = checked.ast;
  const present = (report: EvaluationReport, translator: LedgerTranslator): CommandOutput => {
    qualifyReport(report, translator.notes, context.context.zone);
    // The clause's own warnings (placeholders, ordering) belong with the result: they qualify it.
    const clauseWarnings = checked.diagnostics;
    const payroll = payrollOutput !== null && payrollPlan !== null ? (require('../portfolio/payroll') as typeof Payroll) : null;
    const inputs = [
      { what: 'clause file', path: clauseFile },
      ...(options.sales !== undefined ? [{ what: '--sales ledger', path: options.sales }] : []),
      ...(options.schedule !== undefined ? [{ what: '--schedule file', path: options.schedule }] : []),
      ...(options.paid ?? []).map((p) => ({ what: '--paid file', path: p })),
    ];
    const written =
      payroll !== null && payrollOutput !== null && payrollPlan !== null
        ? payrollOutput.writePayroll(payrollPlan, report.ok ? payroll.obligationLines(contract, options.payee ?? contract, report) : [], {
            complete: report.ok,
            why: 'the evaluation failed',
            inputs,
          })
        : null;
    const run = report.ok ? (written?.run ?? null) : null;
    const notWritten = written?.notWritten ?? '';
    if (options.json) {
      const json = { ...report, clauseDiagnostics: clauseWarnings, ...(run !== null && payrollPlan !== null && payrollPlan.filtered ? { payroll: payrollOutput?.payrollJson(payrollPlan, run) } : {}) };
      // Row numbers are positions in the file: shown with --explain, left out otherwise so that the
      // same sales in any order give the same JSON, byte for byte.
      const text = options.explain ? JSON.stringify(json, null, 2) : JSON.stringify(json, withoutPositions, 2);
      return { code: report.ok ? EXIT.ok : EXIT.invalid, stdout: `${text}\n`, stderr: notWritten };
    }
    if (!report.ok) return { code: EXIT.invalid, stdout: '', stderr: renderFailure(report) + notWritten };
    let stdout = renderEvaluation(report, { explain: options.explain === true, clauseFile: shown });
    if (run !== null && payrollPlan?.filtered) stdout += payrollOutput?.payrollText(payrollPlan, run) ?? '';
    if (clauseWarnings.length > 0) {
      stdout += `\nThe clause itself:\n${clauseWarnings.map((d) => formatDiagnostic(d, clauseText, shown)).join('\n\n')}\n`;
    }
    return { code: EXIT.ok, stdout, stderr: '' };
  };
  return {
    done: null,
    ast: checked.ast,
    format,
    evaluation: { effectiveDate: options.effectiveDate, timeZone: context.context.zone, asOf: options.asOf, fiscalYearStart: options.fiscalYearStart, ledgerHolds, ledgerCurrency, schedule },
    reading,
    translator: () => documentTranslator(checkedAst, reading, ledgerCurrency),
    present,
  };
}

/** JSON replacer: drops the file positions of crossing rows (`achievedByRow`, explain rows' `row`). */
function withoutPositions(this: unknown, key: string, value: unknown): unknown {
  if (key === 'achievedByRow') return undefined;
  if (key === 'row' && this !== null && typeof this === 'object' && 'runningTotal' in this) return undefined;
  return value;
}

/**
 * The whole command as a function of its inputs, reading the ledger into memory: for tests and
 * injected readers. Usage problems throw `UsageError` (exit 2); invalid clauses and data return
 * exit 1 with a report.
 */
export function runEvaluate(clauseFile: string, options: EvaluateOptions & PayrollOptions & LedgerOptions, readText?: (path: string) => string): CommandOutput {
  const prepared = prepare(clauseFile, options, readText ?? readFileText);
  if (prepared.done) return prepared.done;
  return evaluateWhole(prepared, options.sales as string, readText);
}

/** The evaluation of a ledger read whole into memory (an injected reader, or the file in its encoding). */
function evaluateWhole(prepared: Prepared & { done: null }, sales: string, readText?: (path: string) => string): CommandOutput {
  const text = readText !== undefined ? readText(sales) : readLedgerText(sales, sales === '-' ? 'standard input' : `'${sales}'`, prepared.reading.encoding);
  const translator = prepared.translator();
  if (prepared.format === 'xlsx') throw new UsageError('an XLSX ledger is read by clause evaluate itself (streamed), not by this in-memory reader.');
  let parsed;
  if (prepared.format === 'csv') {
    const delimiter = prepared.reading.delimiter ?? detectDelimiter(firstLine(text));
    if (delimiter === null) throw new UsageError(`cannot tell the delimiter of '${sales}' from its header line: pass --delimiter ',' | ';' | tab | '|'.`);
    translator.delimiterNote(delimiter, prepared.reading.delimiter !== undefined);
    parsed = parseCsvLedger(text, delimiter);
  } else {
    parsed = parseLedgerText(text, prepared.format);
  }
  const ledger = translateLedger(parsed, translator);
  return prepared.present(evaluate(prepared.ast, ledger.records, { ...prepared.evaluation, readIssues: ledger.issues, cellFormats: translator.formats }), translator);
}

/**
 * The command as `clause evaluate` runs it: CSV and NDJSON ledgers are streamed from the file (or
 * standard input, spooled) in two passes, in bounded memory, with a progress line on a terminal;
 * the results are identical to `runEvaluate`'s. JSON arrays are read whole.
 */
export async function runEvaluateStreaming(clauseFile: string, options: EvaluateOptions & PayrollOptions & LedgerOptions & { progress?: boolean }): Promise<CommandOutput> {
  const prepared = prepare(clauseFile, options, readFileText);
  if (prepared.done) return prepared.done;
  if (checkEngineOptions(options) !== 'memory') {
    // Loaded only here: the database drivers are optional dependencies of the command line.
    checkEngineReading(prepared.reading);
    const { evaluateWithSqlEngine } = require('./sql-engine-evaluate') as typeof SqlEngineEvaluate;
    return prepared.present(await evaluateWithSqlEngine(prepared.ast, prepared.evaluation, options), prepared.translator());
  }
  const sales = options.sales as string;
  if (prepared.format === 'json') return evaluateWhole(prepared, sales);
  let source: LedgerSource;
  try {
    source = await openLedgerSource(sales, process.stdin, maxLedgerBytes(options.maxLedgerBytes));
  } catch (error) {
    throw readError(sales, error);
  }
  try {
    const translator = prepared.translator();
    const evaluation = startEvaluation(prepared.ast, { ...prepared.evaluation, cellFormats: translator.formats, scratchFiles: { open: openScratchFile } });
    const shown = sales === '-' ? 'standard input' : `'${sales}'`;
    const dialect = prepared.format === 'csv' ? fileDialect(source.path, shown, prepared.reading.delimiter, prepared.reading.encoding) : null;
    if (dialect !== null) translator.delimiterNote(dialect.delimiter, dialect.delimiterGiven);
    const read = await driveTwoPasses(source, prepared.format, readingEvaluation(evaluation, translator), {
      label: sales === '-' ? 'stdin' : path.basename(sales),
      progress: options.progress !== false,
      delimiter: dialect?.delimiter,
      encoding: prepared.reading.encoding,
      sheet: prepared.reading.sheet,
      hiddenRows: prepared.reading.hiddenRows,
      onWorkbook: (facts) => translator.workbook(facts),
      prefilter: () => !translator.renamesColumns,
    });
    if (read.xlsx !== undefined) translator.hiddenRows(read.xlsx.hidden);
    return prepared.present(evaluation.finish(), translator);
  } catch (error) {
    // A folder given as the ledger opens, then fails on the first read (EISDIR).
    throw isFileError(error) ? readError(sales, error) : error;
  } finally {
    source.dispose();
  }
}

const LEDGER_HELP = `
The ledger: a header row (CSV) or objects (JSON, NDJSON) with the columns
  date      required: YYYY-MM-DD (a whole local day in the contract zone) or an ISO date-time
  amount    required by revenue, deal and new-customer milestones: a signed decimal
  units     required by unit milestones
  id, currency, product, customer, seller   optional
Exports are read too: a header named as CRMs name it (Close Date, Amount (USD), Invoice #, Account,
Owner, SKU, …) when exactly one column fits, or as --columns / --mapping say; a ';', tab or '|'
delimiter (found in the header line, or --delimiter); --encoding for files that are not UTF-8;
--date-format MM/DD/YYYY, DD/MM/YYYY, DD.MM.YYYY, … or excel; amounts such as $1,200.50, (1,200.50)
and, with --decimal-comma, 1.200,50; --amount-unit minor for a payment API's cents.
Ambiguous dates are never guessed; total rows, a repeated header and a title above the header are errors.`;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function registerEvaluate(program: Command): void {
  const command = program
    .command('evaluate')
    .description('evaluate a clause against a sales ledger: milestone statuses and the commission obligations they trigger')
    .argument('[clause-file]', "clause text file, or '-' for standard input (not with --portfolio)")
    .option('--sales <ledger>', "sales ledger: .csv (header row), .json (array of objects) or .ndjson; '-' for standard input with --format")
    .option('--effective-date <date>', 'the contract effective date E, YYYY-MM-DD')
    .option('--time-zone <zone>', 'IANA time zone of the contract (default UTC)')
    .option('--as-of <date>', 'evaluate as of the end of this local day, YYYY-MM-DD (default: today in the zone)')
    .option('--fiscal-year-start <MM-DD>', 'when the fiscal year starts, for fiscal periods whose text does not say (07-01 for July 1)')
    .option('--ledger-holds <what>', "what the ledger's rows are: 'sales' (default), 'bookings' or 'purchases' (that metric is then measured from its amounts)")
    .option('--ledger-currency <code>', "the currency of the ledger's amounts (USD, EUR, …), for a clause that names none; a clause naming another is an error")
    .option('--schedule <file>', 'JSON payment schedule for clauses that refer to a section: {"currency":"USD","payments":{"i":"1000"}}')
    .option('--format <format>', 'ledger format when it cannot be told from the extension: csv, json or ndjson')
    .option('--json', 'print the evaluation as one JSON object')
    .option('--explain', 'show the running total at each crossing row and the rows just before it')
    .option('--portfolio <file>', 'evaluate every contract of a portfolio file (schemas/portfolio.schema.json) against the ledger, in one pass')
    .option('--obligations-csv <file>', 'write one CSV line per obligation owed (contract, payee, milestone, period, trigger, amount, obligation_id, …)')
    .option('--rollup-csv <file>', 'write the obligations owed per payee and currency as CSV')
    .option('--since <date>', 'list only obligations triggered on or after this local day, YYYY-MM-DD')
    .option('--pay-period <month>', 'list only obligations triggered in this month, YYYY-MM')
    .option('--paid <file>', 'an obligations CSV of an earlier run: obligations it paid are not owed again (repeatable)', collect, [] as string[])
    .option('--contract <id>', 'the contract id in obligation ids (default: the clause file name without extension)')
    .option('--payee <name>', 'the payee in obligation lines (default: the contract id)')
    .option('--allow-paths-outside-portfolio', "with --portfolio: let it name clause and schedule files outside its own folder (only for a trusted portfolio)")
    .option('--max-ledger-bytes <bytes>', `refuse a ledger (file, standard input or pipe) larger than this (default ${MAX_LEDGER_BYTES})`)
    .option('--strict', `with --portfolio: a contract seller that matches no ledger row is an error (exit ${EXIT.unmatchedSeller}), not a warning`)
    .option('--engine <engine>', 'memory (default); duckdb: the --sales file (.csv, .ndjson, .parquet) read by embedded DuckDB; postgres: --table on --database-url')
    .option('--database-url <url>', 'with --engine postgres: the server, postgres://user@host:port/database')
    .option('--table <name>', 'with --engine postgres: the ledger table or view (optionally schema.table)')
    .option('--order-by <column>', "with --engine postgres: the integer column giving input order, for ties (default 'row')")
    .option('--no-progress', 'never show the progress line (it is shown only on a terminal, on standard error)');
  addLedgerOptions(command)
    .addHelpText('after', LEDGER_HELP)
    .addHelpText('after', `\nExit codes: 0 evaluated, 1 the clause, ledger or schedule is invalid, 2 usage error, ${EXIT.unmatchedSeller} (with --strict) a portfolio seller matches no ledger row.`)
    .action(async (clauseFile: string | undefined, options: EvaluateOptions & PayrollOptions & LedgerOptions & { portfolio?: string; progress?: boolean; strict?: boolean; allowPathsOutsidePortfolio?: boolean }) => {
      let result: CommandOutput;
      if (options.portfolio !== undefined) {
        if (clauseFile !== undefined) throw new UsageError('give either a clause file or --portfolio, not both.');
        if (options.ledgerHolds !== undefined) throw new UsageError("--ledger-holds goes with a clause file; in a portfolio, give each contract's \"ledgerHolds\" field.");
        if (options.ledgerCurrency !== undefined) throw new UsageError('--ledger-currency goes with a clause file; in a portfolio, each contract\'s clause names its currency.');
        const engine = checkEngineOptions(options);
        if (options.sales === undefined && engine !== 'postgres') throw new UsageError("missing --sales <ledger>: the sales ledger to evaluate the portfolio against.");
        const { runPortfolio } = require('./portfolio-command') as typeof PortfolioCommand; // ajv, too: loaded only here
        result = await runPortfolio(options.portfolio, {
          sales: options.sales,
          format: engine === 'memory' ? ledgerFormat(options.sales as string, options.format) : 'csv',
          engine: options,
          json: options.json,
          progress: options.progress,
          allowOutsidePaths: options.allowPathsOutsidePortfolio,
          maxLedgerBytes: maxLedgerBytes(options.maxLedgerBytes),
          strict: options.strict,
          payroll: options,
          reading: ledgerReading(options),
        });
      } else {
        if (clauseFile === undefined) throw new UsageError('missing the clause file (or --portfolio <file>).');
        if (options.strict) throw new UsageError('--strict goes with --portfolio (it checks the contracts\' sellers against the ledger).');
        result = await runEvaluateStreaming(clauseFile, options);
      }
      if (result.stdout) process.stdout.write(options.json ? result.stdout : forTerminal(result.stdout));
      if (result.stderr) process.stderr.write(forTerminal(result.stderr));
      process.exitCode = result.code;
    });
}
