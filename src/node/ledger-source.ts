/**
 * A ledger that can be read twice: a file as is, or standard input or a pipe spooled to a temporary
 * file first, because the evaluation reads the ledger twice.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InputTooLargeError } from './io';

/**
 * The most bytes of a streamed ledger (a file, or standard input or a pipe spooled to disk): checked
 * from the size of a file before it is read, and while a spool is written, so that `/dev/zero` given as
 * the ledger stops here instead of filling the disk. `--max-ledger-bytes` sets another limit.
 */
export const MAX_LEDGER_BYTES = 16 * 1024 ** 3;

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
export async function openLedgerSource(file: string, stdin: NodeJS.ReadableStream = process.stdin, maxBytes = MAX_LEDGER_BYTES): Promise<LedgerSource> {
  if (file === '-') return spool(stdin, 'standard input', '-', maxBytes);
  const stat = statSync(file);
  if (stat.isFIFO() || stat.isCharacterDevice() || stat.isSocket()) return spool(createReadStream(file), `'${file}'`, file, maxBytes);
  if (stat.size > maxBytes) throw new InputTooLargeError(file, maxBytes);
  return { path: file, size: stat.size, modifiedMs: stat.mtimeMs, dispose: () => undefined };
}

async function spool(input: NodeJS.ReadableStream, shown: string, named: string, maxBytes: number): Promise<LedgerSource> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clause-ledger-'));
  liveSpools.add(dir);
  watchSignals();
  const remove = (): void => {
    liveSpools.delete(dir);
    rmSync(dir, { recursive: true, force: true });
  };
  const spooled = path.join(dir, 'spooled');
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > maxBytes ? new InputTooLargeError(named, maxBytes) : null, chunk);
    },
  });
  try {
    await pipeline(input, limit, createWriteStream(spooled, { highWaterMark: 1 << 20 }));
  } catch (error) {
    remove();
    // A device such as /dev/zero never ends by itself: stop reading it.
    (input as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
    throw error;
  }
  spooledNames.set(spooled, shown);
  return {
    path: spooled,
    size: statSync(spooled).size,
    dispose: () => {
      spooledNames.delete(spooled);
      remove();
    },
  };
}

/** Spool folders not yet removed: removed on every exit path, SIGINT and SIGTERM included. */
const liveSpools = new Set<string>();
let watching = false;

function removeLiveSpools(): void {
  for (const dir of liveSpools) rmSync(dir, { recursive: true, force: true });
  liveSpools.clear();
}

function watchSignals(): void {
  if (watching) return;
  watching = true;
  process.on('exit', removeLiveSpools);
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.once(signal, () => {
      removeLiveSpools();
      process.exit(code);
    });
  }
}

/** Spooled copies → what their errors name (standard input, or the pipe's path), not the temporary file. */
const spooledNames = new Map<string, string>();

/** How errors name a ledger file: standard input or the pipe for a spooled copy, else the quoted path. */
export function shownLedgerName(file: string): string {
  return spooledNames.get(file) ?? `'${file}'`;
}
