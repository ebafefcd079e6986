/**
 * Streaming ledger readers for the CLI (issue 4): CSV and NDJSON from a file or standard input,
 * one record at a time, never holding the rows. Standard input is spooled to a temporary file
 * first, because the evaluation reads the ledger twice.
 *
 * The readers agree with the in-memory text readers of src/ledger/ledger.ts (parseCsvLedger, built on
 * papaparse, and parseNdjsonLedger) record for record and row number for row number; the tests in
 * spec/ledger-stream.test.ts compare them. CSV dialect: a BOM is dropped; records end at LF or
 * CRLF; a field that starts with `"` is quoted and may hold commas, `""` and line breaks; header
 * names are trimmed and lower-cased; a line whose cells are all blank is skipped and does not count
 * as a row; a row with more or fewer cells than the header, an unterminated quote, or text after a
 * closing quote is reported as a malformed row (papaparse's messages) and its cells are still read.
 * One difference, on purpose: in a file that mixes line ends, a lone LF ends a record here too,
 * where papaparse (which picks one line end from the first rows) would keep it inside a cell.
 *
 * Why not papaparse's streaming mode: on this machine (2 cores, Node 20), for a 1M-row, 62 MB CSV
 * ledger, papaparse over a read stream took 7.3 s with `header: true` + `step`, and 2.3 s with
 * arrays + `chunk`, while the whole floor (read, split, Date.parse, Number; bench/floor.ts) took
 * 1.8 s: the library alone was above the 2x budget for the whole evaluation. The hand-written
 * loop below splits unquoted records with `indexOf` + `split` and walks only quoted records
 * character by character.
 *
 * Bytes are decoded with a StringDecoder, which keeps a UTF-8 character cut between two chunks
 * whole; a record cut between chunks (including a CRLF pair cut after the CR) is carried over to
 * the next chunk. Quotes, commas and line breaks are ASCII, so decoding before splitting is safe.
 * Bytes that are not UTF-8 are refused (`Utf8StreamError`; the file readers turn it into the same
 * usage error, exit 2, as src/node/io.ts gives for files read whole), never decoded to U+FFFD: each
 * chunk is checked with `isUtf8` (native: about 20 ms more per 62 MB than the StringDecoder alone,
 * where a fatal TextDecoder in streaming mode took 60-120 ms more), and a character cut by a
 * chunk's end is checked once the next chunk completes it.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { closeSync, createReadStream, createWriteStream, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { pipeline } from 'node:stream/promises';
import { fmix32 } from '../evaluation/id-hash';
import type { LedgerRecord, RowIssue } from '../ledger/ledger';
import { firstInvalidUtf8, UsageError } from './io';
import type { RowPositions } from './row-positions';

/** Receives records in file order. `row` is 1-based and counts data records, as in src/ledger/ledger.ts. */
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

function malformed(row: number, message: string): RowIssue {
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

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Bytes of a streamed ledger that are not UTF-8. `byte` is the 0-based offset of the first bad byte
 * in the stream (BOM included); `truncated`: a well-formed start of a character that the input ends
 * in the middle of. The file readers below turn it into io.ts's message, with line and column.
 */
export class Utf8StreamError extends UsageError {
  constructor(
    readonly byte: number,
    readonly value: number,
    readonly truncated: boolean,
  ) {
    super(`it is not UTF-8 text: byte ${hexByte(value)} (byte ${byte + 1} of the input) ${truncated ? 'starts a character that the input ends in the middle of' : 'is not part of any UTF-8 character'}.`);
  }
}

const hexByte = (b: number): string => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** How many bytes a UTF-8 sequence starting with `b` has (1 for ASCII and for bytes that start none). */
function sequenceLength(b: number): number {
  return b < 0xc0 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
}

/**
 * What the CSV and NDJSON readers share: strict UTF-8 decoding of byte chunks, a BOM dropped at the
 * start, and the text of the unfinished record carried over to the next chunk. A subclass reads
 * the complete records of each text in `scan`.
 */
abstract class TextStreamParser {
  private readonly decoder = new StringDecoder('utf8');
  /** The 1 to 3 bytes of a character cut by the last chunk's end (not checked yet), or null. */
  private cut: Buffer | null = null;
  /** Bytes pushed so far. */
  private offset = 0;
  private carry = '';
  private started = false;
  /** Offset in the decoded text (after a BOM) of the first character of the text `scan` is given. */
  protected textStart = 0;

  /** Decodes a chunk of UTF-8 bytes; throws `Utf8StreamError` at the first byte that is not UTF-8. */
  pushBytes(bytes: Uint8Array): void {
    this.check(bytes);
    this.push(this.decoder.write(bytes as Buffer));
  }

  push(chunk: string): void {
    if (chunk.length === 0) return;
    let text = this.carry.length > 0 ? this.carry + chunk : chunk;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const done = this.scan(text, false);
    this.textStart += done;
    this.carry = text.slice(done);
  }

  end(): void {
    const cut = this.cut;
    if (cut !== null) {
      const bad = firstInvalidUtf8(cut) ?? { at: 0, truncated: true };
      throw new Utf8StreamError(this.offset - cut.length + bad.at, cut[bad.at], bad.truncated);
    }
    const rest = this.decoder.end();
    if (rest.length > 0) this.push(rest);
    const text = this.carry;
    this.carry = '';
    if (text.length > 0) this.scan(text, true);
  }

  /** Reads every complete record of `text` (all of it when `final`); returns where the unfinished one starts. */
  protected abstract scan(text: string, final: boolean): number;

  /**
   * Throws at the first byte of `bytes` that is not UTF-8, counting a character cut by the end of
   * the previous chunk, and keeps the bytes of one cut by this chunk's end for the next check.
   */
  private check(bytes: Uint8Array): void {
    const start = this.offset;
    const n = bytes.length;
    this.offset += n;
    let from = 0;
    if (this.cut !== null) {
      const cut = this.cut;
      from = Math.min(n, sequenceLength(cut[0]) - cut.length);
      const joined = Buffer.concat([cut, bytes.subarray(0, from)]);
      const bad = firstInvalidUtf8(joined);
      this.cut = null;
      if (bad !== null) {
        if (!bad.truncated) throw new Utf8StreamError(start - cut.length + bad.at, joined[bad.at], false);
        this.cut = joined; // still cut: this chunk was shorter than the rest of the character
        return;
      }
    }
    // A lead byte among the last three whose character does not fit: checked with the next chunk.
    let tail = n;
    for (let i = n - 1; i >= from && i >= n - 3; i--) {
      const b = bytes[i];
      if (b < 0x80) break;
      if (b >= 0xc0) {
        if (n - i < sequenceLength(b)) tail = i;
        break;
      }
    }
    const body = from === 0 && tail === n ? bytes : bytes.subarray(from, tail);
    if (!isUtf8(body)) {
      const at = firstInvalidUtf8(body)?.at ?? 0;
      throw new Utf8StreamError(start + from + at, body[at], false);
    }
    if (tail < n) this.cut = Buffer.from(bytes.subarray(tail));
  }
}

/**
 * An incremental CSV reader: `push` text chunks (or bytes with `pushBytes`), then `end`. Only the
 * current, unfinished record is kept between chunks.
 */
export class CsvStreamParser extends TextStreamParser {
  private readonly sink: CellSink;
  private header: string[] | null = null;
  private width = 0;
  private row = 0;
  /** Where data rows start, when asked for (see row-positions.ts); text offsets are byte offsets only for ASCII. */
  private readonly positions: RowPositions | null;
  /** Bytes before the text: 3 for a BOM. */
  private byteBase = 0;
  private bytesSeen = 0;

  constructor(sink: CellSink, positions: RowPositions | null = null) {
    super();
    this.sink = sink;
    this.positions = positions;
  }

  override pushBytes(bytes: Uint8Array): void {
    if (this.positions !== null) {
      const bom = this.bytesSeen === 0 && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      if (bom) this.byteBase = 3;
      if (!isAscii(bom ? bytes.subarray(3) : bytes)) this.positions.abandon();
      this.bytesSeen += bytes.length;
    }
    super.pushBytes(bytes);
  }

  protected scan(text: string, final: boolean): number {
    const n = text.length;
    let pos = 0;
    // Position of the next quote at or after `pos` (-1: none left in this text).
    let quote = text.indexOf('"');
    while (pos < n) {
      let nl = text.indexOf('\n', pos);
      if (quote !== -1 && quote < pos) quote = text.indexOf('"', pos);
      if (quote === -1 || (nl !== -1 && quote > nl)) {
        // Fast path: no quote in this record.
        if (nl === -1) {
          if (!final) return pos;
          nl = n;
        }
        const end = nl > pos && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
        this.emit(text.slice(pos, end).split(','), null, pos);
        pos = nl + 1;
        continue;
      }
      const next = this.quoted(text, pos, final);
      if (next === -1) return pos;
      pos = next;
    }
    return n;
  }

  /**
   * Reads one record that holds a quote, character by character. Returns the position after it,
   * or -1 when the record does not end in this text (and more may come).
   */
  private quoted(text: string, pos: number, final: boolean): number {
    const n = text.length;
    const cells: string[] = [];
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
            cells.push(value);
            problem ??= 'Quoted field unterminated';
            this.emit(cells, problem, pos);
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
          if (c === COMMA || c === LF || (c === CR && (k + 1 >= n || text.charCodeAt(k + 1) === LF))) break;
          k++;
        }
        if (k > i) {
          problem ??= 'Trailing quote on quoted field is malformed';
          value += text.slice(i, k);
        }
        if (k === n && !final) return -1;
        if (k < n && text.charCodeAt(k) === CR && k + 1 >= n && !final) return -1;
        cells.push(value);
        i = k;
      } else {
        let k = i;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === COMMA || c === LF) break;
          k++;
        }
        if (k === n && !final) return -1;
        const end = k < n && text.charCodeAt(k) === LF && k > i && text.charCodeAt(k - 1) === CR ? k - 1 : k;
        cells.push(text.slice(i, end));
        i = k;
      }
      if (i >= n) {
        this.emit(cells, problem, pos);
        return n;
      }
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        if (i >= n) {
          if (!final) return -1;
          cells.push('');
          this.emit(cells, problem, pos);
          return n;
        }
        continue;
      }
      // A line end (LF or CRLF).
      if (c === CR) i++;
      this.emit(cells, problem, pos);
      return i + 1;
    }
  }

  /** `start`: where the record starts in the text given to `scan`. */
  private emit(cells: string[], problem: string | null, start: number): void {
    if (this.header === null) {
      if (isBlank(cells)) return;
      this.header = cells.map((h) => h.trim().toLowerCase());
      this.width = this.header.length;
      this.sink.header(this.header);
      return;
    }
    if (isBlank(cells)) return;
    const row = ++this.row;
    this.positions?.start(row, this.byteBase + this.textStart + start);
    if (problem !== null) this.sink.issue(malformed(row, problem));
    if (cells.length !== this.width) {
      const which = cells.length > this.width ? 'Too many' : 'Too few';
      this.sink.issue(malformed(row, `${which} fields: expected ${this.width} fields but parsed ${cells.length}`));
    }
    this.sink.cells(cells, row);
  }
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

/** An incremental NDJSON reader: one JSON object per line; blank lines are skipped and not counted. */
export class NdjsonStreamParser extends TextStreamParser {
  private readonly sink: RecordSink;
  private row = 0;

  constructor(sink: RecordSink) {
    super();
    this.sink = sink;
  }

  protected scan(text: string, final: boolean): number {
    let pos = 0;
    let nl = text.indexOf('\n');
    while (nl !== -1) {
      this.line(text, pos, nl);
      pos = nl + 1;
      nl = text.indexOf('\n', pos);
    }
    if (!final) return pos;
    if (pos < text.length) this.line(text, pos, text.length);
    return text.length;
  }

  private line(text: string, from: number, to: number): void {
    const end = to > from && text.charCodeAt(to - 1) === CR ? to - 1 : to;
    const line = text.slice(from, end);
    if (line.trim() === '') return;
    const row = ++this.row;
    let item: unknown;
    try {
      item = JSON.parse(line);
    } catch (e) {
      this.sink.issue({ row, column: '*', value: '', code: 'malformed-row', message: `not valid JSON: ${(e as Error).message}` });
      this.sink.record({}, row);
      return;
    }
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      this.sink.issue({ row, column: '*', value: JSON.stringify(item) ?? '', code: 'malformed-row', message: 'each row must be a JSON object' });
      this.sink.record({}, row);
      return;
    }
    this.sink.record(item as LedgerRecord, row);
  }
}

export type StreamFormat = 'csv' | 'ndjson';

/** A ledger file that can be read more than once; `dispose` removes a spooled copy of stdin. */
export interface LedgerSource {
  path: string;
  /** Size in bytes when opened (for progress, and to tell that it changed between the passes). */
  size: number;
  /** Modification time when opened, in ms (to tell that it changed between the passes). */
  modifiedMs?: number;
  dispose(): void;
}

/**
 * A file as is; standard input (`-`), or a pipe or device given as a path (`--sales <(zcat
 * ledger.csv.gz)`), which can be read only once, spooled to a temporary file.
 */
export async function openLedgerSource(file: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<LedgerSource> {
  if (file === '-') return spool(stdin, 'standard input');
  const stat = statSync(file);
  if (stat.isFIFO() || stat.isCharacterDevice() || stat.isSocket()) return spool(createReadStream(file), `'${file}'`);
  return { path: file, size: stat.size, modifiedMs: stat.mtimeMs, dispose: () => undefined };
}

async function spool(input: NodeJS.ReadableStream, shown: string): Promise<LedgerSource> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clause-ledger-'));
  const spooled = path.join(dir, 'spooled');
  try {
    await pipeline(input, createWriteStream(spooled, { highWaterMark: 1 << 20 }));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  spooledNames.set(spooled, shown);
  return {
    path: spooled,
    size: statSync(spooled).size,
    dispose: () => {
      spooledNames.delete(spooled);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Spooled copies → what their errors name (standard input, or the pipe's path), not the temporary file. */
const spooledNames = new Map<string, string>();

export interface StreamOptions {
  /** Called after each chunk with the bytes read so far. */
  onBytes?: (bytes: number) => void;
  /** Chunk size; 1 MiB by default. */
  chunkSize?: number;
  /** CSV: record where each data row starts (see row-positions.ts). */
  positions?: RowPositions;
}

/** Reads a CSV file's cells once, in order. */
export async function streamCsvCells(file: string, sink: CellSink, options: StreamOptions = {}): Promise<void> {
  await readChunks(file, new CsvStreamParser(sink, options.positions ?? null), options);
}

/** Reads a CSV or NDJSON file's records once, in order. */
export async function streamLedgerRecords(file: string, format: StreamFormat, sink: RecordSink, options: StreamOptions = {}): Promise<void> {
  if (format === 'csv') return streamCsvCells(file, recordsFromCells(sink), options);
  await readChunks(file, new NdjsonStreamParser(sink), options);
}

/**
 * Feeds a file to a parser chunk by chunk. Bytes that are not UTF-8 become the usage error of
 * src/node/io.ts (`readText`), naming the file, the line and column, and the byte.
 */
async function readChunks(file: string, parser: { pushBytes(bytes: Buffer): void; end(): void }, options: StreamOptions): Promise<void> {
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: options.chunkSize ?? 1 << 20 }) as AsyncIterable<Buffer>) {
      parser.pushBytes(chunk);
      bytes += chunk.length;
      options.onBytes?.(bytes);
    }
    parser.end();
  } catch (error) {
    if (error instanceof Utf8StreamError) throw new UsageError(`Cannot read ${spooledNames.get(file) ?? `'${file}'`}: ${encodingMessage(file, error)}`);
    throw error;
  }
}

/**
 * io.ts's `encodingProblem` message for a streamed file: line and column (UTF-16 units, as if
 * decoded up to the bad byte) counted by reading the file again up to that byte, only on this
 * error path.
 */
export function encodingMessage(file: string, error: Utf8StreamError): string {
  const fd = openSync(file, 'r');
  let line = 1;
  let lineStart: Buffer[] = [];
  let first: Buffer | null = null;
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let at = 0;
    while (at < error.byte) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, error.byte - at), at);
      if (n === 0) break;
      const piece = buf.subarray(0, n);
      first ??= Buffer.from(piece.subarray(0, 2));
      let from = 0;
      for (let nl = piece.indexOf(LF); nl !== -1; nl = piece.indexOf(LF, from)) {
        line++;
        lineStart = [];
        from = nl + 1;
      }
      lineStart.push(Buffer.from(piece.subarray(from)));
      at += n;
    }
    if (first === null || first.length < 2) {
      const head = Buffer.alloc(2);
      first = head.subarray(0, readSync(fd, head, 0, 2, 0));
    }
  } finally {
    closeSync(fd);
  }
  const column = Buffer.concat(lineStart).toString('utf8').length + 1;
  const utf16 = first.length >= 2 && ((first[0] === 0xff && first[1] === 0xfe) || (first[0] === 0xfe && first[1] === 0xff));
  const what = utf16
    ? 'it is UTF-16 text (it starts with a UTF-16 byte-order mark), not UTF-8'
    : `it is not UTF-8 text: byte ${hexByte(error.value)} at line ${line}, column ${column} (byte ${error.byte + 1} of the file) ${error.truncated ? 'starts a character that the file ends in the middle of' : 'is not part of any UTF-8 character'}`;
  return `${what}. Save it as UTF-8 and try again.`;
}

/**
 * Which rows a second pass needs, judged on the raw bytes of a CSV record before it is decoded or
 * split: a row is kept when its date cell starts with one of `dateKeys` (a `YYYY-MM-DD` written as
 * the number YYYYMMDD), or when its id's hash (`hashId` of src/evaluation/id-hash.ts, which `hashAsciiId`
 * reproduces on bytes) is in `idHashes`; and whenever the bytes cannot be judged cheaply.
 */
export interface ByteRowFilter {
  dateIndex: number;
  idIndex: number;
  dateKeys: ReadonlySet<number>;
  idHashes: ReadonlySet<number> | null;
  /**
   * For portfolios: the date keys per seller, keyed by `hashId` of the trimmed, lower-cased seller
   * cell; when given, a row's date is looked up in its seller's keys instead of `dateKeys` (a
   * seller with no entry needs no date). Hash collisions only merge keys: never a missed row.
   */
  sellerIndex?: number;
  sellerDateKeys?: ReadonlyMap<number, ReadonlySet<number>>;
}

const SPACE = 32;
const DASH = 45;

function isDigit(b: number): boolean {
  return b >= 48 && b <= 57;
}

/** FNV-1a over the bytes of an ASCII id, then murmur3's finalizer: equals hashId(text) for ASCII. */
export function hashAsciiId(buf: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193);
  return fmix32(h);
}

/**
 * `hashId` of a cell's text trimmed and lower-cased, computed on its bytes; -1 when the cell holds
 * a byte that needs decoding to be judged (non-ASCII or control).
 */
export function hashLowerAsciiCell(buf: Uint8Array, start: number, end: number): number {
  while (start < end && (buf[start] === SPACE || (buf[start] >= 9 && buf[start] <= 13))) start++;
  while (end > start && (buf[end - 1] === SPACE || (buf[end - 1] >= 9 && buf[end - 1] <= 13))) end--;
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    let b = buf[i];
    if (b >= 0x80 || b < SPACE) return -1;
    if (b >= 65 && b <= 90) b += 32;
    h = Math.imul(h ^ b, 0x01000193);
  }
  return fmix32(h);
}

/** Start of cell `index` of the record bytes [start, stop), or -1 when the record is shorter. */
function cellStart(buf: Uint8Array, start: number, stop: number, index: number): number {
  let p = start;
  for (let k = 0; k < index; k++) {
    while (p < stop && buf[p] !== COMMA) p++;
    if (p >= stop) return -1;
    p++;
  }
  return p;
}

function cellEnd(buf: Uint8Array, p: number, stop: number): number {
  while (p < stop && buf[p] !== COMMA) p++;
  return p;
}

/**
 * A CSV reader for second passes: the same records and row numbers as `CsvStreamParser`, and the
 * same cells for every record it keeps, but records the filter rejects are counted and skipped
 * without being decoded or split (most of a second pass's cost). The header, records holding a
 * quote and records whose date cell does not start with a date (possibly blank ones) are decoded
 * and read by `CsvStreamParser` itself, so that every rule (quoting, blank records) stays in one
 * place. It does not check UTF-8 itself (kept records are decoded with Buffer.toString): it reads
 * a file that a first pass with `CsvStreamParser` has already checked.
 */
export class CsvFilteredParser {
  private readonly sink: CellSink;
  private readonly filter: ByteRowFilter;
  private carry: Buffer | null = null;
  private started = false;
  private headerSeen = false;
  private row = 0;

  constructor(sink: CellSink, filter: ByteRowFilter) {
    this.sink = sink;
    this.filter = filter;
  }

  pushBytes(chunk: Buffer): void {
    if (chunk.length === 0) return;
    let buf = this.carry === null ? chunk : Buffer.concat([this.carry, chunk]);
    this.carry = null;
    if (!this.started) {
      if (buf.length < 3 && buf[0] === 0xef) {
        this.carry = Buffer.from(buf);
        return;
      }
      this.started = true;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    }
    const done = this.scan(buf, false);
    if (done < buf.length) this.carry = Buffer.from(buf.subarray(done));
  }

  end(): void {
    let buf = this.carry;
    this.carry = null;
    if (buf === null || buf.length === 0) return;
    if (!this.started) {
      this.started = true;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    }
    this.scan(buf, true);
  }

  /** Handles every complete record of `buf`; returns where the unfinished one starts. */
  private scan(buf: Buffer, final: boolean): number {
    const n = buf.length;
    let pos = 0;
    // Native searches (memchr) find line ends and quotes; JS looks only at the cells it needs.
    let quote = buf.indexOf(QUOTE);
    while (pos < n) {
      if (quote !== -1 && quote < pos) quote = buf.indexOf(QUOTE, pos);
      let end = buf.indexOf(LF, pos);
      if (quote !== -1 && (end === -1 || quote < end)) {
        // A record holding a quote: find its end the slow way, then read it in full.
        end = this.quotedEnd(buf, pos, final);
        if (end === -1) return pos;
        this.general(buf.toString('utf8', pos, Math.min(end + 1, n)));
        pos = end + 1;
        continue;
      }
      if (end === -1) {
        if (!final) return pos;
        end = n;
      }
      const stop = end > pos && buf[end - 1] === CR ? end - 1 : end;
      const verdict = this.headerSeen ? this.judge(buf, pos, stop) : UNSURE;
      if (verdict === UNSURE) this.general(buf.toString('utf8', pos, Math.min(end + 1, n)));
      else {
        const row = ++this.row;
        if (verdict === KEEP) this.sink.cells(buf.toString('utf8', pos, stop).split(','), row);
      }
      pos = end + 1;
    }
    return n;
  }

  /**
   * The end (index of its LF, or the buffer's length when final) of a record holding a quote, as
   * CsvStreamParser reads it: a quote opens a quoted field only at a field's start, `""` inside
   * one is a quote. -1 when the record may go on in bytes not read yet.
   */
  private quotedEnd(buf: Buffer, pos: number, final: boolean): number {
    const n = buf.length;
    let i = pos;
    let fieldStart = true;
    while (i < n) {
      const b = buf[i];
      if (b === LF) return i;
      if (b === QUOTE && fieldStart) {
        i++;
        for (;;) {
          while (i < n && buf[i] !== QUOTE) i++;
          if (i + 1 < n && buf[i + 1] === QUOTE) {
            i += 2;
            continue;
          }
          break;
        }
        if (i >= n || (i + 1 >= n && !final)) return final ? n : -1;
        i++;
        fieldStart = false;
        continue;
      }
      fieldStart = b === COMMA;
      i++;
    }
    return final ? n : -1;
  }

  /** One record through CsvStreamParser, with this reader's header and row count. */
  private general(text: string): void {
    const parser = new CsvStreamParser({
      header: (names) => {
        if (this.headerSeen) return;
        this.headerSeen = true;
        this.sink.header(names);
      },
      cells: (cells) => this.sink.cells(cells, ++this.row),
      issue: () => undefined,
    });
    // Once the header is known, a stand-in header makes the inner parser read the record as data.
    if (this.headerSeen) parser.push('h\n');
    parser.push(text);
    parser.end();
  }

  /**
   * An unquoted data record (bytes [start, stop), no line end): SKIP or KEEP when its date cell
   * starts with a `YYYY-MM-DD` (so the record is not blank and counts as a row), else UNSURE.
   */
  private judge(buf: Buffer, start: number, stop: number): Verdict {
    const f = this.filter;
    const ds = cellStart(buf, start, stop, f.dateIndex);
    if (ds < 0 || stop - ds < 10) return UNSURE;
    if (!(isDigit(buf[ds]) && isDigit(buf[ds + 1]) && isDigit(buf[ds + 2]) && isDigit(buf[ds + 3]) && buf[ds + 4] === DASH &&
      isDigit(buf[ds + 5]) && isDigit(buf[ds + 6]) && buf[ds + 7] === DASH && isDigit(buf[ds + 8]) && isDigit(buf[ds + 9]))) {
      return UNSURE;
    }
    const key =
      (buf[ds] - 48) * 10_000_000 + (buf[ds + 1] - 48) * 1_000_000 + (buf[ds + 2] - 48) * 100_000 + (buf[ds + 3] - 48) * 10_000 +
      (buf[ds + 5] - 48) * 1000 + (buf[ds + 6] - 48) * 100 + (buf[ds + 8] - 48) * 10 + (buf[ds + 9] - 48);
    if (f.sellerDateKeys !== undefined && f.sellerIndex !== undefined && f.sellerIndex >= 0) {
      const ss = cellStart(buf, start, stop, f.sellerIndex);
      if (ss >= 0) {
        const h = hashLowerAsciiCell(buf, ss, cellEnd(buf, ss, stop));
        if (h === -1) return KEEP;
        const keys = f.sellerDateKeys.get(h);
        if (keys !== undefined && keys.has(key)) return KEEP;
      }
    } else if (f.dateKeys.has(key)) return KEEP;
    if (f.idHashes === null || f.idIndex < 0) return SKIP;
    let is = cellStart(buf, start, stop, f.idIndex);
    if (is < 0) return SKIP;
    let ie = cellEnd(buf, is, stop);
    // Trim as String.prototype.trim does for ASCII (space, tab, LF, VT, FF, CR); anything else
    // unusual (control or non-ASCII bytes) is judged on the decoded text instead.
    while (is < ie && (buf[is] === SPACE || (buf[is] >= 9 && buf[is] <= 13))) is++;
    while (ie > is && (buf[ie - 1] === SPACE || (buf[ie - 1] >= 9 && buf[ie - 1] <= 13))) ie--;
    if (is === ie) return SKIP;
    for (let k = is; k < ie; k++) if (buf[k] >= 0x80 || buf[k] < SPACE) return KEEP;
    return f.idHashes.has(hashAsciiId(buf, is, ie)) ? KEEP : SKIP;
  }
}

const SKIP = 0;
const KEEP = 1;
const UNSURE = 2;
type Verdict = typeof SKIP | typeof KEEP | typeof UNSURE;

/** Reads a CSV file again for a second pass, skipping the records `filter` rejects. */
export async function streamCsvCellsFiltered(file: string, sink: CellSink, filter: ByteRowFilter, options: StreamOptions = {}): Promise<void> {
  await readChunks(file, new CsvFilteredParser(sink, filter), options);
}
