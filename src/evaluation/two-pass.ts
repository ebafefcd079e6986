/**
 * The two-pass protocol that one evaluation and a portfolio both follow, and that every reader
 * drives: the in-memory `evaluate`, and the streaming readers of src/node/.
 *
 *   1. pass 1: every row once, in file order: `readIssue` (a row the reader could not read, just
 *      before that row), `header` then `cells` for rows read as cells (CSV), or `record`;
 *   2. `endPass1()` returns what pass 2 needs, or null when no second pass is needed;
 *   3. pass 2: the rows again (`crossingCells` / `crossingRecord`); a reader may leave out rows
 *      that `SecondPassNeeds` says are not needed, and must give every row that is;
 *   4. `finish()` returns the report (the same report on later calls).
 *
 * Row numbers are 1-based and count data records, in both passes.
 */
import type { LedgerRecord, RowIssue } from '../ledger/rows';

/** What pass 2 needs, as pass 1 ends. */
export interface SecondPassNeeds {
  /**
   * The local days (days since 1970-01-01, in the contract's zone) whose rows pass 2 needs. A
   * written date is at most two days from the local day it denotes, whatever its offset.
   */
  days: ReadonlySet<number>;
  /** `hashId` (id-hash.ts) values of ids that may repeat: every row whose id has one is needed too. Null: none. */
  suspectIdHashes: ReadonlySet<number> | null;
  /**
   * For a portfolio, whose contracts have their own days: per seller (`hashId` of the trimmed,
   * lower-cased `seller` cell), the days its contracts need; `days` is then empty and a row is
   * needed when its day is among its seller's. Hash collisions only merge days: never a missed row.
   */
  sellerDays?: ReadonlyMap<number, ReadonlySet<number>>;
}

export interface TwoPassEvaluation<Report> {
  /**
   * Whether `cells` and `record` return each row's local day, so that a reader that remembers where each row
   * starts can fetch pass 2's rows by day (one evaluation: one zone; not a portfolio).
   */
  readonly rowDays: boolean;
  readIssue(issue: RowIssue): void;
  /** Rows read as cells: the header's names (trimmed, lower-cased), once, before the first row. */
  header(names: readonly string[]): void;
  /** Pass 1, a row read as cells. Returns its local day when `rowDays` (NaN: not read). */
  cells(cells: readonly string[], row: number): number;
  /** Pass 1, a row read as a record. Returns its local day when `rowDays` (NaN: not read). */
  record(record: LedgerRecord, row: number): number;
  endPass1(): SecondPassNeeds | null;
  crossingCells(cells: readonly string[], row: number): void;
  crossingRecord(record: LedgerRecord, row: number): void;
  finish(): Report;
}

/** Both passes over records in memory; row numbers are array positions + 1. */
export function runInMemory<Report>(evaluation: TwoPassEvaluation<Report>, records: readonly LedgerRecord[]): Report {
  for (let i = 0; i < records.length; i++) evaluation.record(records[i], i + 1);
  if (evaluation.endPass1() !== null) {
    for (let i = 0; i < records.length; i++) evaluation.crossingRecord(records[i], i + 1);
  }
  return evaluation.finish();
}
