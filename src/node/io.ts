/** Reading inputs for the CLI, with failures turned into usage errors (exit 2) that name the file. */
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';

export class UsageError extends Error {}

/**
 * The most bytes read whole from one input (a schedule, a portfolio, draft terms, a JSON-array ledger,
 * or a clause's file): more would not fit in memory as a string and its parse. Checked while reading, so
 * `/dev/zero` or an endless pipe stops here. Clause files have their own limit (MAX_CLAUSE_BYTES).
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** An input over its byte limit: a usage error (exit 2) with the code `input-too-large`, or, for a clause, that diagnostic. */
export class InputTooLargeError extends UsageError {
  readonly limit: number;
  constructor(path: string, limit: number) {
    super(`[input-too-large] Cannot read ${describePath(path)}: it is larger than ${limit.toLocaleString('en-US')} bytes, the limit for this input.`);
    this.limit = limit;
  }
}

/**
 * A whole file as UTF-8 text, or standard input for `-`, of at most `maxBytes` bytes. Bytes that are not
 * UTF-8 are a usage error naming the line and column (exit 2, like a file that cannot be read), never
 * silently replaced by U+FFFD, which a product name, a "[placeholder]" or a ledger cell would otherwise
 * carry on as if it had been written.
 */
export function readText(path: string, maxBytes = MAX_INPUT_BYTES): string {
  const bytes = readBytes(path, maxBytes);
  const problem = encodingProblem(bytes);
  if (problem) throw new UsageError(`Cannot read ${describePath(path)}: ${problem.message}`);
  return bytes.toString('utf8');
}

/** Where the bytes of a file stop being UTF-8, for the message. */
export interface EncodingProblem {
  message: string;
  /** 1-based line and column (UTF-16 units) of the first bad byte, as if decoded up to it; 0-based byte offset. */
  line: number;
  column: number;
  byte: number;
}

/** The first place where `bytes` are not UTF-8, or null. */
export function encodingProblem(bytes: Buffer): EncodingProblem | null {
  if (isUtf8(bytes)) return null;
  const { at, truncated } = firstInvalidUtf8(bytes) ?? { at: 0, truncated: false };
  const before = bytes.subarray(0, at).toString('utf8');
  const line = before.split('\n').length;
  const column = before.length - (before.lastIndexOf('\n') + 1) + 1;
  const byte = `0x${bytes[at].toString(16).toUpperCase().padStart(2, '0')}`;
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  const what = utf16
    ? 'it is UTF-16 text (it starts with a UTF-16 byte-order mark), not UTF-8'
    : `it is not UTF-8 text: byte ${byte} at line ${line}, column ${column} (byte ${at + 1} of the file) ${truncated ? 'starts a character that the file ends in the middle of' : 'is not part of any UTF-8 character'}`;
  return { message: `${what}. Save it as UTF-8 and try again.`, line, column, byte: at };
}

/**
 * The offset of the first byte that does not begin a well-formed UTF-8 sequence (Unicode table
 * 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), and whether it is a well-formed
 * start cut off by the end of the input; null for UTF-8.
 */
export function firstInvalidUtf8(bytes: Uint8Array): { at: number; truncated: boolean } | null {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b === 0xe0) [need, low] = [2, 0xa0];
    else if (b === 0xed) [need, high] = [2, 0x9f];
    else if (b >= 0xe1 && b <= 0xef) need = 2;
    else if (b === 0xf0) [need, low] = [3, 0x90];
    else if (b === 0xf4) [need, high] = [3, 0x8f];
    else if (b >= 0xf1 && b <= 0xf3) need = 3;
    else return { at: i, truncated: false };
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length) return { at: i, truncated: true };
      if (bytes[i + k] < (k === 1 ? low : 0x80) || bytes[i + k] > (k === 1 ? high : 0xbf)) return { at: i, truncated: false };
    }
    i += need + 1;
  }
  return null;
}

const describePath = (path: string): string => (path === '-' ? 'standard input' : `'${path}'`);

/**
 * The usage error (exit 2) for a file that could not be opened or read: "Cannot read 'x': no such
 * file." rather than Node's "ENOENT: no such file or directory, stat …". For every reader of the
 * CLI, whole-file or streaming.
 */
export function readError(path: string, error: unknown): UsageError {
  if (error instanceof UsageError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const what = describePath(path);
  if (code === 'ENOENT') return new UsageError(`Cannot read ${what}: no such file.`);
  if (code === 'EISDIR') return new UsageError(`Cannot read ${what}: it is a folder, not a file.`);
  if (code === 'EACCES' || code === 'EPERM') return new UsageError(`Cannot read ${what}: permission denied.`);
  return new UsageError(`Cannot read ${what}: ${(error as Error).message}`);
}

/** Whether `error` is a file-system error (it has an errno code such as ENOENT or EISDIR). */
export function isFileError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((error as NodeJS.ErrnoException).code as string);
}

/** At most `maxBytes` bytes, else InputTooLargeError; reading stops one byte past the limit. */
export function readBytes(path: string, maxBytes: number = MAX_INPUT_BYTES): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  let fd: number | null = null;
  try {
    fd = path === '-' ? 0 : openSync(path, 'r');
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        // Standard input in non-blocking mode: wait a moment for more.
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) throw new InputTooLargeError(path, maxBytes);
    }
  } catch (error) {
    throw readError(path, error);
  } finally {
    if (fd !== null && fd !== 0) closeSync(fd);
  }
  return Buffer.concat(chunks, total);
}

/** Exit codes scripts can rely on. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, unmatchedSeller: 3, internal: 70 } as const;
