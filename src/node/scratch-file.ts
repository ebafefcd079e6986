/** A temporary file for `ScratchFile`s (src/evaluation/scratch-file.ts), read and written synchronously. */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ScratchFile } from '../evaluation/scratch-file';

export function openScratchFile(): ScratchFile {
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
  let end = 0;
  let closed = false;
  return {
    append(bytes, length) {
      let done = 0;
      while (done < length) done += writeSync(fd, bytes, done, length - done, end + done);
      end += length;
    },
    read(into, length, position) {
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
