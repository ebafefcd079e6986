/** The dialects by name. */
import type { SqlDialect } from './dialect';
import { duckdbDialect } from './duckdb-dialect';
import { postgresDialect } from './postgres-dialect';

export const DIALECTS: Readonly<Record<string, SqlDialect>> = { duckdb: duckdbDialect, postgres: postgresDialect };

export function dialectNamed(name: string): SqlDialect | null {
  return Object.prototype.hasOwnProperty.call(DIALECTS, name) ? DIALECTS[name] : null;
}
