/**
 * Where each data row of a CSV or NDJSON ledger starts, and the local day pass 1 gave it: with
 * them, pass 2 reads only the rows of its candidate crossing days, by position, instead of the
 * whole file again (docs/performance.md has the figures).
 *
 * 3 bytes a row (its length in bytes, and its day modulo 256), for at most `MAX_ROWS` rows (48 MB;
 * 30 MB for 10M rows). Days 256 apart share a value, so pass 2 also reads some rows it does not need
 * (the evaluation skips them, as it skips every row off its candidate days): never one too few. It is
 * given up, and pass 2 reads the whole file as before, for longer ledgers or a row of 64 KB or more.
 * Offsets are bytes on any UTF-8 ledger (utf8-stream.ts finds them on text that is not ASCII).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { CsvStreamParser } from './csv-stream';
import type { CellSink, RecordSink } from './ledger-sinks';
import { NdjsonStreamParser } from './ndjson-stream';

/** Where pass 2's rows go: a CSV's cells (after a stand-in header) or an NDJSON line's record. */
export type RowTarget = { format: 'csv'; sink: CellSink } | { format: 'ndjson'; sink: RecordSink };

const MAX_ROWS = 2 ** 24;
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const BLOCK = 1 << 20;

export class RowPositions {
  /** In chunks of 65,536 rows: the bytes from row k + 1's start to the next row's, and its day modulo 256. */
  private readonly lengths: Uint16Array[] = [];
  private readonly days: Uint8Array[] = [];
  private firstStart = 0;
  private lastStart = 0;
  private rows = 0;
  private usable = true;

  constructor(private readonly maxRows = MAX_ROWS) {}

  /** Row `row` (1-based, rows arrive in order) starts at byte `offset`. */
  start(row: number, offset: number): void {
    if (!this.usable) return;
    if (row !== this.rows + 1 || row > this.maxRows) {
      this.abandon();
      return;
    }
    const k = row - 1;
    if ((k & (CHUNK - 1)) === 0) {
      this.lengths.push(new Uint16Array(CHUNK));
      this.days.push(new Uint8Array(CHUNK));
    }
    if (row === 1) this.firstStart = offset;
    else {
      const length = offset - this.lastStart;
      if (length > 0xffff) {
        this.abandon();
        return;
      }
      this.lengths[(k - 1) >>> CHUNK_BITS][(k - 1) & (CHUNK - 1)] = length;
    }
    this.lastStart = offset;
    this.rows = row;
  }

  /**
   * The local day pass 1 gave row `row`. NaN (the row could not be read) leaves 0: at worst the row
   * is read again in pass 2, where it is skipped as in pass 1.
   */
  day(row: number, day: number): void {
    if (!this.usable || row !== this.rows || Number.isNaN(day)) return;
    const k = row - 1;
    this.days[k >>> CHUNK_BITS][k & (CHUNK - 1)] = day & 0xff;
  }

  /** Gives up: a row does not fit, or rows skip. */
  abandon(): void {
    this.usable = false;
    this.lengths.length = 0;
    this.days.length = 0;
  }

  /** Whether every one of `rows` rows has its position (pass 1 is over). */
  covers(rows: number): boolean {
    return this.usable && this.rows === rows;
  }

  /**
   * Pass 2 by position: reads the rows whose day modulo 256 is that of a day in `days` from `file`
   * (`size` bytes), in file order, and gives each one (a CSV row's cells, an NDJSON line's record) to
   * `target` with its row number. The rows go through the same reader as pass 1 (for CSV after a
   * stand-in header), so quoting and blank lines are read as they were;
   * the file is read in blocks of 1 MiB or more, skipping those that hold no wanted row. Returns
   * how many rows were read and the characters decoded.
   */
  readRows(file: string, size: number, days: ReadonlySet<number>, target: RowTarget): { rows: number; decoded: number } {
    const want = new Uint8Array(256);
    for (const d of days) want[d & 0xff] = 1;
    const wanted: number[] = [];
    const from: number[] = [];
    const to: number[] = [];
    let at = this.firstStart;
    for (let k = 0; k < this.rows; k++) {
      const next = k + 1 < this.rows ? at + this.lengths[k >>> CHUNK_BITS][k & (CHUNK - 1)] : size;
      if (want[this.days[k >>> CHUNK_BITS][k & (CHUNK - 1)]] === 1) {
        wanted.push(k + 1);
        from.push(at);
        to.push(next);
      }
      at = next;
    }
    if (wanted.length === 0) return { rows: 0, decoded: 0 };
    let parser: CsvStreamParser | NdjsonStreamParser;
    if (target.format === 'csv') {
      const sink = target.sink;
      parser = new CsvStreamParser({ header: () => undefined, cells: (cells, k) => sink.cells(cells, wanted[k - 1]), issue: () => undefined });
      parser.push('h\n');
    } else {
      const sink = target.sink;
      parser = new NdjsonStreamParser({ record: (record, k) => sink.record(record, wanted[k - 1]), issue: () => undefined });
    }
    const fd = openSync(file, 'r');
    try {
      let block = Buffer.alloc(BLOCK);
      let blockStart = 0;
      let blockEnd = 0;
      for (let i = 0; i < wanted.length; i++) {
        if (from[i] < blockStart || to[i] > blockEnd) {
          if (block.length < to[i] - from[i]) block = Buffer.alloc(to[i] - from[i]);
          blockStart = from[i];
          blockEnd = from[i] + readSync(fd, block, 0, Math.min(block.length, size - from[i]), from[i]);
        }
        // Each range ends with its row's line end, but for the file's last row, which is read last
        // and finished by `end` exactly as in pass 1.
        // Pass 1 found the file UTF-8 and cut these bytes after a line end: decoded alone, they give
        // the text pass 1 read.
        parser.push(block.toString('utf8', from[i] - blockStart, to[i] - blockStart));
      }
      parser.end();
    } finally {
      closeSync(fd);
    }
    return { rows: wanted.length, decoded: parser.decoded };
  }
}
