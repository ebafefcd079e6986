/**
 * A ledger that can be read twice: a file as is, or standard input or a pipe spooled to a temporary
 * file first, because the evaluation reads the ledger twice.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

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

/** How errors name a ledger file: standard input or the pipe for a spooled copy, else the quoted path. */
export function shownLedgerName(file: string): string {
  return spooledNames.get(file) ?? `'${file}'`;
}
