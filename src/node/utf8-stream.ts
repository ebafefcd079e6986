/**
 * Strict UTF-8 decoding of a byte stream, shared by the CSV and NDJSON stream readers. The bytes are
 * held until a line end byte arrives, and the held bytes up to the last line end are checked with
 * the native `isUtf8` and decoded whole (`latin1` when they are ASCII: a copy; else `utf8`): a line
 * end byte (LF, CR) never occurs inside a multi-byte UTF-8 sequence, so no character is ever cut.
 * Quotes, commas and line breaks are ASCII, so decoding before splitting is safe. What the reader
 * leaves unfinished (a record cut by the chunk's end, a quoted cell with a line break) stays held
 * as bytes and is decoded again with what follows. Bytes that are not UTF-8 are refused
 * (`Utf8StreamError`; the file readers turn it into the same usage error, exit 2, as src/node/io.ts
 * gives for files read whole), never decoded to U+FFFD.
 *
 * Because every decoded text starts at a known byte, where each row starts in bytes is known too:
 * its text offset on ASCII text, and on other text the byte after the LF that ends the row before
 * (found in the bytes), or the text's UTF-8 length when the row before ends otherwise. Pass 2 then
 * reads a row's bytes by position on any UTF-8 ledger (row-positions.ts).
 */
import { isAscii, isUtf8 } from 'node:buffer';
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

const LF = 10;
const CR = 13;

/**
 * The most bytes of text that is not ASCII decoded into one string: its UTF-16 string (two bytes a
 * character once one character is beyond Latin-1) then stays below V8's large-object size (128
 * KiB), made and freed in the young generation like an ASCII chunk's text.
 */
const PIECE_BYTES = 1 << 15;

/** UTF-16 units of valid UTF-8 bytes: one per character's first byte, two for a 4-byte character. */
function utf16Units(bytes: Uint8Array, from: number, to: number): number {
  let units = 0;
  for (let i = from; i < to; i++) {
    const b = bytes[i];
    if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
  }
  return units;
}

/** Receives where each data row starts, in bytes from the start of the input (row-positions.ts records them). */
export interface RowStarts {
  start(row: number, offset: number): void;
}

/**
 * What the CSV and NDJSON readers share: strict UTF-8 decoding of byte chunks (`pushBytes`) or text
 * (`push`, already decoded), a BOM dropped at the start, the unfinished record kept for the next
 * chunk, and where rows start when asked. A subclass reads the complete records of each text in `scan`.
 */
export abstract class TextStreamParser {
  /** Where data rows start, when asked for (see row-positions.ts). */
  protected readonly positions: RowStarts | null;
  /** Bytes held (`pushBytes`): the unfinished record and what follows it, not decoded yet; `held` of them are used. */
  private bytes = Buffer.allocUnsafe(0);
  private held = 0;
  /** The offset in the input of `bytes[0]`. */
  private heldAt = 0;
  /** `utf16Units` of `bytes[0, counted)`, counted only for a record long enough to need it. */
  private counted = 0;
  private countedUnits = 0;
  /** Text given as text (`push`): the unfinished record. */
  private carry = '';
  private started = false;
  /** Offset (after a BOM) of the first character of the text `push` gives to `scan`. */
  private textStart = 0;
  /** The text `scan` is reading, whether it is ASCII, and where it starts in `bytes` (byte path). */
  private text = '';
  private textAscii = true;
  private textByte = 0;
  /** Whether `text` was decoded from ASCII bytes held in `bytes` (not given as text). */
  private textFromBytes = false;
  /** A text offset in `text` and its byte offset in `bytes`: row starts are found from the last one. */
  private cursorText = 0;
  private cursorByte = 0;
  /** Characters given to `scan` so far, counting those read again: the reader's work. */
  decoded = 0;

  constructor(positions: RowStarts | null) {
    this.positions = positions;
  }

  /** Reads a chunk of UTF-8 bytes; throws `Utf8StreamError` at the first byte that is not UTF-8. */
  pushBytes(chunk: Uint8Array): void {
    const n = chunk.length;
    if (n === 0) return;
    // The last line end of the chunk: the bytes held before it can be decoded now. LF first; a
    // lone CR ends records of old Mac files, which have no LF at all.
    let last = chunk.lastIndexOf(LF);
    if (last === -1) last = chunk.lastIndexOf(CR);
    const before = this.held;
    if (before + n > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(before + n, 2 * this.bytes.length, 1 << 17));
      this.bytes.copy(grown, 0, 0, before);
      this.bytes = grown;
    }
    this.bytes.set(chunk, before);
    this.held = before + n;
    if (last === -1) {
      // No record ends in this chunk: it is held without being read, so a long line costs its
      // length, not its length times the number of chunks it spans.
      this.checkHeld(this.held);
      return;
    }
    // The held record ends at this chunk's first line end at the earliest.
    const first = chunk.indexOf(LF);
    this.checkHeld(before + (first === -1 ? last : first) + 1);
    this.consume(before + last + 1, false);
  }

  push(chunk: string): void {
    if (chunk.length === 0) return;
    if (this.carry.length > 0) {
      const nl = chunk.indexOf('\n');
      if (nl === -1) {
        // As for bytes: the unfinished record grows without being read again.
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
    // Text given as text has no bytes: its offsets stand for bytes (row positions are only asked
    // for on bytes, or on ASCII text in tests).
    this.setText(text, true, this.textStart, false);
    const done = this.scan(text, false);
    this.textStart += done;
    this.carry = text.slice(done);
    this.checkCarry(0);
  }

  end(): void {
    if (this.held > 0) {
      this.consume(this.held, true);
      return;
    }
    const text = this.carry;
    this.carry = '';
    this.decoded += text.length;
    if (text.length > 0) {
      this.setText(text, true, this.textStart, false);
      this.scan(text, true);
    }
  }

  /**
   * Checks, decodes and reads `bytes[0, end)` (`end` just after a line end byte, or every held
   * byte when `final`), keeping what the reader leaves unfinished held. Text that is not ASCII is
   * decoded in pieces of about `PIECE_BYTES`, cut after a LF.
   */
  private consume(end: number, final: boolean): void {
    const bytes = this.bytes;
    let from = 0;
    if (!this.started) {
      this.started = true;
      if (this.heldAt === 0 && end >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) from = 3;
    }
    const region = bytes.subarray(from, end);
    const ascii = isAscii(region);
    if (!ascii && !isUtf8(region)) {
      const bad = firstInvalidUtf8(region) ?? { at: 0, truncated: false };
      throw new Utf8StreamError(this.heldAt + from + bad.at, region[bad.at], bad.truncated);
    }
    let pieceEnd = from;
    // The bytes a piece may span: twice more than a record a piece left unfinished (a quoted cell
    // with many line breaks), so that such a record is decoded a bounded number of times.
    let span = PIECE_BYTES;
    while (from < end) {
      let to = end;
      if (!ascii && end - from > span) {
        // After a LF at most `span` on; past the last piece's end however long its unfinished record.
        const lf = bytes.lastIndexOf(LF, from + span - 1);
        const later = lf >= pieceEnd ? lf : bytes.indexOf(LF, pieceEnd);
        if (later !== -1 && later + 1 < end) to = later + 1;
      }
      pieceEnd = to;
      const text = bytes.toString(ascii ? 'latin1' : 'utf8', from, to);
      const last = final && to === end;
      this.decoded += text.length;
      this.setText(text, ascii, from, ascii);
      const done = this.scan(text, last);
      if (done === text.length) {
        from = to;
        span = PIECE_BYTES;
      } else {
        from = this.byteOf(done);
        span = PIECE_BYTES + 2 * (to - from);
      }
      if (to === end) break;
    }
    // Only the unfinished record stays held, moved to the buffer's start.
    const rest = this.held - from;
    if (from > 0) bytes.copyWithin(0, from, this.held);
    this.held = rest;
    this.heldAt += from;
    this.counted = 0;
    this.countedUnits = 0;
    this.checkHeld(rest);
  }

  private setText(text: string, ascii: boolean, byte: number, fromBytes: boolean): void {
    this.text = text;
    this.textAscii = ascii;
    this.textByte = byte;
    this.textFromBytes = fromBytes;
    this.cursorText = 0;
    this.cursorByte = byte;
  }

  /**
   * The bytes the text given to `scan` was decoded from when they are all ASCII (each character
   * one byte: `text.charCodeAt(i)` is the byte at `asciiByte() + i`), else null. Valid during `scan`.
   */
  protected asciiBytes(): Uint8Array | null {
    return this.textFromBytes ? this.bytes : null;
  }

  /** Where in `asciiBytes()` the text given to `scan` starts. */
  protected asciiByte(): number {
    return this.textByte;
  }

  /** The offset in `bytes` of `text`'s offset `at` (offsets given in order, from the last one asked). */
  private byteOf(at: number): number {
    if (this.textAscii) return this.textByte + at;
    const from = this.cursorText;
    if (at > from) {
      const text = this.text;
      // A row that the one before ended with the first LF after it: the byte after that LF (no
      // LF is part of another character). Else (a lone CR, blank lines, a line break in a quoted
      // cell) the UTF-8 length of the text between.
      if (text.charCodeAt(at - 1) === LF && text.indexOf('\n', from) === at - 1) this.cursorByte = this.bytes.indexOf(LF, this.cursorByte) + 1;
      else this.cursorByte += Buffer.byteLength(text.slice(from, at), 'utf8');
      this.cursorText = at;
    }
    return this.cursorByte;
  }

  /**
   * One record may hold at most `MAX_RECORD_CHARS` characters (checked on records that span
   * chunks: a chunk is far shorter): past that the reader stops with `RecordTooLongError` instead
   * of growing until the process runs out of memory (a quote left open makes the rest of a file
   * one record). `bytes[0, to)`: the held record, which starts at the buffer's start; its
   * characters are counted only once it has more bytes than the limit has characters.
   */
  private checkHeld(to: number): void {
    if (to <= MAX_RECORD_CHARS) return;
    if (to > this.counted) {
      this.countedUnits += utf16Units(this.bytes, this.counted, to);
      this.counted = to;
    }
    if (this.countedUnits <= MAX_RECORD_CHARS) return;
    // Bytes that are not UTF-8 in it are the first thing wrong (a character cut at the end is not).
    const bad = firstInvalidUtf8(this.bytes.subarray(0, to));
    if (bad !== null && !bad.truncated) throw new Utf8StreamError(this.heldAt + bad.at, this.bytes[bad.at], false);
    throw new RecordTooLongError(this.pendingRow());
  }

  /** As `checkHeld`, for text given as text. `more`: characters of the record known to follow the carried ones. */
  private checkCarry(more: number): void {
    if (this.carry.length + more > MAX_RECORD_CHARS) throw new RecordTooLongError(this.pendingRow());
  }

  /** What comes is not the input's start: a BOM is not dropped from it (rows read by position). */
  notAtStart(): void {
    this.started = true;
  }

  /** Row `row` starts at `start` in the text given to `scan`. */
  protected rowStart(row: number, start: number): void {
    if (this.positions !== null) this.positions.start(row, this.heldAt + this.byteOf(start));
  }

  /** The row number the unfinished record would get (0: a CSV header). */
  protected abstract pendingRow(): number;

  /** Reads every complete record of `text` (all of it when `final`); returns where the unfinished one starts. */
  protected abstract scan(text: string, final: boolean): number;
}
