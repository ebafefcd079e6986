/**
 * An incremental CSV reader: CSV from a file or standard input, one row at a time, never holding the
 * rows.
 *
 * It agrees with the in-memory reader of src/ledger/text-readers.ts (parseCsvLedger, built on papaparse)
 * record for record and row number for row number; spec/ledger-stream.test.ts compares them. CSV
 * dialect: a BOM is dropped; records end at LF, CRLF or a lone CR (old Mac files, which papaparse reads
 * by detecting CR as the file's line end); a field that starts with `"` is quoted and may
 * hold commas, `""` and line breaks; header names are trimmed and lower-cased; a line whose cells are
 * all blank is skipped and does not count as a row; a row with more or fewer cells than the header, an
 * unterminated quote, or text after a closing quote is reported as a malformed row (papaparse's
 * messages) and its cells are still read. One difference, on purpose: in a file that mixes line ends,
 * a lone LF or lone CR ends a record here too, where papaparse (which picks one line end from the first
 * rows) would keep it inside a cell.
 *
 * Why not papaparse's streaming mode: on the benchmark ledger it alone costs more than the whole
 * evaluation's budget of twice the floor (docs/performance.md). The loop below splits unquoted
 * records with `indexOf` + `split` and walks only quoted records character by character.
 */
import { malformedCsvRow, type CellSink } from './ledger-sinks';
import { duplicateColumnIssue, repeatedName } from '../ledger/duplicate-columns';
import { TextStreamParser, type RowStarts } from './utf8-stream';

export type { RowStarts };

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * An incremental CSV reader: `push` text chunks (or bytes with `pushBytes`), then `end`. Only the
 * current, unfinished record is kept between chunks.
 */
export class CsvStreamParser extends TextStreamParser {
  private readonly sink: CellSink;
  private header: string[] | null = null;
  private width = 0;
  private row = 0;

  /** The delimiter, and its character code for the loops that compare codes. */
  private readonly delimiter: string;
  private readonly delimiterCode: number;

  constructor(sink: CellSink, positions: RowStarts | null = null, delimiter: string = ',') {
    super(positions);
    this.sink = sink;
    this.delimiter = delimiter;
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /**
   * Reads what follows as data rows after a header of `width` cells that is not in the text (pass 2
   * by position reads rows without their header), without telling the sink of a header. The rows'
   * arrays are then made as in pass 1, and the loop optimized on pass 1's rows does not meet a
   * header it never read there (which sent it back to the interpreter at the start of pass 2).
   */
  assumeHeader(width: number): void {
    this.notAtStart();
    // Made as pass 1's header is (an array of strings without holes), so the parser's fields keep their kinds.
    const header: string[] = [];
    for (let i = 0; i < width; i++) header.push('');
    this.header = header;
    this.width = width;
  }

  protected pendingRow(): number {
    return this.header === null ? 0 : this.row + 1;
  }

  protected scan(text: string, final: boolean): number {
    const n = text.length;
    let pos = 0;
    // Position of the next quote at or after `pos` (-1: none left in this text; -2: not looked for
    // yet). It is first looked for inside the loop, under the condition, on purpose: V8's optimizing
    // compiler treats `indexOf` as free of side effects and moved a search written before the loop
    // into it, so that a text without any quote was searched to its end once per record: work
    // quadratic in the chunk, on every ledger without quotes.
    let quote = -2;
    // The next CR likewise (a lone CR ends a record too), looked for inside the loop for the same reason.
    let cr = -2;
    // The next delimiter at or after where the current cell starts (-1: none left), kept across
    // records so that a ledger with one column is not searched to the text's end once per record.
    let delim = -2;
    while (pos < n) {
      let nl = text.indexOf('\n', pos);
      if (quote !== -1 && quote < pos) quote = text.indexOf('"', pos);
      if (cr !== -1 && cr < pos) cr = text.indexOf('\r', pos);
      // The record's line end: LF, CRLF or a lone CR, whichever comes first (`next`: where the next record starts).
      let end = nl;
      let next = nl + 1;
      if (cr !== -1 && (nl === -1 || cr < nl)) {
        if (cr + 1 === n && !final) return pos; // a CR cut from its LF: wait for the next chunk
        end = cr;
        next = cr + 1 === nl ? nl + 1 : cr + 1;
      }
      if (quote === -1 || (end !== -1 && quote > end)) {
        // Fast path: no quote in this record.
        if (end === -1) {
          if (!final) return pos;
          end = n;
          next = n;
        }
        if (this.header === null) this.emit(text.slice(pos, end).split(this.delimiter), null, pos);
        else {
          // The cells by searching for each delimiter: a fraction of the cost of slicing the record
          // and splitting it (which makes one more string and an array of unknown size per record).
          const cells = new Array<string>(this.width);
          let k = 0;
          let from = pos;
          for (;;) {
            if (delim !== -1 && delim < from) delim = text.indexOf(this.delimiter, from);
            if (delim === -1 || delim >= end) {
              cells[k++] = text.slice(from, end);
              break;
            }
            cells[k++] = text.slice(from, delim);
            from = delim + 1;
          }
          if (k < cells.length) cells.length = k;
          this.emit(cells, null, pos);
        }
        pos = next;
        continue;
      }
      const after = this.quoted(text, pos, final, end === -1 ? n : end);
      if (after === -1) return pos;
      pos = after;
    }
    return n;
  }

  /**
   * Reads one record that holds a quote. Returns the position after it, or -1 when the record does
   * not end in this text (and more may come). `lineEnd`: the first LF or CR at or after `pos` (the
   * text's length when there is none).
   *
   * A quoted field is read by searching for its closing quote. An unquoted field cannot hold a line
   * end, so one that starts before `lineEnd` ends at the next delimiter or at `lineEnd`, found with
   * `indexOf` as on the fast path; only after a quoted field that held a line break is an unquoted
   * field walked character by character.
   */
  private quoted(text: string, pos: number, final: boolean, lineEnd: number): number {
    const n = text.length;
    const cells = new Array<string>(this.width > 0 ? this.width : 8);
    let count = 0;
    const delim = this.delimiterCode;
    let problem: string | null = null;
    let i = pos;
    for (;;) {
      // At the start of a field.
      if (i < n && text.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = i + 1;
        let j = from;
        for (;;) {
          j = text.indexOf('"', j);
          if (j === -1) {
            if (!final) return -1;
            // Unterminated: the rest of the text is the field.
            value += text.slice(from);
            cells[count++] = value;
            problem ??= 'Quoted field unterminated';
            this.emit(trim(cells, count), problem, pos);
            return n;
          }
          if (j + 1 < n && text.charCodeAt(j + 1) === QUOTE) {
            value += text.slice(from, j + 1);
            j += 2;
            from = j;
            continue;
          }
          if (j + 1 >= n && !final) return -1;
          value += text.slice(from, j);
          break;
        }
        i = j + 1;
        // After the closing quote: a delimiter, a line end, or the end of the text.
        let k = i;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === delim || c === LF || c === CR) break;
          k++;
        }
        if (k > i) {
          problem ??= 'Trailing quote on quoted field is malformed';
          value += text.slice(i, k);
        }
        if (k === n && !final) return -1;
        if (k < n && text.charCodeAt(k) === CR && k + 1 >= n && !final) return -1;
        cells[count++] = value;
        i = k;
      } else {
        let k: number;
        if (i <= lineEnd) {
          k = text.indexOf(this.delimiter, i);
          if (k === -1 || k > lineEnd) k = lineEnd;
        } else {
          k = i;
          while (k < n) {
            const c = text.charCodeAt(k);
            if (c === delim || c === LF || c === CR) break;
            k++;
          }
        }
        if (k === n && !final) return -1;
        if (k < n && text.charCodeAt(k) === CR && k + 1 >= n && !final) return -1;
        cells[count++] = text.slice(i, k);
        i = k;
      }
      if (i >= n) {
        this.emit(trim(cells, count), problem, pos);
        return n;
      }
      const c = text.charCodeAt(i);
      if (c === delim) {
        i++;
        if (i >= n) {
          if (!final) return -1;
          cells[count++] = '';
          this.emit(trim(cells, count), problem, pos);
          return n;
        }
        continue;
      }
      // A line end: LF, CRLF or a lone CR.
      if (c === CR && i + 1 < n && text.charCodeAt(i + 1) === LF) i++;
      this.emit(trim(cells, count), problem, pos);
      return i + 1;
    }
  }

  /** `start`: where the record starts in the text given to `scan`. */
  private emit(cells: string[], problem: string | null, start: number): void {
    if (this.header === null) {
      if (isBlank(cells)) return;
      this.header = cells.map((h) => h.trim().toLowerCase());
      this.width = this.header.length;
      const repeated = repeatedName(this.header);
      if (repeated !== null) this.sink.issue(duplicateColumnIssue(0, repeated));
      this.sink.header(this.header);
      return;
    }
    if (isBlank(cells)) return;
    const row = ++this.row;
    this.rowStart(row, start);
    if (problem !== null) this.sink.issue(malformedCsvRow(row, problem));
    if (cells.length !== this.width) {
      const which = cells.length > this.width ? 'Too many' : 'Too few';
      this.sink.issue(malformedCsvRow(row, `${which} fields: expected ${this.width} fields but parsed ${cells.length}`));
    }
    this.sink.cells(cells, row);
  }
}

/** The first `count` cells (a record's array is made for the header's width). */
function trim(cells: string[], count: number): string[] {
  if (count !== cells.length) cells.length = count;
  return cells;
}

/** papaparse's `skipEmptyLines: 'greedy'`: every cell blank. */
function isBlank(cells: string[]): boolean {
  // Nearly every row starts with a printable ASCII character: not blank, no trim needed.
  const c0 = cells[0].length > 0 ? cells[0].charCodeAt(0) : 0;
  if (c0 > 32 && c0 < 127) return false;
  if (cells.length === 1) return cells[0].trim() === '';
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}
