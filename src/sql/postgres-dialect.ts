/** PostgreSQL (12 or later; `lower` follows the database's ctype, so a UTF-8 one folds non-ASCII names too). */
import type { SqlDialect } from './dialect';

export const postgresDialect: SqlDialect = {
  name: 'postgres',
  // NUMERIC without a precision is exact at any size: sums never overflow.
  decimal: 'NUMERIC',
  rateFactor: 'NUMERIC',
  text: 'TEXT',
  integer: 'BIGINT',
  materialized: 'MATERIALIZED ',
  maxWholeDigits: null,
  placeholder: (n) => `$${n}`,
  localTimestamp: (instant, zone) => `(${instant} AT TIME ZONE ${zone})`,
  instantOfLocal: (local, zone) => `(${local} AT TIME ZONE ${zone})`,
  toMillisecond: (instant) => `date_trunc('milliseconds', ${instant})`,
  hash64: (text) => `hashtextextended(${text}, 0)`,
  fullMatch: (text, pattern) => `(${text} ~ ('^(?:' || ${pattern} || ')$'))`,
  trimChars: (text, chars) => `btrim(${text}, ${chars})`,
  // No TRY_CAST before PostgreSQL 16: the calendar is checked by arithmetic on text already in the
  // date form (month 1-12, day within the month, hour 0-23, minute and second 0-59), which cannot fail.
  castFails: (text) => {
    const part = (from: number, length: number): string => `CAST(substr(${text}, ${from}, ${length}) AS INTEGER)`;
    const lastDay = `EXTRACT(DAY FROM make_date(${part(1, 4)}, ${part(6, 2)}, 1) + INTERVAL '1 month' - INTERVAL '1 day')`;
    return (
      `NOT (${part(1, 4)} > 0 AND ${part(6, 2)} BETWEEN 1 AND 12 AND ${part(9, 2)} >= 1 AND ` +
      `${part(9, 2)} <= CASE WHEN ${part(6, 2)} BETWEEN 1 AND 12 AND ${part(1, 4)} > 0 THEN ${lastDay} ELSE 0 END AND ` +
      `(length(${text}) = 10 OR (${part(12, 2)} <= 23 AND ${part(15, 2)} <= 59 AND ` +
      `(length(${text}) < 19 OR substr(${text}, 17, 1) <> ':' OR ${part(18, 2)} <= 59))))`
    );
  },
};
