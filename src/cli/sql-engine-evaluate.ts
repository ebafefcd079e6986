/**
 * `clause evaluate --engine duckdb|postgres`: the clause (or each contract of a portfolio) compiled
 * to SQL and run where the data is. The report is the one the in-memory engine gives, so the same
 * renderers and `--json` apply.
 */
import { existsSync } from 'node:fs';
import type { DocumentNode } from '../language/ast';
import type { EvaluationOptions, EvaluationReport } from '../evaluation/evaluate';
import type { PortfolioReport, ResolvedContract } from '../portfolio/portfolio';
import type { LedgerSource } from '../sql/compile';
import { UsageError } from '../node/io';
import { SqlUnsupportedError } from '../sql/unsupported';
import { evaluateOnEngine, type SqlEngine } from '../node/sql-evaluation';
import { checkEngineOptions, duckdbFileFormat, type EngineOptions } from './engine-options';

export async function evaluateWithSqlEngine(ast: DocumentNode, evaluation: EvaluationOptions, options: EngineOptions): Promise<EvaluationReport> {
  return withEngine(options, (engine, source, orderBy) => evaluateOnEngine(engine, ast, evaluation, source, orderBy));
}

export async function evaluatePortfolioWithSqlEngine(contracts: readonly ResolvedContract[], options: EngineOptions & { strict?: boolean }): Promise<PortfolioReport> {
  const { evaluatePortfolioOnEngine } = await import('../node/sql-portfolio');
  return withEngine(options, (engine, source, orderBy) => evaluatePortfolioOnEngine(engine, contracts, source, { strict: options.strict, orderBy }));
}

/** Opens the engine the options name and the ledger on it, runs `run`, closes the engine; engine failures become usage errors. */
async function withEngine<T>(options: EngineOptions, run: (engine: SqlEngine, source: LedgerSource, orderBy: string | null) => Promise<T>): Promise<T> {
  const engine = checkEngineOptions(options);
  try {
    if (engine === 'duckdb') {
      const sales = options.sales as string;
      const format = duckdbFileFormat(sales, options.format);
      if (!existsSync(sales)) throw new UsageError(`cannot read '${sales}': no such file.`);
      const { DuckDbEngine } = await loadDriver(() => import('../node/duckdb-engine'), '@duckdb/node-api');
      const duck = await DuckDbEngine.open({
        memoryLimit: process.env.CLAUSE_DUCKDB_MEMORY,
        tempDirectory: process.env.CLAUSE_DUCKDB_TEMP,
        threads: process.env.CLAUSE_DUCKDB_THREADS ? Number(process.env.CLAUSE_DUCKDB_THREADS) : undefined,
      });
      try {
        return await run(duck, await duck.ledger(sales, format), null);
      } finally {
        duck.dispose();
      }
    }
    const { PostgresEngine } = await loadDriver(() => import('../node/postgres-engine'), 'pg');
    const pg = await PostgresEngine.connect(options.databaseUrl as string);
    try {
      return await run(pg, { kind: 'table', name: options.table as string }, options.orderBy ?? null);
    } finally {
      await pg.dispose();
    }
  } catch (error) {
    if (error instanceof SqlUnsupportedError) throw new UsageError(`${error.message}.`);
    if (error instanceof UsageError) throw error;
    // Connection refused, a missing table, a cast the data does not allow: the engine's words.
    throw new UsageError(`the ${engine === 'duckdb' ? 'DuckDB' : 'PostgreSQL'} engine failed: ${(error as Error).message}`);
  }
}

async function loadDriver<T>(load: () => Promise<T>, driver: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') throw new UsageError(`this engine needs the optional package ${driver}: npm install ${driver}`);
    throw error;
  }
}
