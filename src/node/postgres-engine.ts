/**
 * PostgreSQL (through `pg`) as an evaluation engine: the ledger is a table or view on the server.
 * Every value goes as a bound parameter; numbers and dates come back as text, so nothing passes
 * through a JavaScript number on the way.
 */
import type { Client } from 'pg';
import type { LedgerSource } from '../sql/compile';
import { postgresDialect } from '../sql/postgres-dialect';
import type { DescribedColumn } from '../sql/table-spec';
import { SqlUnsupportedError } from '../sql/unsupported';
import type { SqlEngine } from './sql-evaluation';

export class PostgresEngine implements SqlEngine {
  readonly dialect = postgresDialect;

  private constructor(private readonly client: Client) {}

  static async connect(url: string): Promise<PostgresEngine> {
    const pg = await import('pg');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    // The session zone must not matter: every conversion names the contract's zone. UTC makes
    // timestamps printed by the server unambiguous.
    await client.query(`SET TIME ZONE 'UTC'`);
    return new PostgresEngine(client);
  }

  async query(text: string, params: ReadonlyArray<string | number>): Promise<Array<Record<string, unknown>>> {
    const result = await this.client.query({ text, values: [...params], types: { getTypeParser: () => (value: string) => value } as never });
    return result.rows as Array<Record<string, unknown>>;
  }

  async describe(source: LedgerSource): Promise<DescribedColumn[]> {
    if (source.kind !== 'table') throw new SqlUnsupportedError('parquet source', 'PostgreSQL reads tables: load the file with COPY first');
    const parts = source.name.split('.');
    const table = parts[parts.length - 1];
    const schema = parts.length > 1 ? parts[parts.length - 2] : null;
    const rows = await this.query(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1 AND ($2::text IS NULL OR table_schema = $2) ` +
        `AND (table_schema = ANY (current_schemas(false)) OR $2::text IS NOT NULL) ORDER BY ordinal_position`,
      [table, schema as unknown as string],
    );
    if (rows.length === 0) throw new SqlUnsupportedError('table', `no table or view named ${source.name} is visible on this database`);
    return rows.map((r) => ({ name: String(r.column_name), type: String(r.data_type) }));
  }

  async dispose(): Promise<void> {
    await this.client.end();
  }
}
