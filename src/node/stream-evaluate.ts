/**
 * Drives a two-pass evaluation (one contract or a portfolio) over a ledger file, streaming: pass 1
 * folds every row, pass 2 (only when some milestone has candidate crossing days, or some id may be
 * a duplicate) reads the file again. No row is kept after its callback returns, so memory depends
 * on what the evaluation keeps (days, customers, crossing-day rows, id hashes), not on the file.
 *
 * CSV rows reach the evaluation as arrays of cells (no object per row); NDJSON rows are objects
 * (JSON.parse makes them anyway). For one evaluation of a UTF-8 CSV or NDJSON ledger of up to 2^24
 * rows, pass 1 also notes where each row starts and its local day, and pass 2 reads just the rows of
 * the candidate days, by position (row-positions.ts). Otherwise a CSV's pass 2 reads the whole file
 * and skips, on their raw bytes, the rows whose written date is far from every candidate day and
 * whose id is not suspect (CsvFilteredParser); an NDJSON's reads every line again.
 */
import type { SecondPassNeeds, TwoPassEvaluation } from '../evaluation/two-pass';
import { emptyLedgerIssue } from '../ledger/rows';
import { byteRowFilter } from './byte-prefilter';
import { streamCsvCells, streamCsvCellsFiltered, streamLedgerRecords, type ReadWork, type StreamFormat } from './ledger-file-reader';
import type { LedgerSource } from './ledger-source';
import type { CellSink } from './ledger-sinks';
import { statSync } from 'node:fs';
import { UsageError } from './io';
import { ProgressBar } from './progress';
import { RowPositions, type RowTarget } from './row-positions';
import type * as XlsxReader from './xlsx-reader';
import type { HiddenRows, WorkbookFacts } from '../ledger/workbook-reading';

export interface DriveOptions {
  /** Shown in the progress line. */
  label: string;
  /** Draw progress on standard error when it is a terminal (default true). */
  progress?: boolean;
  chunkSize?: number;
  /** Let pass 2 read rows by position when it can (default true; false: always the whole file). */
  byPosition?: boolean;
  /** A CSV delimiter other than the comma, or an encoding other than UTF-8 (both passes then read every row as text). */
  delimiter?: string;
  encoding?: string;
  /**
   * Asked after pass 1: false when the header the evaluation saw is not the file's (columns mapped
   * by another name), since the byte prefilter finds its columns by the file's names.
   */
  prefilter?: () => boolean;
  /** XLSX: the worksheet (default: the first the workbook shows). */
  sheet?: string;
  /** XLSX: hidden rows counted, left out, or (not given) each that row's error. */
  hiddenRows?: HiddenRows;
  /** XLSX: told of the workbook before its first row. */
  onWorkbook?: (facts: WorkbookFacts) => void;
}

/** What the two passes read: rows, passes, and their work (which tests bound). */
export interface DriveResult {
  rows: number;
  passes: number;
  /** Rows read by position in pass 2 (null: pass 2 read the file). */
  rowsByPosition: number | null;
  /** Rows given to the evaluation again in pass 2. */
  secondPassRows: number;
  /** Characters decoded and read over both passes, counting any read twice. */
  decoded: number;
  /** XLSX: the workbook, and the rows its sheet hides (pass 1). */
  xlsx?: XlsxReader.XlsxRead;
}

export async function driveTwoPasses(source: LedgerSource, format: StreamFormat | 'xlsx', evaluation: TwoPassEvaluation<unknown>, options: DriveOptions): Promise<DriveResult> {
  const bar = ProgressBar.create({ totalBytes: source.size * 2, label: options.label, enabled: options.progress !== false });
  let rows = 0;
  let secondPassRows = 0;
  const work: ReadWork = { decoded: 0 };
  let rowsByPosition: number | null = null;
  let workbook: XlsxReader.XlsxRead | undefined;
  const result = (passes: number): DriveResult => ({ rows, passes, rowsByPosition, secondPassRows, decoded: work.decoded, ...(workbook !== undefined ? { xlsx: workbook } : {}) });
  // A ledger with nothing in it (no CSV header; no NDJSON record) is an error, not "no sales".
  let empty = true;
  // Row positions and the byte prefilter judge raw bytes as comma-separated UTF-8.
  const plainBytes = (options.delimiter ?? ',') === ',' && (options.encoding ?? 'utf-8') === 'utf-8';
  const dialect = { delimiter: options.delimiter, encoding: options.encoding };
  const positions = format !== 'xlsx' && plainBytes && evaluation.rowDays && options.byPosition !== false ? new RowPositions() : undefined;
  let names: readonly string[] = [];
  try {
    bar?.setPhase('pass 1/2');
    let read = 0;
    const onBytes = (b: number): void => {
      read = b;
      bar?.update(b, rows);
    };
    // exceljs loads only for a workbook: it would add to every evaluation's start-up.
    const xlsx = format === 'xlsx' ? (require('./xlsx-reader') as typeof XlsxReader) : null;
    if (xlsx !== null) {
      workbook = await xlsx.streamXlsxCells(source.path, { sheet: options.sheet, hiddenRows: options.hiddenRows, onWorkbook: options.onWorkbook }, {
        header(header) {
          empty = false;
          evaluation.header(header);
        },
        issue: (issue) => evaluation.readIssue(issue),
        cells(cells, row) {
          rows = row;
          evaluation.cells(cells, row);
        },
      });
      read = source.size;
    } else if (format === 'csv') {
      await streamCsvCells(
        source.path,
        {
          header(header) {
            empty = false;
            names = header;
            evaluation.header(header);
          },
          issue: (issue) => evaluation.readIssue(issue),
          cells(cells, row) {
            rows = row;
            const day = evaluation.cells(cells, row);
            positions?.day(row, day);
          },
        },
        { chunkSize: options.chunkSize, onBytes, positions, work, ...dialect },
      );
    } else if (format === 'ndjson') {
      await streamLedgerRecords(
        source.path,
        format,
        {
          issue(issue) {
            empty = false;
            evaluation.readIssue(issue);
          },
          record(record, row) {
            empty = false;
            rows = row;
            const day = evaluation.record(record, row);
            positions?.day(row, day);
          },
        },
        { chunkSize: options.chunkSize, onBytes, positions, work, ...dialect },
      );
    }
    if (empty) {
      evaluation.readIssue(emptyLedgerIssue(format === 'xlsx' ? 'csv' : format));
      return result(1);
    }
    assertUnchanged(source, read);
    const needs = evaluation.endPass1();
    if (needs === null) return result(1);
    bar?.setPhase('pass 2/2');
    let rows2 = 0;
    const onBytes2 = (b: number): void => bar?.update(source.size + b, rows + rows2);
    const chunking = { chunkSize: options.chunkSize, onBytes: onBytes2, work, ...dialect };
    if (positions !== undefined && format !== 'xlsx' && positions.covers(rows) && byDay(needs)) {
      const target: RowTarget =
        format === 'csv'
          ? {
              format,
              width: names.length,
              sink: {
                header: () => undefined,
                issue: () => undefined,
                cells(cells, row) {
                  secondPassRows++;
                  evaluation.crossingCells(cells, row);
                },
              },
            }
          : {
              format,
              sink: {
                issue: () => undefined,
                record(record, row) {
                  secondPassRows++;
                  evaluation.crossingRecord(record, row);
                },
              },
            };
      const read = positions.readRows(source.path, source.size, needs.days, target);
      rowsByPosition = read.rows;
      work.decoded += read.decoded;
      bar?.update(source.size * 2, rows * 2);
    } else if (format === 'csv' || format === 'xlsx') {
      const sink: CellSink = {
        header: () => undefined,
        issue: () => undefined,
        cells(cells, row) {
          rows2 = row;
          secondPassRows++;
          evaluation.crossingCells(cells, row);
        },
      };
      const filter = format === 'csv' && plainBytes && (options.prefilter?.() ?? true) ? byteRowFilter(names, needs) : null;
      if (xlsx !== null) await xlsx.streamXlsxCells(source.path, { sheet: options.sheet, hiddenRows: options.hiddenRows }, sink);
      else if (filter === null) await streamCsvCells(source.path, sink, chunking);
      else await streamCsvCellsFiltered(source.path, sink, filter, chunking);
    } else if (format === 'ndjson') {
      await streamLedgerRecords(
        source.path,
        format,
        {
          issue: () => undefined,
          record(record, row) {
            rows2 = row;
            secondPassRows++;
            evaluation.crossingRecord(record, row);
          },
        },
        chunking,
      );
    }
    assertUnchanged(source, source.size);
    return result(2);
  } finally {
    bar?.done();
  }
}

/** Whether pass 2 needs just the rows of some days (not also every row of a suspect id, nor per seller). */
function byDay(needs: SecondPassNeeds): boolean {
  return needs.suspectIdHashes === null && needs.sellerDays === undefined;
}

/**
 * The two passes must read the same bytes: a ledger still being written (an export in progress)
 * would give totals from one version and crossing rows from another. Refused, never evaluated.
 */
function assertUnchanged(source: LedgerSource, bytesRead: number): void {
  const now = statSync(source.path, { throwIfNoEntry: false });
  const why =
    bytesRead !== source.size ? `${bytesRead.toLocaleString('en-US')} bytes were read of the ${source.size.toLocaleString('en-US')} it had when opened`
    : now === undefined ? 'it is gone'
    : now.size !== source.size ? `its size went from ${source.size.toLocaleString('en-US')} to ${now.size.toLocaleString('en-US')} bytes`
    : source.modifiedMs !== undefined && now.mtimeMs !== source.modifiedMs ? 'it was written to'
    : null;
  if (why !== null) {
    throw new UsageError(`'${source.path}' changed while it was being read (${why}), so its two passes would not see the same rows: evaluate a copy that nothing is writing to.`);
  }
}
