/**
 * `npm run bench:sql`: the SQL engines against the in-memory engine on the same ledger.
 *
 * The deterministic bench ledger (bench/generate.ts; 1M rows, or BENCH_SQL_ROWS=10000000) is
 * evaluated four ways, each in its own child process, and every `--json` must be byte-identical
 * to the in-memory engine's:
 *   - the in-memory engine on the CSV (the streaming reader, as `clause evaluate` runs);
 *   - `--engine duckdb` on the same rows as Parquet (written once by DuckDB: date as text, amount
 *     and units as DECIMAL(38, 10), row order kept), and on the CSV itself;
 *   - `--engine postgres` on a table loaded with COPY, when CLAUSE_BENCH_DATABASE_URL is set
 *     (`npm run bench:sql` starts a throwaway server for it); the COPY time is stated beside it.
 * BENCH_REPEAT=n (default 1) keeps the fastest of n runs; BENCH_SQL_SKIP_CSV=1 leaves out DuckDB on the CSV. DuckDB gets CLAUSE_DUCKDB_MEMORY
 * (default 4GB) and spills beyond it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchDir, generateLedger } from './generate';
import { benchClause } from './run';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'bin', 'clause.js');
const PROBE = path.join(__dirname, 'usage-probe.js');
const ZONE = 'America/New_York';
const CONTEXT = ['--effective-date', '2026-01-15', '--time-zone', ZONE, '--as-of', '2026-12-31'];
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 1));

interface Run {
  ms: number;
  /** User and system CPU time of the child, all threads. */
  cpuMs: number;
  rssMb: number;
  stdout: string;
}

function runOnce(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const usageFile = path.join(benchDir(), `usage-sql-${process.pid}.json`);
  rmSync(usageFile, { force: true });
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-r', PROBE, ...args], {
    env: { ...process.env, ...env, CLAUSE_BENCH_USAGE_FILE: usageFile },
    maxBuffer: 256 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`benchmark child failed (${result.status}): node ${args.join(' ')}`);
  const usage = existsSync(usageFile) ? (JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRSS: number; user: number; system: number }) : null;
  return {
    ms,
    cpuMs: usage ? (usage.user + usage.system) / 1000 : NaN,
    rssMb: usage ? usage.maxRSS / 1024 : NaN,
    stdout: result.stdout.toString(),
  };
}

function best(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  let b = runOnce(args, env);
  for (let i = 1; i < REPEAT; i++) {
    const r = runOnce(args, env);
    b = { ...(r.ms < b.ms ? r : b), cpuMs: Math.min(r.cpuMs, b.cpuMs), rssMb: Math.max(r.rssMb, b.rssMb) };
  }
  return b;
}

/**
 * The CSV's rows as Parquet: `typed` as a warehouse holds them (the date an instant, TIMESTAMP WITH
 * TIME ZONE, read from the CSV's forms in the contract's zone; amounts DECIMAL), else the date as
 * the text it was exported as. Row order is the CSV's (insertion order is preserved).
 */
async function writeParquet(csv: string, parquet: string, typed: boolean): Promise<number> {
  if (existsSync(parquet)) return 0;
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { memory_limit: process.env.CLAUSE_DUCKDB_MEMORY ?? '4GB' });
  const connection = await instance.connect();
  const started = Date.now();
  const tmp = `${parquet}.tmp`;
  // Row order is the CSV's (insertion order is preserved); numbers become exact decimals.
  await connection.run(`SET preserve_insertion_order = true`);
  const date = typed
    ? `CASE WHEN length(date) = 10 THEN CAST(date AS TIMESTAMP) AT TIME ZONE '${ZONE}' ` +
      `WHEN right(date, 1) = 'Z' OR strpos(substr(date, 11), '+') > 0 OR strpos(substr(date, 11), '-') > 0 THEN CAST(date AS TIMESTAMPTZ) ` +
      `ELSE CAST(date AS TIMESTAMP) AT TIME ZONE '${ZONE}' END`
    : 'date';
  await connection.run(
    `COPY (SELECT id, ${date} AS date, CAST(amount AS DECIMAL(38, 10)) AS amount, currency, CAST(units AS DECIMAL(38, 10)) AS units, product, customer, seller ` +
      `FROM read_csv(CAST($1 AS VARCHAR), all_varchar = true, header = true)) TO '${tmp.replace(/'/g, "''")}' (FORMAT parquet, ROW_GROUP_SIZE 122880)`,
    [csv],
  );
  connection.closeSync();
  instance.closeSync();
  writeFileSync(parquet, readFileSync(tmp));
  rmSync(tmp);
  return Date.now() - started;
}

async function copyIntoPostgres(url: string, csv: string): Promise<{ ms: number; table: string }> {
  const pg = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const table = 'clause_bench_sales';
  await client.query(`DROP TABLE IF EXISTS ${table}`);
  await client.query(
    `CREATE TABLE ${table} (id text, date text, amount numeric, currency text, units numeric, product text, customer text, seller text, "row" bigint GENERATED ALWAYS AS IDENTITY)`,
  );
  const started = Date.now();
  // psql's \copy streams the file from this machine, as a client would load a warehouse export.
  const r = spawnSync('psql', [url, '-q', '-c', `\\copy ${table} (id, date, amount, currency, units, product, customer, seller) FROM '${csv}' CSV HEADER`], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('psql \\copy failed');
  await client.query(`ANALYZE ${table}`);
  const ms = Date.now() - started;
  await client.end();
  return { ms, table };
}

function fmt(n: number, digits = 1): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

async function main(): Promise<void> {
  const rows = Math.round(Number(process.env.BENCH_SQL_ROWS ?? 1_000_000));
  const gen = generateLedger({ rows });
  const parquet = gen.file.replace(/\.csv$/, '.parquet');
  const parquetMs = await writeParquet(gen.file, parquet, false);
  const typedParquet = gen.file.replace(/\.csv$/, `-typed-${ZONE.replace('/', '_')}.parquet`);
  const typedMs = await writeParquet(gen.file, typedParquet, true);
  const clauseFile = path.join(benchDir(), `bench-${rows}.clause`);
  writeFileSync(clauseFile, benchClause(rows));
  const duckEnv = { CLAUSE_DUCKDB_MEMORY: process.env.CLAUSE_DUCKDB_MEMORY ?? '4GB' };
  const lines: string[] = [];
  const table: string[][] = [];
  const add = (what: string, file: string, r: Run, reference: Run | null): void => {
    const same = reference === null ? 'reference' : r.stdout === reference.stdout ? 'identical' : 'DIFFERENT';
    table.push([
      what,
      file,
      fmt(r.ms / 1000, 2),
      fmt(r.cpuMs / 1000, 2),
      fmt(rows / (r.cpuMs / 1000), 0),
      fmt(r.rssMb, 0),
      reference === null ? '' : `${fmt(reference.ms / r.ms, 2)}x / ${fmt(reference.cpuMs / r.cpuMs, 2)}x`,
      same,
    ]);
    if (same === 'DIFFERENT') process.exitCode = 1;
  };
  const memory = best([CLI, 'evaluate', clauseFile, '--sales', gen.file, ...CONTEXT, '--json', '--no-progress']);
  add('in-memory engine', `CSV ${fmt(statSync(gen.file).size / 1e6)} MB`, memory, null);
  const duckParquet = best([CLI, 'evaluate', clauseFile, '--sales', parquet, ...CONTEXT, '--json', '--engine', 'duckdb'], duckEnv);
  add('--engine duckdb', `Parquet, date as text, ${fmt(statSync(parquet).size / 1e6)} MB`, duckParquet, memory);
  const duckTyped = best([CLI, 'evaluate', clauseFile, '--sales', typedParquet, ...CONTEXT, '--json', '--engine', 'duckdb'], duckEnv);
  add('--engine duckdb', `Parquet, date TIMESTAMPTZ, ${fmt(statSync(typedParquet).size / 1e6)} MB`, duckTyped, memory);
  if (process.env.BENCH_SQL_SKIP_CSV) {
    lines.push('DuckDB on the CSV: skipped (BENCH_SQL_SKIP_CSV)');
  } else {
    const duckCsv = best([CLI, 'evaluate', clauseFile, '--sales', gen.file, ...CONTEXT, '--json', '--engine', 'duckdb'], duckEnv);
    add('--engine duckdb', 'CSV (loaded as text)', duckCsv, memory);
  }
  const url = process.env.CLAUSE_BENCH_DATABASE_URL;
  if (url) {
    const copied = await copyIntoPostgres(url, gen.file);
    lines.push(`PostgreSQL: COPY of ${rows.toLocaleString('en-US')} rows and ANALYZE took ${fmt(copied.ms / 1000, 2)} s (not in the times below)`);
    const pg = best([CLI, 'evaluate', clauseFile, ...CONTEXT, '--json', '--engine', 'postgres', '--database-url', url, '--table', copied.table]);
    add('--engine postgres', `table (COPY)`, pg, memory);
  } else {
    lines.push('PostgreSQL: skipped (set CLAUSE_BENCH_DATABASE_URL, or run npm run bench:sql, which starts a throwaway server)');
  }
  const header = ['engine', 'ledger', 'wall s', 'CPU s', 'rows per CPU s', 'peak RSS MB', 'speed-up wall / CPU', '--json'];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  console.log(`SQL engines: ${rows.toLocaleString('en-US')} rows, ${CONTEXT.join(' ')}; each run in its own process, fastest of ${REPEAT}; load average ${os.loadavg().map((x) => fmt(x, 1)).join(' ')}`);
  if (parquetMs + typedMs > 0) console.log(`(Parquet files written from the CSV by DuckDB in ${fmt((parquetMs + typedMs) / 1000, 2)} s, once)`);
  console.log('CPU s: the child process\'s user + system time, all threads (for PostgreSQL the client only; the server works in its own processes)');
  console.log(`| ${header.map((h, i) => h.padEnd(widths[i])).join(' | ')} |`);
  console.log(`|${widths.map((w, i) => (i >= 2 && i <= 6 ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`);
  for (const r of table) console.log(`| ${r.map((c, i) => (i >= 2 && i <= 6 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`);
  for (const l of lines) console.log(l);
  console.log(`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${fmt(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
