/**
 * A second pass's CSV reader that skips, on their raw bytes, the rows it cannot need: their written
 * date is far from every candidate day and their id is not suspect.
 */
import { fmix32 } from '../evaluation/id-hash';
import type { SecondPassNeeds } from '../evaluation/two-pass';
import { fromDayNumber } from '../time/periods';
import { CsvStreamParser } from './csv-stream';
import type { CellSink } from './ledger-sinks';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

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

/**
 * The filter for what pass 2 needs, given the CSV header's names (trimmed and lower-cased by the
 * stream reader; the first of repeated names wins, as in the normalizer); null (read every row)
 * when there is no date column.
 */
export function byteRowFilter(names: readonly string[], needs: SecondPassNeeds): ByteRowFilter | null {
  const dateIndex = names.indexOf('date');
  if (dateIndex < 0) return null;
  const filter: ByteRowFilter = { dateIndex, idIndex: names.indexOf('id'), dateKeys: dateKeys(needs.days), idHashes: needs.suspectIdHashes };
  if (needs.sellerDays !== undefined) {
    filter.sellerIndex = names.indexOf('seller');
    filter.sellerDateKeys = new Map([...needs.sellerDays].map(([seller, days]) => [seller, dateKeys(days)]));
  }
  return filter;
}

/**
 * The written dates (`YYYY-MM-DD` as the number YYYYMMDD) a date cell may start with to fall on one
 * of `days` (local days since 1970-01-01): a written date is at most two days from the local day it
 * denotes, whatever its offset.
 */
export function dateKeys(days: Iterable<number>): Set<number> {
  const keys = new Set<number>();
  for (const day of days) {
    for (let k = -2; k <= 2; k++) {
      const d = fromDayNumber(day + k);
      keys.add(d.year * 10_000 + d.month * 100 + d.day);
    }
  }
  return keys;
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
    // Bytes that normalizeText (src/values/text-key.ts) would change are judged on the decoded text.
    if (b >= 0x80 || b < SPACE || (b === SPACE && buf[i - 1] === SPACE)) return -1;
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
  /** Bytes decoded to text (the records kept or judged on their text): this reader's work. */
  decoded = 0;

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
    // -2: not looked for yet (searched inside the loop: see CsvStreamParser.scan on V8 hoisting indexOf).
    let cr = -2;
    while (pos < n) {
      if (quote !== -1 && quote < pos) quote = buf.indexOf(QUOTE, pos);
      if (cr !== -1 && cr < pos) cr = buf.indexOf(CR, pos);
      let end = buf.indexOf(LF, pos);
      if (quote !== -1 && (end === -1 || quote < end)) {
        // A record holding a quote: find its end the slow way, then read it in full.
        end = this.quotedEnd(buf, pos, final);
        if (end === -1) return pos;
        this.general(this.decode(buf, pos, Math.min(end + 1, n)));
        pos = end + 1;
        continue;
      }
      if (end === -1) {
        if (!final) return pos;
        end = n;
      }
      const stop = end > pos && buf[end - 1] === CR ? end - 1 : end;
      // A lone CR ends records too (CsvStreamParser's rule): such text, up to the LF, is read by it in full.
      const loneCr = cr !== -1 && cr < stop;
      const verdict = this.headerSeen && !loneCr ? this.judge(buf, pos, stop) : UNSURE;
      if (verdict === UNSURE) this.general(this.decode(buf, pos, Math.min(end + 1, n)));
      else {
        const row = ++this.row;
        if (verdict === KEEP) this.sink.cells(this.decode(buf, pos, stop).split(','), row);
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

  private decode(buf: Buffer, from: number, to: number): string {
    this.decoded += to - from;
    return buf.toString('utf8', from, to);
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
    for (let k = is; k < ie; k++) if (buf[k] >= 0x80 || buf[k] < SPACE || (buf[k] === SPACE && buf[k - 1] === SPACE)) return KEEP;
    return f.idHashes.has(hashAsciiId(buf, is, ie)) ? KEEP : SKIP;
  }
}

const SKIP = 0;
const KEEP = 1;
const UNSURE = 2;
type Verdict = typeof SKIP | typeof KEEP | typeof UNSURE;
