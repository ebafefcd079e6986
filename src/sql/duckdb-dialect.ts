/** DuckDB (1.1 or later, with its bundled ICU extension for time zones). */
import type { SqlDialect } from './dialect';

export const duckdbDialect: SqlDialect = {
  name: 'duckdb',
  decimal: 'DECIMAL(38, 10)',
  rateFactor: 'DECIMAL(38, 12)',
  text: 'VARCHAR',
  integer: 'BIGINT',
  materialized: 'MATERIALIZED ',
  maxWholeDigits: 28,
  placeholder: (n) => `$${n}`,
  localTimestamp: (instant, zone) => `(${instant} AT TIME ZONE ${zone})`,
  instantOfLocal: (local, zone) => `(${local} AT TIME ZONE ${zone})`,
  toMillisecond: (instant) => `date_trunc('millisecond', ${instant})`,
  // epoch_us is exact; epoch_ms truncates toward zero, which is not the floor before 1970.
  epochMs: (instant) => `((epoch_us(${instant}) - ((epoch_us(${instant}) % 1000) + 1000) % 1000) // 1000)`,
  exactDiv: (a, b) => `((${a}) // ${b})`,
  hash64: (text) => `hash(${text})`,
  fullMatch: (text, pattern) => `regexp_full_match(${text}, ${pattern})`,
  trimChars: (text, chars) => `trim(${text}, ${chars})`,
  tryCast: (expr, type) => `TRY_CAST(${expr} AS ${type})`,
  castFails: (text) => `TRY_CAST(${text} AS TIMESTAMPTZ) IS NULL`,
  parquetScan: (path) => `(SELECT *, file_row_number + 1 AS "row" FROM read_parquet(${path}, file_row_number = true))`,
};
