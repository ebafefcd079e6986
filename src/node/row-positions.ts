/**
 * Where each data row of a CSV or NDJSON ledger starts, and the local day pass 1 gave it: with
 * them, pass 2 reads only the rows of its candidate crossing days, by position, instead of the
 * whole file again (docs/performance.md has the figures).
 *
 * 4 bytes a row (its length in bytes, and its day modulo 65,536), for at most `MAX_ROWS` rows (64 MB;
 * 40 MB for 10M rows). Days 65,536 apart (179 years) share a value, so pass 2 may also read rows it
 * does not need (the evaluation skips them, as it skips every row off its candidate days): never one
 * too few. A byte a row (days modulo 256) made every year-long ledger's pass 2 read twice the rows it
 * needs: a day in March shares its value with one in November. It is
 * given up, and pass 2 reads the whole file as before, for longer ledgers or a row of 64 KB or more.
 * Offsets are bytes on any UTF-8 ledger (utf8-stream.ts finds them on text that is not ASCII).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { CsvStreamParser } from './csv-stream';
import type { CellSink, RecordSink } from './ledger-sinks';
import { NdjsonStreamParser } from './ndjson-stream';

/**
 * Where pass 2's rows go: a CSV's cells or an NDJSON line's record. `width`: the CSV header's cells
 * in pass 1 (the rows are then read as after that header; without it, after a stand-in header).
 */
export type RowTarget = { format: 'csv'; sink: CellSink; width?: number } | { format: 'ndjson'; sink: RecordSink };

const MAX_ROWS = 2 ** 24;
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const BLOCK = 1 << 20;
/** The bytes of wanted rows decoded together (below V8's large-object size as text). */
const BATCH = 1 << 16;

export class RowPositions {
  /** In chunks of 65,536 rows: the bytes from row k + 1's start to the next row's, and its day modulo 65,536. */
  private readonly lengths: Uint16Array[] = [];
  private readonly days: Uint16Array[] = [];
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
      this.days.push(new Uint16Array(CHUNK));
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
    this.days[k >>> CHUNK_BITS][k & (CHUNK - 1)] = day & 0xffff;
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
   * Pass 2 by position: reads the rows whose day modulo 65,536 is that of a day in `days` from `file`
   * (`size` bytes), in file order, and gives each one (a CSV row's cells, an NDJSON line's record) to
   * `target` with its row number. The rows go through the same reader as pass 1 (for CSV after a
   * header of pass 1's width, or a stand-in header), so quoting and blank lines are read as they were;
   * the file is read in blocks of 1 MiB or more, skipping those that hold no wanted row. Returns
   * how many rows were read and the characters decoded.
   *
   * The wanted rows' bytes are copied one after the other into a batch of at most 64 KiB, given to
   * the reader as pass 1's chunks were: each range is whole records (its row's line end, and any
   * blank lines after it, end it), so the reader reads the records it would read one range at a
   * time, with the code pass 1 ran, and a batch costs what a chunk of pass 1 costs instead of a
   * string and a scan per row.
   */
  readRows(file: string, size: number, days: ReadonlySet<number>, target: RowTarget): { rows: number; decoded: number } {
    const want = new Uint8Array(1 << 16);
    for (const d of days) want[d & 0xffff] = 1;
    const picked = this.pick(want, size);
    const count = picked.count;
    if (count === 0) return { rows: 0, decoded: 0 };
    const { wanted, from, to } = picked;
    let parser: CsvStreamParser | NdjsonStreamParser;
    if (target.format === 'csv') {
      const sink = target.sink;
      // The sink's properties in pass 1's order (header, issue, cells): one shape for the reader's code to meet.
      parser = new CsvStreamParser({ header: () => undefined, issue: () => undefined, cells: (cells, k) => sink.cells(cells, wanted[k - 1]) });
      parser.notAtStart();
      if (target.width !== undefined && target.width > 0) parser.assumeHeader(target.width);
      else parser.push('h\n');
    } else {
      const sink = target.sink;
      parser = new NdjsonStreamParser({ record: (record, k) => sink.record(record, wanted[k - 1]), issue: () => undefined });
      parser.notAtStart();
    }
    const fd = openSync(file, 'r');
    try {
      let block = Buffer.allocUnsafe(BLOCK);
      let blockStart = 0;
      let blockEnd = 0;
      const batch = Buffer.allocUnsafe(BATCH);
      let used = 0;
      for (let i = 0; i < count; i++) {
        const a = from[i];
        const b = to[i];
        if (a < blockStart || b > blockEnd) {
          if (block.length < b - a) block = Buffer.allocUnsafe(b - a);
          blockStart = a;
          blockEnd = a + readSync(fd, block, 0, Math.min(block.length, size - a), a);
        }
        // Each range ends with its row's line end, but for the file's last row, which is read last
        // and finished by `end` exactly as in pass 1. The ranges are given as bytes, as pass 1's
        // chunks were (the same checks, the same decoding and text).
        if (used + (b - a) > BATCH && used > 0) {
          parser.pushBytes(batch.subarray(0, used));
          used = 0;
        }
        if (b - a > BATCH) parser.pushBytes(block.subarray(a - blockStart, b - blockStart));
        else {
          for (let j = a - blockStart, end = b - blockStart; j < end; j++) batch[used++] = block[j];
        }
      }
      if (used > 0) parser.pushBytes(batch.subarray(0, used));
      parser.end();
    } finally {
      closeSync(fd);
    }
    return { rows: count, decoded: parser.decoded };
  }

  /** The rows whose day slot `want` marks: their numbers and byte ranges, in file order. */
  private pick(want: Uint8Array, size: number): { count: number; wanted: Int32Array; from: Float64Array; to: Float64Array } {
    let wanted = new Int32Array(1024);
    let from = new Float64Array(1024);
    let to = new Float64Array(1024);
    let count = 0;
    let at = this.firstStart;
    const rows = this.rows;
    for (let c = 0; c * CHUNK < rows; c++) {
      const lengths = this.lengths[c];
      const days = this.days[c];
      const base = c * CHUNK;
      const n = Math.min(CHUNK, rows - base);
      for (let j = 0; j < n; j++) {
        const next = base + j + 1 < rows ? at + lengths[j] : size;
        if (want[days[j]] === 1) {
          if (count === wanted.length) {
            wanted = grown(wanted, new Int32Array(2 * count));
            from = grown(from, new Float64Array(2 * count));
            to = grown(to, new Float64Array(2 * count));
          }
          wanted[count] = base + j + 1;
          from[count] = at;
          to[count] = next;
          count++;
        }
        at = next;
      }
    }
    return { count, wanted, from, to };
  }
}

/** `into` holding `from`'s values first. */
function grown<T extends Int32Array | Float64Array>(from: T, into: T): T {
  into.set(from as never);
  return into;
}
