/**
 * `clause sql`: the query that evaluates a clause on a warehouse table, printed with its bound
 * parameters, for review or for running with any client that binds `$n` parameters.
 */
import type { Command } from 'commander';
import { validate } from '../language/check';
import type { Schedule } from '../evaluation/schedule';
import type * as ScheduleReader from '../evaluation/schedule-reader';
import { EXIT, readText, UsageError } from '../node/io';
import { compileEvaluation, type DateColumnType, type LedgerTableSpec } from '../sql/compile';
import { dialectNamed, DIALECTS } from '../sql/dialects';
import { planEvaluation } from '../sql/plan';
import { SqlUnsupportedError } from '../sql/unsupported';
import { quoteIdentifier } from '../sql/identifier';
import { formatDiagnostic } from './diagnostic-report';
import type { CommandOutput } from './evaluate-command';

export interface SqlOptions {
  dialect?: string;
  table?: string;
  effectiveDate?: string;
  timeZone?: string;
  asOf?: string;
  fiscalYearStart?: string;
  schedule?: string;
  orderBy?: string;
  dateType?: string;
  columns?: string;
  json?: boolean;
}

const DATE_TYPES: readonly DateColumnType[] = ['timestamptz', 'timestamp', 'date', 'text'];
const OPTIONAL_COLUMNS = ['id', 'amount', 'units', 'currency', 'product', 'customer'] as const;

export function runSql(clauseFile: string, options: SqlOptions): CommandOutput {
  const dialect = dialectNamed((options.dialect ?? '').toLowerCase());
  if (!dialect) throw new UsageError(`--dialect must be one of ${Object.keys(DIALECTS).join(', ')}${options.dialect ? `, not '${options.dialect}'` : ''}.`);
  if (options.table === undefined) throw new UsageError('missing --table <name>: the ledger table or view the query reads.');
  if (options.effectiveDate === undefined) throw new UsageError("missing --effective-date <YYYY-MM-DD>: the contract's effective date.");
  const dateType = (options.dateType ?? 'timestamptz').toLowerCase() as DateColumnType;
  if (!DATE_TYPES.includes(dateType)) throw new UsageError(`--date-type must be one of ${DATE_TYPES.join(', ')}.`);
  const present = (options.columns ?? OPTIONAL_COLUMNS.join(',')).split(',').map((c) => c.trim().toLowerCase()).filter((c) => c !== '');
  for (const c of present) {
    if (!(OPTIONAL_COLUMNS as readonly string[]).includes(c)) throw new UsageError(`--columns lists the table's optional ledger columns (${OPTIONAL_COLUMNS.join(', ')}), not '${c}'.`);
  }

  const text = readText(clauseFile);
  const shown = clauseFile === '-' ? '<stdin>' : clauseFile;
  const checked = validate(text);
  if (!checked.valid || !checked.ast) {
    return { code: EXIT.invalid, stdout: '', stderr: `${checked.diagnostics.map((d) => formatDiagnostic(d, text, shown)).join('\n\n')}\n\nThe clause is not valid; no query was written.\n` };
  }
  let schedule: Schedule | null = null;
  if (options.schedule !== undefined) {
    const { parseSchedule } = require('../evaluation/schedule-reader') as typeof ScheduleReader;
    const result = parseSchedule(readText(options.schedule));
    if (!result.ok) return { code: EXIT.invalid, stdout: '', stderr: `The schedule ${options.schedule} is not valid:\n${result.errors.map((e) => `  ${e}`).join('\n')}\n` };
    schedule = result.schedule;
  }
  const spec: LedgerTableSpec = { source: { kind: 'table', name: options.table }, columns: { order: options.orderBy ?? 'row', date: 'date' }, dateType };
  for (const c of present) spec.columns[c as (typeof OPTIONAL_COLUMNS)[number]] = c;
  try {
    quoteIdentifier(spec.columns.order);
    const planned = planEvaluation(checked.ast, { effectiveDate: options.effectiveDate, timeZone: options.timeZone, asOf: options.asOf, fiscalYearStart: options.fiscalYearStart, schedule });
    if (!planned.ok) throw new UsageError(`${planned.message}.`);
    const query = compileEvaluation(planned.plan, spec, dialect);
    if (options.json) return { code: EXIT.ok, stdout: `${JSON.stringify(query, null, 2)}\n`, stderr: '' };
    const ctx = planned.plan.context;
    const header = [
      `-- clause-engine: ${shown} evaluated on ${dialect.name}, table ${options.table}`,
      `-- effective ${options.effectiveDate}, time zone ${ctx.zone}, as of ${planned.plan.options.asOf ?? 'today'}`,
      `-- columns: ${spec.columns.order} (input order), date (${dateType})${present.length > 0 ? `, ${present.join(', ')}` : ''}`,
      '-- parameters (bind them in this order):',
      ...query.params.map((v, i) => `--   ${dialect.placeholder(i + 1)} = ${asciiJson(v)}`),
    ];
    return { code: EXIT.ok, stdout: `${header.join('\n')}\n${query.text}`, stderr: '' };
  } catch (error) {
    if (error instanceof SqlUnsupportedError) throw new UsageError(`${error.message}.`);
    throw error;
  }
}

/** A parameter as JSON with everything outside printable ASCII escaped, so that no value can end the comment line it is printed in. */
function asciiJson(value: string | number): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function registerSql(program: Command): void {
  program
    .command('sql')
    .description('print the SQL query that evaluates a clause on a ledger table (DuckDB or PostgreSQL), with its parameters')
    .argument('<clause-file>', "clause text file, or '-' for standard input")
    .option('--dialect <dialect>', 'duckdb or postgres')
    .option('--table <name>', 'the ledger table or view (optionally schema.table)')
    .option('--effective-date <date>', 'the contract effective date E, YYYY-MM-DD')
    .option('--time-zone <zone>', 'IANA time zone of the contract (default UTC)')
    .option('--as-of <date>', 'evaluate as of the end of this local day, YYYY-MM-DD (default: today in the zone)')
    .option('--fiscal-year-start <MM-DD>', 'when the fiscal year starts, for fiscal periods whose text does not say (07-01 for July 1)')
    .option('--schedule <file>', 'JSON payment schedule for clauses that refer to a section')
    .option('--order-by <column>', "integer column giving input order, for ties (default 'row')")
    .option('--date-type <type>', 'type of the date column: timestamptz (default), timestamp, date or text')
    .option('--columns <list>', `optional ledger columns the table has (default: ${OPTIONAL_COLUMNS.join(',')})`)
    .option('--json', 'print { dialect, text, params }')
    .addHelpText('after', '\nExit codes: 0 printed, 1 the clause or schedule is invalid, 2 usage error or a clause feature the SQL path does not support.')
    .action((clauseFile: string, options: SqlOptions) => {
      const result = runSql(clauseFile, options);
      if (result.stdout) process.stdout.write(result.stdout);
      if (result.stderr) process.stderr.write(result.stderr);
      process.exitCode = result.code;
    });
}
