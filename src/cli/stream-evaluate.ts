/**
 * Drives a two-pass evaluation (one contract or a portfolio) over a ledger file, streaming: pass 1
 * folds every row, pass 2 (only when some milestone has candidate crossing days, or some id may be
 * a duplicate) reads the file again. No row is kept after its callback returns, so memory depends
 * on what the evaluation keeps (days, customers, crossing-day rows, id hashes), not on the file.
 *
 * CSV rows reach the evaluation as arrays of cells (no object per row), and pass 2 skips, on their
 * raw bytes, the rows whose written date is far from every candidate day and whose id is not
 * suspect (CsvFilteredParser). NDJSON rows are objects (JSON.parse makes them anyway).
 */
import type { Evaluation } from '../evaluate';
import { columnLayout, dateIndex, emptyLedgerIssue, idIndex, type ColumnLayout, type LedgerRecord, type RowIssue } from '../ledger';
import {
  streamCsvCells,
  streamCsvCellsFiltered,
  streamLedgerRecords,
  type ByteRowFilter,
  type CellSink,
  type LedgerSource,
  type StreamFormat,
} from './ledger-stream';
import { ProgressBar } from './progress';

/** What a two-pass reader needs to know, for a CSV or an NDJSON ledger. */
export interface TwoPassConsumer {
  /** A row the reader could not read. Called just before that row's `cells` / `record`. */
  readIssue(issue: RowIssue): void;
  /** CSV: the header (trimmed, lower-cased names). */
  header(names: readonly string[]): void;
  cells(cells: string[], row: number): void;
  record(record: LedgerRecord, row: number): void;
  /** Ends pass 1: whether pass 2 is needed. */
  needsSecondPass(): boolean;
  /** After `needsSecondPass`, CSV: which rows pass 2 may skip on their bytes (null: none). */
  rowFilter(): ByteRowFilter | null;
  crossingCells(cells: string[], row: number): void;
  crossingRecord(record: LedgerRecord, row: number): void;
}

export interface DriveOptions {
  /** Shown in the progress line. */
  label: string;
  /** Draw progress on standard error when it is a terminal (default true). */
  progress?: boolean;
  chunkSize?: number;
}

export async function driveTwoPasses(source: LedgerSource, format: StreamFormat, consumer: TwoPassConsumer, options: DriveOptions): Promise<{ rows: number; passes: number }> {
  const bar = ProgressBar.create({ totalBytes: source.size * 2, label: options.label, enabled: options.progress !== false });
  let rows = 0;
  // A ledger with nothing in it (no CSV header; no NDJSON record) is an error, not "no sales".
  let empty = true;
  try {
    bar?.setPhase('pass 1/2');
    const onBytes = (b: number): void => bar?.update(b, rows);
    if (format === 'csv') {
      await streamCsvCells(
        source.path,
        {
          header(names) {
            empty = false;
            consumer.header(names);
          },
          issue: (issue) => consumer.readIssue(issue),
          cells(cells, row) {
            rows = row;
            consumer.cells(cells, row);
          },
        },
        { chunkSize: options.chunkSize, onBytes },
      );
    } else {
      await streamLedgerRecords(
        source.path,
        format,
        {
          issue(issue) {
            empty = false;
            consumer.readIssue(issue);
          },
          record(record, row) {
            empty = false;
            rows = row;
            consumer.record(record, row);
          },
        },
        { chunkSize: options.chunkSize, onBytes },
      );
    }
    if (empty) {
      consumer.readIssue(emptyLedgerIssue(format));
      return { rows, passes: 1 };
    }
    if (!consumer.needsSecondPass()) return { rows, passes: 1 };
    bar?.setPhase('pass 2/2');
    let rows2 = 0;
    const onBytes2 = (b: number): void => bar?.update(source.size + b, rows + rows2);
    const chunking = { chunkSize: options.chunkSize, onBytes: onBytes2 };
    if (format === 'csv') {
      const sink: CellSink = {
        header: () => undefined,
        issue: () => undefined,
        cells(cells, row) {
          rows2 = row;
          consumer.crossingCells(cells, row);
        },
      };
      const filter = consumer.rowFilter();
      if (filter === null) await streamCsvCells(source.path, sink, chunking);
      else await streamCsvCellsFiltered(source.path, sink, filter, chunking);
    } else {
      await streamLedgerRecords(
        source.path,
        format,
        {
          issue: () => undefined,
          record(record, row) {
            rows2 = row;
            consumer.crossingRecord(record, row);
          },
        },
        chunking,
      );
    }
    return { rows, passes: 2 };
  } finally {
    bar?.done();
  }
}

/** The consumer for one evaluation. */
export function evaluationConsumer(evaluation: Evaluation): TwoPassConsumer {
  let layout: ColumnLayout = columnLayout([]);
  return {
    readIssue: (issue) => evaluation.addReadIssue(issue),
    header(names) {
      layout = columnLayout(names);
    },
    cells: (cells, row) => evaluation.addCells(cells, layout, row),
    record: (record, row) => evaluation.addRecord(record, row),
    needsSecondPass: () => evaluation.needsSecondPass(),
    rowFilter() {
      if (dateIndex(layout) < 0) return null;
      return { dateIndex: dateIndex(layout), idIndex: idIndex(layout), ...evaluation.secondPassFilter() };
    },
    crossingCells: (cells, row) => evaluation.addCrossingCells(cells, layout, row),
    crossingRecord: (record, row) => evaluation.addCrossingRecord(record, row),
  };
}
