/**
 * A portfolio evaluated on a SQL engine: one evaluation query per contract over the rows of its
 * sellers, and one query before them for the ledger's distinct seller cells.
 *
 * The seller cells are matched to contracts in TypeScript, by the in-memory portfolio's own key
 * (`sellerKey`: normalized text, case-folded), so that no text rule is written twice; each contract's
 * query then reads the rows whose seller cell is one of its matching cells, exactly as written
 * (bound parameters), with the ledger's row numbers. Reports, roll-up and seller problems are
 * assembled by the in-memory portfolio's functions.
 *
 * One query per contract rather than one for all: each is the single-contract query, which the
 * engines plan well, and a contract's rows are read through a filter the engine pushes into its scan
 * (docs/performance.md compares the two shapes).
 */
import {
  contractReport,
  openContracts,
  portfolioReport,
  sellerKey,
  sellerProblemsOf,
  type ContractReport,
  type PortfolioReport,
  type ResolvedContract,
} from '../portfolio/portfolio';
import { UnmatchedSellers } from '../portfolio/seller-coverage';
import { Params, sourceSql, type LedgerSource } from '../sql/compile';
import { quoteIdentifier } from '../sql/identifier';
import { SqlUnsupportedError } from '../sql/unsupported';
import { evaluateOnEngine, type SqlEngine } from './sql-evaluation';

export interface SqlPortfolioOptions {
  strict?: boolean;
  /** The integer column giving input order (default `row`). */
  orderBy?: string | null;
}

/** The ledger's distinct seller cells (in order of first row), with how many rows each has, and the ledger's row count. */
async function sellerCells(engine: SqlEngine, source: LedgerSource, column: string | null, order: string): Promise<{ total: number; cells: Array<{ text: string; rows: number }> }> {
  const p = new Params(engine.dialect);
  const from = sourceSql(source, p, engine.dialect);
  if (column === null) {
    const rows = await engine.query(`SELECT COUNT(*) AS n FROM ${from} AS s`, p.values);
    return { total: Number(rows[0].n), cells: [] };
  }
  // The first row of each cell orders them as the in-memory reader meets them (its suggestions follow that order).
  const cell = `CAST(s.${quoteIdentifier(column)} AS ${engine.dialect.text})`;
  const rows = await engine.query(`SELECT ${cell} AS v, COUNT(*) AS n, MIN(s.${quoteIdentifier(order)}) AS first FROM ${from} AS s GROUP BY ${cell} ORDER BY first`, p.values);
  let total = 0;
  const cells: Array<{ text: string; rows: number }> = [];
  for (const r of rows) {
    total += Number(r.n);
    if (r.v !== null && r.v !== undefined) cells.push({ text: String(r.v), rows: Number(r.n) });
  }
  return { total, cells };
}

/**
 * Evaluates every contract of a portfolio on `engine` against the ledger `source`. A clause the SQL
 * path cannot express stops the run with an error naming the contract and the feature (never an
 * answer of another engine mixed in).
 */
export async function evaluatePortfolioOnEngine(
  engine: SqlEngine,
  contracts: readonly ResolvedContract[],
  source: LedgerSource,
  options: SqlPortfolioOptions = {},
): Promise<PortfolioReport> {
  const strict = options.strict === true;
  const orderBy = options.orderBy ?? null;
  const opened = openContracts(contracts);
  const columns = await engine.describe(source);
  const sellerColumn = columns.find((c) => c.name.trim().toLowerCase() === 'seller')?.name ?? null;
  const orderColumn = orderBy ?? columns.find((c) => c.name.toLowerCase() === 'row')?.name ?? 'row';
  const ledger = await sellerCells(engine, source, sellerColumn, orderColumn);

  // Which contracts each seller key belongs to; the cells of each contract.
  const byKey = new Map<string, number[]>();
  opened.forEach((o, k) => {
    if ('failed' in o) return;
    for (const key of new Set(o.contract.sellers.map(sellerKey))) byKey.set(key, [...(byKey.get(key) ?? []), k]);
  });
  const cellsOf = opened.map((): string[] => []);
  const matched = new Set<string>();
  const unmatched = new UnmatchedSellers();
  let assigned = 0;
  for (const cell of ledger.cells) {
    const key = sellerKey(cell.text);
    const owners = byKey.get(key);
    if (owners === undefined) {
      unmatched.add(cell.text);
      continue;
    }
    matched.add(key);
    assigned += cell.rows;
    for (const k of owners) cellsOf[k].push(cell.text);
  }

  const reports: ContractReport[] = [];
  for (let k = 0; k < opened.length; k++) {
    const o = opened[k];
    if ('failed' in o) {
      reports.push(o.failed);
      continue;
    }
    const rows: LedgerSource = { kind: 'rows-of', source, column: sellerColumn ?? 'seller', values: sellerColumn === null ? [] : cellsOf[k] };
    try {
      const report = await evaluateOnEngine(engine, o.checked.ast, o.evaluation, rows, orderBy, columns);
      reports.push(contractReport(o.contract, o.checked, report));
    } catch (error) {
      if (error instanceof SqlUnsupportedError) throw new SqlUnsupportedError(error.feature, `contract ${o.contract.id}: ${error.message}`);
      throw error;
    }
  }
  const evaluated = opened.map((o) => ('failed' in o ? null : o.contract));
  const sellerProblems = sellerProblemsOf(reports, evaluated, matched, unmatched, strict);
  return portfolioReport(reports, sellerProblems, { total: ledger.total, assigned, unreadable: 0 }, strict);
}
