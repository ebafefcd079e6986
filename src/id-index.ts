/**
 * Duplicate-id detection for ledgers of millions of rows.
 *
 * A `Set` of every id string costs tens of bytes per row and dominates pass 1. Here pass 1 appends
 * a 53-bit hash per id to flat typed-array chunks (8 bytes a row, no per-row objects, and no
 * table to double: a 10M-row ledger needs 80 MB, never more). At the end of pass 1 each chunk is
 * sorted and the chunks are merged: a hash seen twice is a *suspect*. Pass 2 collects the actual
 * ids of the few rows with suspect hashes and confirms duplicates by comparing strings, so the
 * result is exact: a hash collision between different ids is never reported. (An open-addressing
 * table of the same hashes took 134 MB for 10M ids, plus 67 MB while it doubled: over the 300 MB
 * budget of issue 4.)
 */


/**
 * 53-bit hash of a string: `hashId` (src/id-hash.ts, which the CLI's byte-level second-pass reader
 * reproduces) in the high 32 bits, so that suspects can be handed to that reader as `hashId`
 * values, and 21 bits of an independent multiplicative hash below.
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
  h2 = fmix(h2 + text.length);
  // Never 0: values 1 … 2^53, all exact doubles.
  return (fmix(h1) >>> 0) * LOW + (h2 & (LOW - 1)) + 1;
}

/** The `hashId` part of an `idHash`. */
export function highHash(key: number): number {
  return Math.floor((key - 1) / LOW);
}

const LOW = 2_097_152; // 2^21

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

const CHUNK = 1 << 20;

export class IdIndex {
  private readonly hash: (text: string) => number;
  private readonly chunks: Float64Array[] = [];
  private current = new Float64Array(1024);
  private used = 0;
  private sealed = false;
  private readonly found = new Set<number>();

  /** `hash` must return integers in 1 … 2^53; replaceable so that tests can force collisions. */
  constructor(hash: (text: string) => number = idHash) {
    this.hash = hash;
  }

  /** Records an id (pass 1). */
  add(id: string): void {
    if (this.sealed) throw new Error('IdIndex.add after the suspects were read');
    if (this.used === this.current.length) {
      if (this.current.length < CHUNK) {
        // Small ledgers: grow the first chunk up to the chunk size.
        const bigger = new Float64Array(this.current.length * 4);
        bigger.set(this.current);
        this.current = bigger;
      } else {
        this.chunks.push(this.current);
        this.current = new Float64Array(CHUNK);
        this.used = 0;
      }
    }
    this.current[this.used++] = this.hash(id);
  }

  /** Hashes seen more than once (ends pass 1 on first use: the hashes are then dropped). */
  get suspects(): ReadonlySet<number> {
    if (!this.sealed) this.seal();
    return this.found;
  }

  /** The `hashId` values of the suspects: a byte-level reader keeps rows whose id hashes into it. */
  suspectHashIds(): Set<number> {
    return new Set([...this.suspects].map(highHash));
  }

  /** Whether pass 2 must look at this id (its hash repeated in pass 1). */
  isSuspect(id: string): boolean {
    const suspects = this.suspects;
    return suspects.size > 0 && suspects.has(this.hash(id));
  }

  private seal(): void {
    this.sealed = true;
    const runs = [...this.chunks, this.current.subarray(0, this.used)].map((c) => c.sort());
    this.chunks.length = 0;
    this.current = new Float64Array(0);
    // Merge the sorted runs, noting every value met twice.
    const at = new Array<number>(runs.length).fill(0);
    let previous = 0;
    for (;;) {
      let best = -1;
      for (let r = 0; r < runs.length; r++) {
        if (at[r] < runs[r].length && (best === -1 || runs[r][at[r]] < runs[best][at[best]])) best = r;
      }
      if (best === -1) break;
      const v = runs[best][at[best]++];
      if (v === previous) this.found.add(v);
      previous = v;
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
