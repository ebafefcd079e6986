/**
 * Embedded DuckDB (@duckdb/node-api) as an evaluation engine: a ledger file is read by DuckDB
 * itself. Parquet is scanned in place (its row numbers from the file); CSV and NDJSON are loaded
 * into a table with every cell as text, in file order, so that row numbers, blank lines and cell
 * checks are exactly those of the in-memory reader.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { LedgerSource } from '../sql/compile';
import { duckdbDialect } from '../sql/duckdb-dialect';
import type { DescribedColumn } from '../sql/table-spec';
import { sourceSql, Params } from '../sql/compile';
import type { SqlEngine } from './sql-evaluation';
import { checkExportColumns } from '../sql/export-columns';

export type LedgerFileFormat = 'csv' | 'ndjson' | 'parquet';

const LEDGER_COLUMNS = ['id', 'date', 'amount', 'units', 'currency', 'product', 'customer', 'seller'];

/** The name CSV and NDJSON rows are loaded under, with their row number in `row`. */
const LOADED = 'clause_ledger';

export class DuckDbEngine implements SqlEngine {
  readonly dialect = duckdbDialect;

  private constructor(private readonly connection: DuckDBConnection, private readonly close: () => void) {}

  /** An in-memory database; `memoryLimit` such as '4GB' caps what DuckDB may use (it spills beyond, into `tempDirectory`). */
  static async open(options: { memoryLimit?: string; threads?: number; tempDirectory?: string } = {}): Promise<DuckDbEngine> {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const config: Record<string, string> = {};
    if (options.memoryLimit) config.memory_limit = options.memoryLimit;
    if (options.threads) config.threads = String(options.threads);
    if (options.tempDirectory) config.temp_directory = options.tempDirectory;
    const instance = await DuckDBInstance.create(':memory:', config);
    const connection = await instance.connect();
    // Every conversion names the contract's zone; the session zone only decides how timestamps are printed.
    await connection.run(`SET TimeZone = 'UTC'`);
    return new DuckDbEngine(connection, () => {
      connection.closeSync();
      instance.closeSync();
    });
  }

  async query(text: string, params: ReadonlyArray<string | number>): Promise<Array<Record<string, unknown>>> {
    const reader = await this.connection.runAndReadAll(text, params.length > 0 ? [...params] : undefined);
    return reader.getRowObjectsJson() as Array<Record<string, unknown>>;
  }

  async describe(source: LedgerSource): Promise<DescribedColumn[]> {
    const p = new Params(this.dialect);
    const rows = await this.query(`DESCRIBE SELECT * FROM ${sourceSql(source, p, this.dialect)} AS s`, p.values);
    return rows.map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  }

  /** Makes a ledger file readable as a source: Parquet in place, CSV/NDJSON loaded as text. */
  async ledger(path: string, format: LedgerFileFormat): Promise<LedgerSource> {
    if (format === 'parquet') return { kind: 'parquet', path };
    const read =
      format === 'csv'
        ? `read_csv(CAST($1 AS VARCHAR), all_varchar = true, header = true, auto_detect = true, delim = ',', quote = '"', escape = '"')`
        : `read_json(CAST($1 AS VARCHAR), format = 'newline_delimited', records = true, maximum_object_size = 16777216)`;
    await this.query(`CREATE OR REPLACE TABLE clause_ledger_text AS SELECT * FROM ${read}`, [path]);
    const columns = await this.query(`DESCRIBE clause_ledger_text`, []);
    // The columns left out below are checked first: a status or payment API column is refused, never dropped unread.
    checkExportColumns(columns.map((c) => ({ name: String(c.column_name), type: String(c.column_type) })));
    // The ledger's columns (names trimmed and in any case, the first of repeats), every cell as
    // text as the ledger reader sees it, referred to by position: no header text enters the SQL.
    const cells: string[] = [];
    const taken = new Set<string>();
    columns.forEach((c, i) => {
      const name = String(c.column_name).trim().toLowerCase();
      if (!LEDGER_COLUMNS.includes(name) || taken.has(name)) return;
      taken.add(name);
      cells.push(`CAST(#${i + 1} AS VARCHAR) AS "${name}"`);
    });
    await this.query(`CREATE OR REPLACE TABLE ${LOADED} AS SELECT rowid + 1 AS "row", ${cells.join(', ')} FROM clause_ledger_text ORDER BY rowid`, []);
    await this.query(`DROP TABLE clause_ledger_text`, []);
    return { kind: 'table', name: LOADED, numbered: true };
  }

  dispose(): void {
    this.close();
  }
}
