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
import { isUtf8 } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import { firstInvalidUtf8, UsageError } from './io';

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
 * What the CSV and NDJSON readers share: strict UTF-8 decoding of byte chunks, a BOM dropped at the
 * start, and the text of the unfinished record carried over to the next chunk. A subclass reads
 * the complete records of each text in `scan`.
 */
export abstract class TextStreamParser {
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
