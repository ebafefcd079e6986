/**
 * Reads a CSV or NDJSON ledger file chunk by chunk into one of the stream readers, and turns bytes
 * that are not UTF-8 into the usage error src/node/io.ts gives for files read whole.
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type * as Iconv from 'iconv-lite';
import { CsvFilteredParser, type ByteRowFilter } from './byte-prefilter';
import { CsvStreamParser, type RowStarts } from './csv-stream';
import { UsageError } from './io';
import { shownLedgerName } from './ledger-source';
import { recordsFromCells, type CellSink, type RecordSink } from './ledger-sinks';
import { NdjsonStreamParser } from './ndjson-stream';
import { hexByte, RecordTooLongError, Utf8StreamError } from './utf8-stream';
import { encodingAdvice } from '../ledger/ledger-dialect';

const LF = 10;

export type StreamFormat = 'csv' | 'ndjson';

export interface StreamOptions {
  /** Called after each chunk with the bytes read so far. */
  onBytes?: (bytes: number) => void;
  /** Chunk size; 64 KiB by default (`CHUNK_BYTES`). */
  chunkSize?: number;
  /** Record where each data row starts (see row-positions.ts). */
  positions?: RowStarts;
  /** CSV: the delimiter (a comma by default). */
  delimiter?: string;
  /** The bytes' encoding (UTF-8, checked strictly, by default); any other is decoded with iconv-lite. */
  encoding?: string;
  /** Adds the characters the reader decoded and read (its work; tests bound it). */
  work?: ReadWork;
}

/** What a reading cost: characters decoded and read, counting any read twice. */
export interface ReadWork {
  decoded: number;
}

/**
 * The chunk size for UTF-8 ledgers: 64 KiB. A chunk's text (and the carried record joined to it)
 * then stays below V8's large-object size (128 KiB), so it is made in the young generation and freed
 * with it; a text of 1 MiB per chunk is a large object, mapped fresh and faulted in page by page,
 * which cost more CPU than splitting the chunk's records.
 */
const CHUNK_BYTES = 1 << 16;

/**
 * What one read asks of the file: 1 MiB. Each read is a round trip through libuv's thread pool and
 * the event loop; 16 chunks a read cut their number (2,200 for a 140 MB ledger at 64 KiB) to what
 * the parsers' chunk size needs, and the next block is read while the parser reads this one.
 */
const READ_BYTES = 1 << 20;

/**
 * A file's bytes in chunks of `size` (the parsers' text stays below V8's large-object size), cut from
 * blocks read into two reused buffers (a read stream allocates a new buffer per chunk): the next
 * block is being read while the chunks of the other are handed out. Each chunk is valid until the
 * next is asked for: the parsers copy what they keep.
 */
async function* fileChunks(file: string, size: number): AsyncGenerator<Buffer> {
  const handle = await open(file, 'r');
  const block = Math.max(size, READ_BYTES - (READ_BYTES % size));
  let reading: Promise<{ bytesRead: number; buffer: Buffer }> | null = null;
  try {
    const buffers = [Buffer.allocUnsafe(block), Buffer.allocUnsafe(block)];
    let which = 0;
    reading = handle.read(buffers[which], 0, block, null);
    for (;;) {
      const { bytesRead, buffer } = await reading;
      reading = null;
      if (bytesRead === 0) return;
      // Reads of a file go one after another (position null: where the last ended), so this one
      // starts where the block being handed out ends.
      which = 1 - which;
      reading = handle.read(buffers[which], 0, block, null);
      for (let at = 0; at < bytesRead; at += size) yield buffer.subarray(at, Math.min(at + size, bytesRead));
    }
  } finally {
    // A read still running must end before the file is closed (and its buffer dropped).
    if (reading !== null) await reading.catch(() => undefined);
    await handle.close();
  }
}

/** Reads a CSV file's cells once, in order. */
export async function streamCsvCells(file: string, sink: CellSink, options: StreamOptions = {}): Promise<void> {
  await readChunks(file, new CsvStreamParser(sink, options.positions ?? null, options.delimiter), options);
}

/** Reads a CSV or NDJSON file's records once, in order. */
export async function streamLedgerRecords(file: string, format: StreamFormat, sink: RecordSink, options: StreamOptions = {}): Promise<void> {
  if (format === 'csv') return streamCsvCells(file, recordsFromCells(sink), options);
  await readChunks(file, new NdjsonStreamParser(sink, options.positions ?? null), options);
}

/**
 * Feeds a file to a parser chunk by chunk. Bytes that are not UTF-8 become the usage error of
 * src/node/io.ts (`readText`), naming the file, the line and column, and the byte.
 */
async function readChunks(file: string, parser: { pushBytes(bytes: Buffer): void; push?(text: string): void; end(): void; readonly decoded: number }, options: StreamOptions): Promise<void> {
  let bytes = 0;
  const encoding = options.encoding;
  if (encoding !== undefined && encoding !== 'utf-8' && parser.push !== undefined) {
    // A named encoding: decoded as given (iconv-lite keeps a character cut by a chunk's end whole);
    // iconv-lite loads only then: UTF-8 needs none of it.
    const decoder = (require('iconv-lite') as typeof Iconv).getDecoder(encoding);
    for await (const chunk of createReadStream(file, { highWaterMark: options.chunkSize ?? 1 << 20 }) as AsyncIterable<Buffer>) {
      parser.push(decoder.write(chunk));
      bytes += chunk.length;
      options.onBytes?.(bytes);
    }
    const rest = decoder.end();
    if (rest !== undefined && rest.length > 0) parser.push(rest);
    parser.end();
    if (options.work !== undefined) options.work.decoded += parser.decoded;
    return;
  }
  try {
    for await (const chunk of fileChunks(file, options.chunkSize ?? CHUNK_BYTES)) {
      parser.pushBytes(chunk);
      bytes += chunk.length;
      options.onBytes?.(bytes);
    }
    parser.end();
    if (options.work !== undefined) options.work.decoded += parser.decoded;
  } catch (error) {
    if (error instanceof Utf8StreamError) throw new UsageError(`Cannot read ${shownLedgerName(file)}: ${encodingMessage(file, error)}`);
    if (error instanceof RecordTooLongError) throw new UsageError(`Cannot read ${shownLedgerName(file)}: ${error.message}`);
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
  return `${what}. ${encodingAdvice(utf16)}`;
}

/** Reads a CSV file again for a second pass, skipping the records `filter` rejects. */
export async function streamCsvCellsFiltered(file: string, sink: CellSink, filter: ByteRowFilter, options: StreamOptions = {}): Promise<void> {
  await readChunks(file, new CsvFilteredParser(sink, filter), options);
}
