/**
 * The real engines the SQL tests run on: DuckDB in-process, and the PostgreSQL server that
 * `npm run test:sql` starts (.ci/postgres.sh; its URL in CLAUSE_TEST_DATABASE_URL). No mocks.
 */
import { DuckDbEngine } from '../../../src/node/duckdb-engine';
import { PostgresEngine } from '../../../src/node/postgres-engine';
import { evaluateOnEngine, type SqlEngine } from '../../../src/node/sql-evaluation';
import type { DocumentNode } from '../../../src/language/ast';
import type { SqlPlanOptions } from '../../../src/sql/plan';
import type { LedgerRecord } from '../../../src/ledger/rows';
import { quoteIdentifier } from '../../../src/sql/identifier';

export type EngineName = 'duckdb' | 'postgres';
export const ENGINES: EngineName[] = ['duckdb', 'postgres'];

export interface OpenEngine {
  engine: SqlEngine;
  close(): Promise<void>;
}

export async function openEngine(name: EngineName): Promise<OpenEngine> {
  if (name === 'duckdb') {
    const engine = await DuckDbEngine.open({ threads: 1 });
    return { engine, close: async () => engine.dispose() };
  }
  const url = process.env.CLAUSE_TEST_DATABASE_URL;
  if (!url) throw new Error('CLAUSE_TEST_DATABASE_URL is not set: run the SQL tests with `npm run test:sql`, which starts a throwaway PostgreSQL server');
  const engine = await PostgresEngine.connect(url);
  return { engine, close: () => engine.dispose() };
}

/**
 * Opens the engine before a describe block's tests and closes it after them; the tests read it
 * through the returned function (it is opened only once beforeAll has run).
 */
export function useEngine(name: EngineName): () => SqlEngine {
  let open: OpenEngine | undefined;
  beforeAll(async () => {
    open = await openEngine(name);
  });
  afterAll(async () => {
    await open?.close();
  });
  return () => {
    if (open === undefined) throw new Error(`the ${name} engine is not open: call the returned function inside a test`);
    return open.engine;
  };
}

const LEDGER_COLUMNS = ['id', 'date', 'amount', 'units', 'currency', 'product', 'customer', 'seller'];

/** A table name no other test file uses at the same time (jest runs files in parallel on one server). */
export function tableName(prefix: string): string {
  return `${prefix}_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
}

/**
 * Loads records as a CSV would arrive: every ledger column as text, `row` the 1-based record
 * number. Values are bound parameters.
 */
export async function loadRecords(engine: SqlEngine, table: string, records: readonly LedgerRecord[], always: readonly string[] = []): Promise<void> {
  const columns: string[] = [...always];
  for (const r of records) {
    for (const key of Object.keys(r)) {
      const name = key.trim().toLowerCase();
      if (LEDGER_COLUMNS.includes(name) && !columns.includes(name)) columns.push(name);
    }
  }
  const t = quoteIdentifier(table);
  const text = engine.dialect.text;
  await engine.query(`DROP TABLE IF EXISTS ${t}`, []);
  await engine.query(`CREATE TABLE ${t} ("row" BIGINT, ${columns.map((c) => `"${c}" ${text}`).join(', ')})`, []);
  const batch = 100;
  for (let start = 0; start < records.length; start += batch) {
    const params: Array<string | number> = [];
    const tuples: string[] = [];
    records.slice(start, start + batch).forEach((r, k) => {
      const cells = [String(start + k + 1)];
      for (const c of columns) {
        const key = Object.keys(r).find((x) => x.trim().toLowerCase() === c);
        const v = key === undefined ? null : r[key];
        cells.push(v === null || v === undefined ? (null as unknown as string) : String(v));
      }
      tuples.push(`(${cells.map((v, i) => { params.push(v); return `CAST(${engine.dialect.placeholder(params.length)} AS ${i === 0 ? 'BIGINT' : text})`; }).join(', ')})`);
    });
    if (tuples.length > 0) await engine.query(`INSERT INTO ${t} VALUES ${tuples.join(', ')}`, params);
  }
}

export async function dropTable(engine: SqlEngine, table: string): Promise<void> {
  await engine.query(`DROP TABLE IF EXISTS ${quoteIdentifier(table)}`, []);
}

/** `records` evaluated on the engine from a table of their own, dropped afterwards. */
export async function evaluateRecords(engine: SqlEngine, ast: DocumentNode, context: SqlPlanOptions, records: readonly LedgerRecord[], prefix: string) {
  const table = tableName(prefix);
  await loadRecords(engine, table, records);
  try {
    return await evaluateOnEngine(engine, ast, context, { kind: 'table', name: table }, null);
  } finally {
    await dropTable(engine, table);
  }
}
