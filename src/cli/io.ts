/** Reading inputs for the CLI, with failures turned into usage errors (exit 2) that name the file. */
import { readFileSync } from 'node:fs';

export class UsageError extends Error {}

/** A whole file as UTF-8 text, or standard input for `-`. */
export function readText(path: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const what = path === '-' ? 'standard input' : `'${path}'`;
    if (code === 'ENOENT') throw new UsageError(`Cannot read ${what}: no such file.`);
    if (code === 'EISDIR') throw new UsageError(`Cannot read ${what}: it is a folder, not a file.`);
    throw new UsageError(`Cannot read ${what}: ${(error as Error).message}`);
  }
}

/** Exit codes scripts can rely on. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 70 } as const;
