/**
 * Duplicate-id detection for ledgers of millions of rows.
 *
 * A `Set` of every id string costs tens of bytes per row and dominates pass 1. Here pass 1 appends
 * a 53-bit hash per id to typed-array chunks in 16 buckets by the hash's top bits (8 bytes a row
 * plus at most one half-empty chunk per bucket, no per-row objects, and no table to double: a
 * 10M-row ledger needs about 85 MB). At the end of pass 1 each bucket is checked on its own: a
 * hash seen twice is a *suspect*. Pass 2 collects the actual ids of the few rows with suspect hashes
 * and confirms duplicates by comparing strings, so the result is exact: a hash collision between
 * different ids is never reported. (One open-addressing table for all the hashes, filled during
 * pass 1, took 134 MB for 10M ids, plus 67 MB while it doubled: over the 300 MB budget for a 10M-row ledger.
 * `seal` uses a small one per bucket, once the hashes are all in.)
 */
import { fmix32 } from './id-hash';

/**
 * 53-bit hash of a string: `hashId` (id-hash.ts) in the high 32 bits, so that pass 1 can name its
 * suspects to pass 2 as `hashId` values, and 21 bits of an independent multiplicative hash below.
 */
export function idHash(text: string): number {
  // One loop for both halves: the high one is exactly `hashId` (FNV-1a, then fmix32).
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c | 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h2 = fmix32(h2 + text.length);
  // Never 0: values 1 … 2^53, all exact doubles.
  return fmix32(h1) * LOW + (h2 & (LOW - 1)) + 1;
}

/** The `hashId` part of an `idHash`. */
export function highHash(key: number): number {
  return Math.floor((key - 1) / LOW);
}

const LOW = 2_097_152; // 2^21

/**
 * Hashes are kept in 16 buckets by their top 4 bits, so duplicates meet within one bucket and the
 * table that finds them (see `seal`) is a sixteenth of what one for all the ids would be.
 */
const BUCKETS = 16;
const BUCKET_DIVISOR = 2 ** 49; // idHash values are below 2^53 + 2
/** Chunks of a bucket double from 16 entries up to this many (512 KB), then stay: little slack. */
const MAX_CHUNK = 1 << 16;
/**
 * The chunks are cut from slabs of this many entries (32 MiB), one after another. The C allocator
 * keeps a buffer freed in the middle of its heap for later use instead of returning it to the
 * system, and glibc's places buffers of up to 32 MiB there once the process has freed a larger one:
 * 10M ids' chunks of 512 KB stayed in the process after pass 1 (80 MB), under pass 2's memory. A
 * slab of 32 MiB is always a mapping of its own, returned when the slabs are dropped (after `seal`);
 * its pages take memory only once written, so a small ledger costs no more than its chunks.
 */
const SLAB = 1 << 22;

export class IdIndex {
  private readonly hash: (text: string) => number;
  /** Per bucket: filled chunks, then the current one (filled up to `fill[b]`). */
  private readonly buckets: Float64Array[][] = Array.from({ length: BUCKETS }, () => []);
  private readonly fill = new Int32Array(BUCKETS);
  private sealed = false;
  private readonly found = new Set<number>();
  /** The slab chunks are cut from, and how much of it is cut. */
  private slab: Float64Array | null = null;
  private slabUsed = 0;

  /** `hash` must return integers in 1 … 2^53; replaceable so that tests can force collisions. */
  constructor(hash: (text: string) => number = idHash) {
    this.hash = hash;
  }

  /** Records an id (pass 1). */
  add(id: string): void {
    if (this.sealed) throw new Error('IdIndex.add after the suspects were read');
    const key = this.hash(id);
    const b = Math.floor(key / BUCKET_DIVISOR) & (BUCKETS - 1);
    const chunks = this.buckets[b];
    let current = chunks.length > 0 ? chunks[chunks.length - 1] : null;
    let n = this.fill[b];
    if (current === null || n === current.length) {
      current = this.chunk(current === null ? 16 : Math.min(MAX_CHUNK, current.length * 2));
      chunks.push(current);
      n = 0;
    }
    current[n] = key;
    this.fill[b] = n + 1;
  }

  /** A new chunk of `n` entries, cut from the current slab (a new one when it is full). */
  private chunk(n: number): Float64Array {
    if (this.slab === null || this.slabUsed + n > SLAB) {
      this.slab = new Float64Array(SLAB);
      this.slabUsed = 0;
    }
    const chunk = this.slab.subarray(this.slabUsed, this.slabUsed + n);
    this.slabUsed += n;
    return chunk;
  }

  /** The buffers the hashes are held in (each chunk's, counted once): the slabs, until `seal` drops them. */
  heldBuffers(): ArrayBufferLike[] {
    return [...new Set(this.buckets.flatMap((chunks) => chunks.map((chunk) => chunk.buffer)))];
  }

  /** Hashes seen more than once (ends pass 1 on first use: the hashes are then dropped). */
  get suspects(): ReadonlySet<number> {
    if (!this.sealed) this.seal();
    return this.found;
  }

  private hashIds: ReadonlySet<number> | null = null;

  /** The `hashId` values of the suspects: pass 2 compares the ids of the rows whose id hashes into it. */
  suspectHashIds(): ReadonlySet<number> {
    this.hashIds ??= new Set([...this.suspects].map(highHash));
    return this.hashIds;
  }

  /** Whether pass 2 must look at this id (its hash repeated in pass 1). */
  isSuspect(id: string): boolean {
    const suspects = this.suspects;
    return suspects.size > 0 && suspects.has(this.hash(id));
  }

  /**
   * Notes repeats bucket by bucket in one open-addressing table, reused (at most 0.6 full; 8 MB for
   * a bucket of a 10M-row ledger): several times faster than sorting each bucket, and each
   * bucket's chunks are dropped as soon as it is done.
   */
  private seal(): void {
    this.sealed = true;
    this.slab = null;
    let table = new Float64Array(0);
    for (let b = 0; b < BUCKETS; b++) {
      const chunks = this.buckets[b];
      if (chunks.length === 0) continue;
      let total = this.fill[b];
      for (let c = 0; c < chunks.length - 1; c++) total += chunks[c].length;
      let size = 16;
      while (size * 0.6 < total) size *= 2;
      if (table.length < size) table = new Float64Array(size);
      else table.fill(0, 0, size);
      const mask = size - 1;
      for (let c = 0; c < chunks.length; c++) {
        const chunk = chunks[c];
        const n = c === chunks.length - 1 ? this.fill[b] : chunk.length;
        for (let i = 0; i < n; i++) {
          const key = chunk[i];
          // The low 32 bits mix both hashes of the id (the bucket came from the top bits). Keys are never 0.
          let slot = (key >>> 0) & mask;
          for (;;) {
            const at = table[slot];
            if (at === 0) {
              table[slot] = key;
              break;
            }
            if (at === key) {
              this.found.add(key);
              break;
            }
            slot = (slot + 1) & mask;
          }
        }
      }
      chunks.length = 0;
    }
  }
}

/**
 * Pass 2 of the check: the rows whose id hash is suspect, as (row, id). Returns, for every row that
 * repeats an id, the row that used it first (in row-number order, whatever order rows came in).
 */
export function confirmDuplicates(rows: ReadonlyArray<{ row: number; id: string }>): Array<{ row: number; id: string; firstRow: number }> {
  const sorted = [...rows].sort((a, b) => a.row - b.row);
  const first = new Map<string, number>();
  const out: Array<{ row: number; id: string; firstRow: number }> = [];
  for (const r of sorted) {
    const seen = first.get(r.id);
    if (seen === undefined) first.set(r.id, r.row);
    else out.push({ row: r.row, id: r.id, firstRow: seen });
  }
  return out;
}
