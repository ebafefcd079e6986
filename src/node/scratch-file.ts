/** Temporary files for `ScratchFile`s (src/evaluation/scratch-file.ts), read and written synchronously. */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ScratchFile, ScratchFiles } from '../evaluation/scratch-file';

/** Appends are collected up to this many bytes before one write: a table's blocks may be small. */
const PENDING = 256 * 1024;

/** One temporary file: appends collected in memory and written together, read back at any position. */
function openTemporary(): ScratchFile {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clause-scratch-'));
  const file = path.join(dir, 'data');
  const fd = openSync(file, 'w+');
  let removed = false;
  const remove = (): void => {
    if (removed) return;
    removed = true;
    try {
      unlinkSync(file);
    } catch {
      // Already gone.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // Where an open file can be unlinked (not Windows), it goes now: it lives while the descriptor is
  // open and disappears with the process, however the process ends.
  if (process.platform !== 'win32') remove();
  /** Bytes written to the file; `pending[0 .. held)` follows them. */
  let written = 0;
  const pending = new Uint8Array(PENDING);
  let held = 0;
  let closed = false;
  const write = (bytes: Uint8Array, length: number): void => {
    let done = 0;
    while (done < length) done += writeSync(fd, bytes, done, length - done, written + done);
    written += length;
  };
  const flush = (): void => {
    if (held === 0) return;
    write(pending, held);
    held = 0;
  };
  return {
    append(bytes, length) {
      const at = written + held;
      if (held + length > PENDING) flush();
      if (length >= PENDING) write(bytes, length);
      else {
        pending.set(length === bytes.length ? bytes : bytes.subarray(0, length), held);
        held += length;
      }
      return at;
    },
    read(into, length, position) {
      if (position + length > written) flush();
      let done = 0;
      while (done < length) {
        const n = readSync(fd, into, done, length - done, position + done);
        if (n === 0) throw new Error(`the scratch file ended at ${position + done} of ${position + length}`);
        done += n;
      }
    },
    close() {
      if (closed) return;
      closed = true;
      closeSync(fd);
      remove();
    },
  };
}

/** A scratch file of its own. */
export function openScratchFile(): ScratchFile {
  return openTemporary();
}

/**
 * Scratch files that are all parts of one temporary file (opened when the first is): a portfolio's
 * contracts may each spill a table, and one file each could exhaust the process's file descriptors.
 * The file is deleted when every part was closed (and with the process).
 */
export function sharedScratchFiles(): ScratchFiles {
  let shared: ScratchFile | null = null;
  let open = 0;
  return {
    open() {
      if (shared === null) shared = openTemporary();
      const file = shared;
      open++;
      let closed = false;
      return {
        append: (bytes, length) => file.append(bytes, length),
        read: (into, length, position) => file.read(into, length, position),
        close() {
          if (closed) return;
          closed = true;
          if (--open === 0) {
            file.close();
            shared = null;
          }
        },
      };
    },
  };
}
