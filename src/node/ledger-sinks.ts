/**
 * What the streaming ledger readers hand their rows to: a CSV reader gives a header and then arrays of
 * cells (no object per row), an NDJSON reader gives records. Row numbers are 1-based and count data
 * records, as in src/ledger/rows.ts.
 */
import type { LedgerRecord, RowIssue } from '../ledger/rows';

/** Receives records in file order. `row` is 1-based and counts data records, as in src/ledger/rows.ts. */
export interface RecordSink {
  record(record: LedgerRecord, row: number): void;
  issue(issue: RowIssue): void;
}

/** Receives a CSV's header once, then each data row's cells (no object per row). */
export interface CellSink {
  header(names: readonly string[]): void;
  cells(cells: string[], row: number): void;
  issue(issue: RowIssue): void;
}

/** A CSV row that papaparse would call malformed, with papaparse's message. */
export function malformedCsvRow(row: number, message: string): RowIssue {
  return { row, column: '*', value: '', code: 'malformed-row', message: `malformed CSV: ${message}` };
}

/** Adapts a cell sink to records keyed by the (trimmed, lower-cased) header names. */
export function recordsFromCells(sink: RecordSink): CellSink {
  let names: readonly string[] = [];
  return {
    header(h) {
      names = h;
    },
    cells(cells, row) {
      const record: Record<string, string> = {};
      const n = Math.min(cells.length, names.length);
      for (let i = 0; i < n; i++) record[names[i]] = cells[i];
      sink.record(record, row);
    },
    issue: (i) => sink.issue(i),
  };
}
