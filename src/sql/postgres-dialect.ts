/** PostgreSQL (12 or later; `lower` follows the database's ctype, so a UTF-8 one folds non-ASCII names too). */
import type { SqlDialect } from './dialect';

export const postgresDialect: SqlDialect = {
  name: 'postgres',
  // NUMERIC without a precision is exact at any size: sums never overflow.
  decimal: 'NUMERIC',
  rateFactor: 'NUMERIC',
  text: 'TEXT',
  integer: 'BIGINT',
  placeholder: (n) => `$${n}`,
  localTimestamp: (instant, zone) => `(${instant} AT TIME ZONE ${zone})`,
  instantOfLocal: (local, zone) => `(${local} AT TIME ZONE ${zone})`,
  toMillisecond: (instant) => `date_trunc('milliseconds', ${instant})`,
  fullMatch: (text, pattern) => `(${text} ~ ('^(?:' || ${pattern} || ')$'))`,
  trimChars: (text, chars) => `btrim(${text}, ${chars})`,
};
