/**
 * Where each data row of a CSV ledger starts, and the local day pass 1 gave it (issue 4): with
 * them, pass 2 reads only the rows of its candidate crossing days, by position, instead of the
 * whole file again. On the 1M-row benchmark ledger that is about 8,000 rows instead of 62 MB
 * (the second pass drops from about 330 ms to a few tens).
 *
 * 12 bytes a row, so it is kept for at most `MAX_ROWS` rows (24 MB); longer ledgers, and files
 * with a byte that is not ASCII (where text offsets are not byte offsets), give it up and pass 2
 * reads the whole file as before.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { CsvStreamParser, type CellSink } from './ledger-stream';

const MAX_ROWS = 2 ** 21;
/** The day of a row that could not be read: never a candidate day. */
const UNREAD = -(2 ** 31);
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const BLOCK = 1 << 20;

export class RowPositions {
  /** Byte offset where row k + 1 starts, and its local day, in chunks of 65,536 rows. */
  private readonly starts: Float64Array[] = [];
  private readonly days: Int32Array[] = [];
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
      this.starts.push(new Float64Array(CHUNK));
      this.days.push(new Int32Array(CHUNK).fill(UNREAD));
    }
    this.starts[k >>> CHUNK_BITS][k & (CHUNK - 1)] = offset;
    this.rows = row;
  }

  /** The local day pass 1 gave row `row` (NaN when the row could not be read). */
  day(row: number, day: number): void {
    if (!this.usable || row !== this.rows) return;
    const k = row - 1;
    this.days[k >>> CHUNK_BITS][k & (CHUNK - 1)] = Number.isNaN(day) ? UNREAD : day;
  }

  /** Gives up: offsets would be wrong (a byte that is not ASCII), or there are too many rows. */
  abandon(): void {
    this.usable = false;
    this.starts.length = 0;
    this.days.length = 0;
  }

  /** Whether every one of `rows` rows has its position (pass 1 is over). */
  covers(rows: number): boolean {
    return this.usable && this.rows === rows;
  }

  /**
   * Pass 2 by position: reads the rows whose day is in `days` from `file` (`size` bytes), in file
   * order, and gives each one's cells to `sink` with its row number. The rows go through the same
   * reader as pass 1 (after a stand-in header), so quoting and blank lines are read as they were;
   * the file is read in blocks of 1 MiB or more, skipping those that hold no wanted row.
   */
  readRows(file: string, size: number, days: ReadonlySet<number>, sink: CellSink): void {
    const wanted: number[] = [];
    for (let k = 0; k < this.rows; k++) {
      if (days.has(this.days[k >>> CHUNK_BITS][k & (CHUNK - 1)])) wanted.push(k + 1);
    }
    if (wanted.length === 0) return;
    const startOf = (row: number): number => (row > this.rows ? size : this.starts[(row - 1) >>> CHUNK_BITS][(row - 1) & (CHUNK - 1)]);
    const parser = new CsvStreamParser({
      header: () => undefined,
      cells: (cells, k) => sink.cells(cells, wanted[k - 1]),
      issue: () => undefined,
    });
    parser.push('h\n');
    const fd = openSync(file, 'r');
    try {
      let block = Buffer.alloc(BLOCK);
      let blockStart = 0;
      let blockEnd = 0;
      for (const row of wanted) {
        const from = startOf(row);
        const to = startOf(row + 1);
        if (from < blockStart || to > blockEnd) {
          if (block.length < to - from) block = Buffer.alloc(to - from);
          blockStart = from;
          blockEnd = from + readSync(fd, block, 0, Math.min(block.length, size - from), from);
        }
        const text = block.toString('latin1', from - blockStart, to - blockStart);
        // The file's last row may lack its line end; the next row read must not join it.
        parser.push(text.endsWith('\n') ? text : `${text}\n`);
      }
      parser.end();
    } finally {
      closeSync(fd);
    }
  }
}
