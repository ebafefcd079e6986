/**
 * Puts a ledger reading (column mapping and the checks for problems that would repeat on every row:
 * src/ledger/ledger-reading.ts) between a streamed reader (the command line's, or a library caller's
 * feeding `startEvaluation`) and a two-pass evaluation, so the streamed path reads exports exactly as
 * the in-memory one does; the cells' formats are read by the
 * evaluation's normalizer (`translator.formats`). After a problem that would repeat on every row
 * (`translator.fatal`) the evaluation gets that one error and no more rows.
 */
import type { TwoPassEvaluation } from './two-pass';
import type { LedgerTranslator } from '../ledger/ledger-reading';

export function readingEvaluation<Report>(inner: TwoPassEvaluation<Report>, translator: LedgerTranslator): TwoPassEvaluation<Report> {
  let stopped = false;
  /** True when the translator has just found the ledger's one error: it is passed on, the rest is not. */
  const halted = (): boolean => {
    if (stopped) return true;
    if (translator.fatal === null) return false;
    stopped = true;
    inner.readIssue(translator.fatal);
    return true;
  };
  return {
    rowDays: inner.rowDays,
    readIssue(issue) {
      if (!stopped) inner.readIssue(issue);
    },
    header(names) {
      const mapped = translator.header(names);
      if (!halted()) inner.header(mapped);
    },
    cells(cells, row) {
      if (stopped) return Number.NaN;
      const issue = translator.cells(cells, row);
      if (halted()) return Number.NaN;
      // A row that is not a sale (a total, a repeated header) is that row's error; the evaluation then only counts it.
      if (issue !== null) inner.readIssue(issue);
      return inner.cells(cells, row);
    },
    record(record, row) {
      if (stopped) return Number.NaN;
      const renamed = translator.record(record, row);
      if (halted()) return Number.NaN;
      if (translator.rowIssue !== null) inner.readIssue(translator.rowIssue);
      return inner.record(renamed, row);
    },
    endPass1() {
      const needs = inner.endPass1();
      return stopped ? null : needs;
    },
    crossingCells(cells, row) {
      if (!stopped) inner.crossingCells(translator.crossingCells(cells), row);
    },
    crossingRecord(record, row) {
      if (!stopped) inner.crossingRecord(translator.record(record, row), row);
    },
    finish: () => inner.finish(),
  };
}
