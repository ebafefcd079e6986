/**
 * Drives a two-pass evaluation (one contract or a portfolio) over a ledger file, streaming: pass 1
 * folds every record, pass 2 (only when some milestone has candidate crossing days) reads the file
 * again for the crossing rows. No record is kept after its callback returns, so memory depends on
 * what the evaluation keeps (days, customers, crossing-day rows), not on the file.
 */
import type { LedgerRecord, RowIssue } from '../ledger';
import { streamLedgerRecords, type LedgerSource, type RecordSink, type StreamFormat } from './ledger-stream';
import { ProgressBar } from './progress';

export interface TwoPassConsumer {
  /** A row the reader could not read; `record` holds what was read of it. Called before `record`. */
  readIssue(issue: RowIssue, record: LedgerRecord): void;
  record(record: LedgerRecord, row: number): void;
  /** Ends pass 1: whether pass 2 is needed. */
  needsSecondPass(): boolean;
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
  let pending: RowIssue[] = [];
  const first: RecordSink = {
    issue(issue) {
      pending.push(issue);
    },
    record(record, row) {
      rows++;
      if (pending.length > 0) {
        const mine = pending.filter((i) => i.row === row);
        pending = pending.filter((i) => i.row !== row);
        for (const issue of mine) consumer.readIssue(issue, record);
      }
      consumer.record(record, row);
    },
  };
  try {
    bar?.setPhase('pass 1/2');
    await streamLedgerRecords(source.path, format, first, { chunkSize: options.chunkSize, onBytes: (b) => bar?.update(b, rows) });
    // An issue without a record (none today) still counts.
    for (const issue of pending) consumer.readIssue(issue, {});
    if (!consumer.needsSecondPass()) return { rows, passes: 1 };
    bar?.setPhase('pass 2/2');
    let rows2 = 0;
    const second: RecordSink = {
      issue: () => undefined,
      record(record, row) {
        rows2++;
        consumer.crossingRecord(record, row);
      },
    };
    await streamLedgerRecords(source.path, format, second, { chunkSize: options.chunkSize, onBytes: (b) => bar?.update(source.size + b, rows + rows2) });
    return { rows, passes: 2 };
  } finally {
    bar?.done();
  }
}
