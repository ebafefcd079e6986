/**
 * Writing an output file of the CLI (`format --write`, `--obligations-csv`) so that a planted link, a
 * read-only file, an input of the same run or a concurrent writer never loses data:
 * - the content goes to a temporary file created exclusively (O_EXCL, a random name) in the real target's
 *   folder, then is renamed over the target in one step, so readers see the old file or the new one;
 * - a symbolic link is followed to the file it names, and that file is replaced (the link stays a link);
 * - the target keeps its mode; a read-only target is refused, not replaced;
 * - a target that is also an input of the run (the same file, by device and inode) is refused;
 * - with `unchangedSince`, a target that changed after it was read (an append by another process) is refused.
 * Every failure is a UsageError naming the file, never a stack trace.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import path from 'node:path';
import { UsageError } from './io';

export interface WriteOptions {
  /** Files this run reads (option name → path); the output may be none of them. `-` is skipped. */
  inputs?: ReadonlyArray<{ what: string; path: string }>;
  /** The target as it was when read: written only if its size and modification time are still these. */
  unchangedSince?: { size: number; mtimeMs: number };
}

/** Writes `content` to `target` as described above. */
export function writeOutput(target: string, content: string, options: WriteOptions = {}): void {
  const shown = `'${target}'`;
  const real = realTarget(target);
  const existing = statOrNull(real);
  if (existing && !existing.isFile()) throw new UsageError(`Cannot write ${shown}: it is not a regular file.`);
  if (existing && (existing.mode & 0o222) === 0) throw new UsageError(`Cannot write ${shown}: the file is read-only; make it writable first if it is to be replaced.`);
  for (const input of options.inputs ?? []) {
    if (input.path === '-') continue;
    const other = statOrNull(input.path);
    if (existing && other && other.dev === existing.dev && other.ino === existing.ino) {
      throw new UsageError(`Cannot write ${shown}: it is the ${input.what} of this run; choose another output file.`);
    }
  }
  const folder = path.dirname(real);
  const temporary = path.join(folder, `.${path.basename(real)}.${randomBytes(8).toString('hex')}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(temporary, 'wx', 0o600);
    writeSync(fd, content);
    fsyncSync(fd);
    fchmodSync(fd, existing ? existing.mode & 0o7777 : 0o666 & ~currentUmask());
    closeSync(fd);
    fd = null;
    if (options.unchangedSince) {
      const now = statOrNull(real);
      if (!now || now.size !== options.unchangedSince.size || now.mtimeMs !== options.unchangedSince.mtimeMs) {
        throw new UsageError(`Cannot write ${shown}: it changed after it was read (another program wrote to it); nothing was written, run again.`);
      }
    }
    renameSync(temporary, real);
  } catch (error) {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(temporary);
    } catch {
      // Not created, or already renamed.
    }
    throw writeError(target, folder, error);
  }
}

/** The file a path names after following symbolic links; a path that does not exist yet names itself. */
function realTarget(target: string): string {
  let link: Stats | null = null;
  try {
    link = lstatSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw writeError(target, path.dirname(target), error);
  }
  if (link === null) {
    const folder = path.dirname(path.resolve(target));
    if (!statOrNull(folder)?.isDirectory()) throw new UsageError(`Cannot write '${target}': the folder '${path.dirname(target)}' does not exist.`);
    return path.join(realpathSync(folder), path.basename(target));
  }
  try {
    return realpathSync(target);
  } catch {
    throw new UsageError(`Cannot write '${target}': it is a symbolic link to a file that does not exist.`);
  }
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

function currentUmask(): number {
  // process.umask() without an argument is deprecated; reading it by setting it back is the documented way.
  const mask = process.umask(0o022);
  process.umask(mask);
  return mask;
}

function writeError(target: string, folder: string, error: unknown): UsageError {
  if (error instanceof UsageError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const shown = `'${target}'`;
  if (code === 'EACCES' || code === 'EPERM') return new UsageError(`Cannot write ${shown}: permission denied (the folder '${folder}' must be writable).`);
  if (code === 'EROFS') return new UsageError(`Cannot write ${shown}: the file system is read-only.`);
  if (code === 'ENOSPC' || code === 'EDQUOT') return new UsageError(`Cannot write ${shown}: no space left on the device.`);
  if (code === 'ENOENT' || code === 'ENOTDIR') return new UsageError(`Cannot write ${shown}: the folder '${folder}' does not exist.`);
  return new UsageError(`Cannot write ${shown}: ${code ?? (error as Error).message}.`);
}
