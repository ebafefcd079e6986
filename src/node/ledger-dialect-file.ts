/**
 * A ledger file's dialect, judged from its first 64 KiB before it is streamed: the delimiter (given,
 * or found in the header line) and the encoding (given, UTF-8 by default). Also the whole-text read
 * of a ledger in a named encoding, for the in-memory path.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type * as Iconv from 'iconv-lite';
import { detectDelimiter, encodingAdvice, firstLine, likelyEncoding, type Delimiter, type LedgerEncoding } from '../ledger/ledger-dialect';
import { encodingProblem, readBytes, UsageError } from './io';

const SAMPLE = 64 * 1024;

export interface FileDialect {
  delimiter: Delimiter;
  /** Whether `--delimiter` (or the mapping file) gave it; otherwise it was found in the header line. */
  delimiterGiven: boolean;
  encoding: LedgerEncoding;
}

/** iconv-lite, loaded only for a named encoding: UTF-8 needs none of it. */
const iconv = (): typeof Iconv => require('iconv-lite') as typeof Iconv;

function decode(bytes: Buffer, encoding: LedgerEncoding): string {
  return encoding === 'utf-8' ? bytes.toString('utf8') : iconv().decode(bytes, encoding);
}

/** Reads the first bytes of `file` (a path the caller can open) and settles the CSV dialect. */
export function fileDialect(file: string, shown: string, delimiter: Delimiter | undefined, encoding: LedgerEncoding | undefined): FileDialect {
  const fd = openSync(file, 'r');
  let sample: Buffer;
  try {
    const buf = Buffer.alloc(SAMPLE);
    sample = buf.subarray(0, readSync(fd, buf, 0, SAMPLE, 0));
  } finally {
    closeSync(fd);
  }
  return dialectOf(sample, shown, delimiter, encoding);
}

export function dialectOf(sample: Buffer, shown: string, delimiter: Delimiter | undefined, encoding: LedgerEncoding | undefined): FileDialect {
  const chosen = encoding ?? 'utf-8';
  if (encoding === undefined && likelyEncoding(sample, true) === 'utf-16le') {
    throw new UsageError(`Cannot read ${shown}: it is UTF-16 text, not UTF-8. ${encodingAdvice(true)}`);
  }
  if (delimiter !== undefined) return { delimiter, delimiterGiven: true, encoding: chosen };
  const line = firstLine(decode(sample, chosen));
  const found = detectDelimiter(line);
  if (found === null) {
    throw new UsageError(`cannot tell the delimiter of ${shown} from its header line '${line.slice(0, 120)}' (two candidates occur equally often): pass --delimiter ',' | ';' | tab | '|'.`);
  }
  return { delimiter: found, delimiterGiven: false, encoding: chosen };
}

/** A whole ledger as text: UTF-8 strictly (the error names the likely encoding and the option), or decoded as given. */
export function readLedgerText(path: string, shown: string, encoding: LedgerEncoding | undefined): string {
  const bytes = readBytes(path);
  if (encoding !== undefined && encoding !== 'utf-8') return iconv().decode(bytes, encoding);
  const problem = encodingProblem(bytes);
  if (problem !== null) {
    const utf16 = likelyEncoding(bytes, false) === 'utf-16le';
    throw new UsageError(`Cannot read ${shown}: ${problem.message.replace(/ Save it as UTF-8 and try again\.$/, '')} ${encodingAdvice(utf16)}`);
  }
  return bytes.toString('utf8');
}
