/**
 * Strict UTF-8 decoding of a byte stream, shared by the CSV and NDJSON stream readers. Bytes are
 * decoded with a StringDecoder, which keeps a UTF-8 character cut between two chunks whole; a record
 * cut between chunks (including a CRLF pair cut after the CR) is carried over to the next chunk.
 * Quotes, commas and line breaks are ASCII, so decoding before splitting is safe. Bytes that are not
 * UTF-8 are refused (`Utf8StreamError`; the file readers turn it into the same usage error, exit 2, as
 * src/node/io.ts gives for files read whole), never decoded to U+FFFD: each chunk is checked with the
 * native `isUtf8` (a fatal TextDecoder in streaming mode costs several times more), and a character
 * cut by a chunk's end is checked once the next chunk completes it.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import { firstInvalidUtf8, UsageError } from './io';

/**
 * The most characters (UTF-16 units) one record of a streamed ledger may hold, line end included:
 * 16 MiB. A ledger row is a few hundred bytes; a cell of a megabyte is still read.
 */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;

/** A record longer than `MAX_RECORD_CHARS`; `row` as the readers count rows (0: a CSV header). */
export class RecordTooLongError extends UsageError {
  readonly code = 'row-too-long';
  constructor(readonly row: number) {
    super(
      `${row === 0 ? 'the header' : `row ${row}`} is longer than ${MAX_RECORD_CHARS.toLocaleString('en-US')} characters (row-too-long). ` +
        'A quote that is opened and never closed makes the rest of a CSV file one row: check the quotes on that row.',
    );
  }
}

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

export const hexByte = (b: number): string => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** How many bytes a UTF-8 sequence starting with `b` has (1 for ASCII and for bytes that start none). */
function sequenceLength(b: number): number {
  return b < 0xc0 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
}

/**
 * Receives where each data row starts (row-positions.ts records them), or is told that text offsets
 * are not byte offsets (a byte that is not ASCII).
 */
export interface RowStarts {
  start(row: number, offset: number): void;
  abandon(): void;
}

/**
 * What the CSV and NDJSON readers share: strict UTF-8 decoding of byte chunks, a BOM dropped at the
 * start, the text of the unfinished record carried over to the next chunk, and where rows start
 * when asked. A subclass reads the complete records of each text in `scan`.
 */
export abstract class TextStreamParser {
  /** Where data rows start, when asked for (see row-positions.ts); text offsets are byte offsets only for ASCII. */
  protected readonly positions: RowStarts | null;
  /** Bytes before the text: 3 for a BOM. */
  private byteBase = 0;
  private bytesSeen = 0;
  private readonly decoder = new StringDecoder('utf8');
  /** The 1 to 3 bytes of a character cut by the last chunk's end (not checked yet), or null. */
  private cut: Buffer | null = null;
  /** Bytes pushed so far. */
  private offset = 0;
  private carry = '';
  private started = false;
  /** Offset in the decoded text (after a BOM) of the first character of the text `scan` is given. */
  protected textStart = 0;
  /** Characters given to `scan` so far, counting those carried over again: the reader's work. */
  decoded = 0;

  constructor(positions: RowStarts | null) {
    this.positions = positions;
  }

  /** Decodes a chunk of UTF-8 bytes; throws `Utf8StreamError` at the first byte that is not UTF-8. */
  pushBytes(bytes: Uint8Array): void {
    const bom = this.bytesSeen === 0 && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    this.bytesSeen += bytes.length;
    const ascii = isAscii(bom ? bytes.subarray(3) : bytes);
    if (this.positions !== null) {
      if (bom) this.byteBase = 3;
      if (!ascii) this.positions.abandon();
    }
    if (ascii && !bom && this.cut === null) {
      // ASCII bytes are their own UTF-8 text and hold no cut character (the decoder holds nothing
      // either: it keeps only the bytes of a cut character, which `cut` mirrors). Copying them as
      // ASCII costs a fraction of UTF-8 decoding, which validates and converts every byte again.
      this.offset += bytes.length;
      this.push((Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).toString('ascii'));
      return;
    }
    this.check(bytes);
    this.push(this.decoder.write(bytes as Buffer));
  }

  push(chunk: string): void {
    if (chunk.length === 0) return;
    if (this.carry.length > 0) {
      const nl = chunk.indexOf('\n');
      if (nl === -1) {
        // No record ends in this chunk (every record ends at a line feed, or at the end of the
        // input): the unfinished one grows without being read again, so a long line costs its
        // length, not its length times the number of chunks it spans.
        this.carry += chunk;
        this.checkCarry(0);
        return;
      }
      // The carried record ends at this line feed at the earliest.
      this.checkCarry(nl + 1);
    }
    let text = this.carry.length > 0 ? this.carry + chunk : chunk;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.decoded += text.length;
    const done = this.scan(text, false);
    this.textStart += done;
    this.carry = text.slice(done);
    this.checkCarry(0);
  }

  /**
   * One record may hold at most `MAX_RECORD_CHARS` characters (checked on records that span
   * chunks: a chunk is far shorter): past that the reader stops with
   * `RecordTooLongError` instead of growing one string until the process runs out of memory (a
   * quote left open makes the rest of a file one record). `more`: characters of the record that
   * are known to follow the carried ones.
   */
  private checkCarry(more: number): void {
    if (this.carry.length + more > MAX_RECORD_CHARS) throw new RecordTooLongError(this.pendingRow());
  }

  /** Row `row` starts at `start` in the text given to `scan`. */
  protected rowStart(row: number, start: number): void {
    this.positions?.start(row, this.byteBase + this.textStart + start);
  }

  /** The row number the unfinished record would get (0: a CSV header). */
  protected abstract pendingRow(): number;

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
    this.decoded += text.length;
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
