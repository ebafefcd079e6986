/**
 * A file of bytes an evaluation may set data aside in instead of holding it in memory: written only
 * at its end, read back at any position, deleted by `close`. The command line gives a temporary file
 * (src/node/scratch-file.ts); without one (a browser, the library by default) tables stay in memory.
 */
import type { SpillBudget } from './spill-budget';

export interface ScratchFile {
  /** Appends `bytes[0 .. length)`; returns the position they start at (several scratch files may share one file). */
  append(bytes: Uint8Array, length: number): number;
  /** Fills `into[0 .. length)` from the file's `position`. */
  read(into: Uint8Array, length: number, position: number): void;
  /** Deletes the file; nothing is read after. */
  close(): void;
}

/** Where an evaluation gets its scratch files. */
export interface ScratchFiles {
  /** Opens a new scratch file (called only when a table outgrows its memory budget). */
  open(): ScratchFile;
  /** Entries a table holds in memory before it spills (default: the table's own budget); tests set it low. */
  spillAt?: number;
  /** The budget that several tables share (a portfolio's contracts); absent: one table has the whole of it. */
  budget?: SpillBudget;
}
