/** Which engine `clause evaluate` runs on, and the options each one needs (usage errors otherwise). */
import { UsageError } from '../node/io';
import type { LedgerReading } from '../ledger/ledger-reading';

export type EngineName = 'memory' | 'duckdb' | 'postgres';

export interface EngineOptions {
  engine?: string;
  databaseUrl?: string;
  table?: string;
  orderBy?: string;
  sales?: string;
  format?: string;
}

export function checkEngineOptions(options: EngineOptions): EngineName {
  const engine = (options.engine ?? 'memory').toLowerCase();
  if (engine !== 'memory' && engine !== 'duckdb' && engine !== 'postgres') {
    throw new UsageError(`--engine must be memory, duckdb or postgres, not '${options.engine}'.`);
  }
  if (engine === 'postgres') {
    if (options.databaseUrl === undefined) throw new UsageError('--engine postgres needs --database-url <url> (postgres://user@host:port/database).');
    if (options.table === undefined) throw new UsageError('--engine postgres needs --table <name>: the ledger table or view.');
    if (options.sales !== undefined) throw new UsageError('--engine postgres reads --table on the server, not a --sales file: load the file with COPY first.');
  } else {
    if (options.databaseUrl !== undefined || options.table !== undefined) throw new UsageError('--database-url and --table go with --engine postgres.');
    if (options.orderBy !== undefined) throw new UsageError('--order-by goes with --engine postgres (the rows of a file are in file order).');
  }
  if (engine === 'duckdb' && options.sales === '-') throw new UsageError('--engine duckdb reads a ledger file, not standard input.');
  return engine;
}

/** The ledger file format DuckDB reads, from --format or the extension. */
export function duckdbFileFormat(path: string, format: string | undefined): 'csv' | 'ndjson' | 'parquet' {
  const name = (format ?? /\.([^./\\]+)$/.exec(path)?.[1] ?? '').toLowerCase();
  if (name === 'csv') return 'csv';
  if (name === 'ndjson' || name === 'jsonl') return 'ndjson';
  if (name === 'parquet') return 'parquet';
  throw new UsageError(`--engine duckdb reads .csv, .ndjson (.jsonl) and .parquet ledgers; cannot read '${path}'${format ? ` as ${format}` : ''}.`);
}

/**
 * The SQL engines read the ledger's own columns (`date`, `amount`, …) in the plain forms: an export's
 * column mapping, delimiter, encoding, date or number format would be ignored there, so it is refused.
 */
export function checkEngineReading(reading: LedgerReading): void {
  const given = Object.entries(reading)
    .filter(([, v]) => v !== undefined && v !== false && !(typeof v === 'object' && v !== null && Object.keys(v).length === 0))
    // What the engines read anyway: comma-separated UTF-8.
    .filter(([k, v]) => !(k === 'delimiter' && v === ',') && !(k === 'encoding' && v === 'utf-8'))
    .map(([k]) => k);
  if (given.length > 0) {
    throw new UsageError(
      `--engine duckdb|postgres reads the ledger's own columns in plain forms, not an export's reading (${given.join(', ')}): ` +
        'evaluate it with the in-memory engine, or load it into a table with the columns date, amount, … as plain values.',
    );
  }
}
