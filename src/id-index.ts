/**
 * Duplicate-id detection for ledgers of millions of rows.
 *
 * A `Set` of every id string costs tens of bytes per row and dominates pass 1. Here pass 1 keeps
 * only a 53-bit hash per id in a flat open-addressing table (about 11–16 bytes per id, no
 * per-row objects). A repeated hash makes that hash a *suspect*; pass 2 collects the actual ids
 * of the few rows with suspect hashes and confirms duplicates by comparing strings, so the result
 * is exact: a hash collision between different ids is never reported.
 */
import { hashId } from './id-hash';

/**
 * 53-bit hash of a string: `hashId` (src/id-hash.ts, which the CLI's byte-level second-pass reader
 * reproduces) in the high 32 bits, so that suspects can be handed to that reader as `hashId`
 * values, and 21 bits of an independent multiplicative hash below.
 */
export function idHash(text: string): number {
  let h2 = 0x9747b28c | 0;
  for (let i = 0; i < text.length; i++) {
    h2 = Math.imul(h2 ^ text.charCodeAt(i), 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h2 = fmix(h2 + text.length);
  // Never 0, the empty-slot marker: values 1 … 2^53, all exact doubles.
  return hashId(text) * LOW + (h2 & (LOW - 1)) + 1;
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

export class IdIndex {
  private readonly hash: (text: string) => number;
  private keys = new Float64Array(1024);
  private used = 0;
  /** Hashes seen more than once. */
  readonly suspects = new Set<number>();

  /** `hash` must return integers in 1 … 2^53; replaceable so that tests can force collisions. */
  constructor(hash: (text: string) => number = idHash) {
    this.hash = hash;
  }

  /** Records an id (pass 1); true when its hash was seen before (the id may repeat). */
  add(id: string): boolean {
    const key = this.hash(id);
    if (this.insert(key)) return false;
    this.suspects.add(key);
    return true;
  }

  /** The `hashId` values of the suspects: a byte-level reader keeps rows whose id hashes into it. */
  suspectHashIds(): Set<number> {
    return new Set([...this.suspects].map(highHash));
  }

  /** Whether pass 2 must look at this id (its hash repeated in pass 1). */
  isSuspect(id: string): boolean {
    return this.suspects.size > 0 && this.suspects.has(this.hash(id));
  }

  /** True when newly inserted, false when the key was already present. */
  private insert(key: number): boolean {
    if ((this.used + 1) * 5 > this.keys.length * 3) this.grow();
    const mask = this.keys.length - 1;
    let slot = (key % 0x40000000) & mask;
    for (;;) {
      const k = this.keys[slot];
      if (k === 0) {
        this.keys[slot] = key;
        this.used++;
        return true;
      }
      if (k === key) return false;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.keys;
    this.keys = new Float64Array(old.length * 2);
    this.used = 0;
    for (let i = 0; i < old.length; i++) if (old[i] !== 0) this.insert(old[i]);
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
