/**
 * What differs between SQL engines, and nothing else: the compiler writes standard SQL (CTEs,
 * window functions, CASE, CAST) and asks the dialect for the rest. A new engine is one object of
 * this shape.
 */
export interface SqlDialect {
  readonly name: string;
  /** An exact decimal type wide enough for sums of ledger amounts (never a binary float). */
  readonly decimal: string;
  /** The type of the decimal factor a rate is multiplied by. */
  readonly rateFactor: string;
  readonly text: string;
  readonly integer: string;
  /** The CTE keyword that makes a CTE computed once (`MATERIALIZED `), or '' where the engine always does. */
  readonly materialized: string;
  /** Whole digits the decimal type holds, when it is bounded (a longer target or amount is refused). */
  readonly maxWholeDigits: number | null;
  /** The n-th (1-based) bound parameter. */
  placeholder(n: number): string;
  /** The local wall-clock timestamp of an instant in an IANA zone (a zone-aware conversion, DST-correct). */
  localTimestamp(instant: string, zone: string): string;
  /** The instant of a local wall-clock timestamp in an IANA zone; a skipped time moves forward, a repeated one reads as standard time. */
  instantOfLocal(local: string, zone: string): string;
  /** An instant cut to whole milliseconds (rows closer than 1 ms are ordered by input order). */
  toMillisecond(instant: string): string;
  /**
   * Milliseconds since 1970-01-01T00:00Z of an instant, floored, as an integer, where the engine computes
   * that cheaply (with `exactDiv`): local days are then found by arithmetic on the zone's offsets. Else
   * instants are compared as `toMillisecond` gives them and each row is converted with `localTimestamp`.
   */
  epochMs?(instant: string): string;
  /** The quotient of integers that divide exactly, as an integer. */
  exactDiv?(a: string, b: string): string;
  /** A 64-bit hash of text (equal texts, equal hashes), for grouping many ids cheaply. */
  hash64(text: string): string;
  /** Whether text matches a regular expression in full. */
  fullMatch(text: string, pattern: string): string;
  /** Text with the given characters removed from both ends. */
  trimChars(text: string, chars: string): string;
  /** A condition true when text cannot be cast to an instant, where the engine can test that without failing (else absent). */
  castFails?(text: string): string;
  /** A cast that gives NULL instead of failing, where the engine has one: text cells are then checked in the evaluation query. */
  tryCast?(expr: string, type: string): string;
  /** A FROM item reading a Parquet file (path bound), with its 1-based row number as column `row`, where the engine can. */
  parquetScan?(path: string): string;
}
