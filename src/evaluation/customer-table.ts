/**
 * Each customer's first positive-amount row, and whether the customer had any row before the
 * effective date, keyed by the case-folded name: what new-customer milestones need from pass 1.
 *
 * A ledger may hold a customer per row (millions of names), so the table holds no object per
 * customer: the folded names are copied into one character arena and found through an
 * open-addressing table of entry numbers; the first sale of entry k is `time[k]`, `row[k]`,
 * `day[k]`. Names are compared character by character, so two names share an entry only when
 * their folded texts are equal: the table is exact, never a hash summary.
 *
 * Past `spillAt` names, when the evaluation was given scratch files, the table stops growing: its
 * entries and every later row go to a scratch file in partitions by name (src/evaluation/customer-spill.ts),
 * and at the end of pass 1 each partition is folded on its own in a table of a partition's size.
 * What pass 2 asks (is this row its customer's first sale, of a new customer) is then answered
 * from a set of rows (src/evaluation/row-set.ts: at most a bit per row). Memory then grows with
 * rows by at most a bit each, not with distinct names. The tables of a portfolio's contracts share
 * one budget (src/evaluation/spill-budget.ts).
 *
 * Folding is `String.prototype.toLowerCase` (the rule new-customer milestones state). An ASCII
 * name is folded while it is copied into the key, without a lower-case string; a name with any
 * other character is lower-cased first.
 */
import { CustomerSpill } from './customer-spill';
import { PartitionTable } from './customer-partition';
import type { ScratchFiles } from './scratch-file';
import { RowSet } from './row-set';
import { ALONE } from './spill-budget';

/** The time of an entry without a positive row yet. */
const NO_SALE = Number.POSITIVE_INFINITY;
/** Rows and name characters are numbered in 32 bits (4 bytes an entry each, where doubles took 8). */
const MAX_ROW = 0xffffffff;
const MAX_CHARS = 0xffffffff;

export class CustomerTable {
  /** Entries held in memory. */
  size = 0;
  /**
   * Folded names, one after the other; entry k is `chars[start[k] .. start[k + 1])`. One byte per
   * character while every name is Latin-1 (most ledgers), two from the first name that is not.
   */
  private chars: Uint8Array | Uint16Array = new Uint8Array(1 << 16);
  private charCount = 0;
  private start = new Uint32Array(1 << 12);
  private times = new Float64Array(1 << 12);
  private rows = new Uint32Array(1 << 12);
  private days = new Int32Array(1 << 12);
  /** 1: the customer had a row before the effective date (never new). */
  private before = new Uint8Array(1 << 12);
  /**
   * Two numbers per slot: the name's hash and its entry number + 1 (0: empty), side by side so that
   * a probe reads one cache line; a power of two slots, at most three quarters full (the hash is
   * compared before the name, so a longer probe costs little next to a larger table's memory).
   */
  private slots = new Int32Array(2 << 13);

  /** The key being looked up: its folded code units `keyUnits[0 .. keyLength)` and their hash. */
  private keyUnits: Uint16Array = new Uint16Array(64);
  private keyLength = 0;
  private keyHash = 0;
  /** The key is an ASCII name, folded while it was loaded (no unit above 255: no need to look). */
  private keyAscii = false;

  /** The records set aside once the table spilled (null: it holds every name in memory). */
  private spill: CustomerSpill | null = null;
  /** After a spilled table was folded: the rows that are the first sale of a new customer. */
  private firstOfNew: RowSet | null = null;
  private maxRow = 0;
  /** Bytes the partition tables reached while the spilled records were folded. */
  private foldBytes = 0;

  /**
   * Names held in memory before the table spills (-1: not known yet; a shared budget's share is
   * known once every table joined, before the first row). Spilling early costs less than it saves:
   * a partition's table fits in the processor's caches, where one table of millions of names is read
   * at scattered addresses, and writing a record is a sequential copy.
   */
  private spillAt = -1;

  /** `scratch`: where the table may spill past its budget's names (null: it stays in memory). */
  constructor(private readonly scratch: ScratchFiles | null = null) {
    scratch?.budget?.join();
  }

  /** Bytes the table holds in memory (its typed arrays, and a spilled table's blocks and row bits): for the work guard. */
  get bytes(): number {
    const own = this.chars.byteLength + this.start.byteLength + this.times.byteLength + this.rows.byteLength + this.days.byteLength + this.before.byteLength + this.slots.byteLength + this.keyUnits.byteLength;
    return own + (this.spill?.bytes ?? 0) + (this.firstOfNew?.bytes ?? 0) + this.foldBytes;
  }

  /** Whether the table set its names aside in a scratch file. */
  get spilled(): boolean {
    return this.spill !== null || this.firstOfNew !== null;
  }

  /** A positive-amount row of `name`: kept when it is the customer's earliest so far (by instant, then row). */
  sale(name: string, time: number, row: number, day: number): void {
    if (row > MAX_ROW) throw new RangeError(`row ${row}: the customer table numbers rows up to ${MAX_ROW}`);
    this.load(name);
    if (this.spill !== null) {
      if (row > this.maxRow) this.maxRow = row;
      this.spill.write(this.keyHash, this.keyUnits, 0, this.keyLength, true, time, row, day, this.keyAscii);
      return;
    }
    this.keep(this.entry(true), time, row, day);
    this.spillIfFull();
  }

  /** A row of `name` before the effective date (even a refund): the customer is never new. */
  seenBefore(name: string): void {
    this.load(name);
    if (this.spill !== null) {
      this.spill.write(this.keyHash, this.keyUnits, 0, this.keyLength, false, 0, 0, 0, this.keyAscii);
      return;
    }
    this.before[this.entry(true)] = 1;
    this.spillIfFull();
  }

  /**
   * Calls `count(day)` once per customer whose first positive row fell on a day in
   * [firstDay, lastDay] and who had no row before the effective date. Once, for a spilled table
   * (its records are read back and the scratch file deleted).
   */
  forEachNew(firstDay: number, lastDay: number, count: (day: number) => void): void {
    if (this.spill === null) {
      if (this.firstOfNew !== null) throw new Error('the spilled customer table was already read');
      this.forEachFirstOfNew((_row, day) => {
        if (day >= firstDay && day <= lastDay) count(day);
      });
      return;
    }
    const spill = this.spill;
    this.spill = null;
    const firsts = new RowSet(this.maxRow);
    const part = new PartitionTable();
    // One function for every partition's first sales: a new one per partition would each time
    // throw away the optimized code that called the one before.
    const first = (row: number, day: number): void => {
      firsts.add(row);
      if (day >= firstDay && day <= lastDay) count(day);
    };
    spill.readAll({
      partition: (data) => part.start(data),
      record: (nameAt, bytes, wide, hash, sale, time, row, day) => part.record(nameAt, bytes, wide, hash, sale, time, row, day),
      partitionDone: () => {
        part.forEachFirstOfNew(first);
        this.foldBytes = Math.max(this.foldBytes, part.bytes);
      },
    });
    this.firstOfNew = firsts;
  }

  /**
   * Whether row `row` is the first positive row of `name` and the customer had no row before the
   * effective date. `name` is the customer of row `row` (a spilled table answers from the row alone).
   */
  isFirstSaleOfNew(name: string, row: number): boolean {
    if (this.spill !== null) throw new Error('the customer table is asked about a row before pass 1 ended');
    if (this.firstOfNew !== null) return this.firstOfNew.has(row);
    this.load(name);
    const k = this.entry(false);
    return k !== -1 && this.times[k] !== NO_SALE && this.rows[k] === row && this.before[k] === 0;
  }

  /** Each entry whose customer is new (a positive row, none before E): its first sale's row and day. */
  private forEachFirstOfNew(visit: (row: number, day: number) => void): void {
    for (let k = 0; k < this.size; k++) {
      if (this.times[k] === NO_SALE || this.before[k] === 1) continue;
      visit(this.rows[k], this.days[k]);
    }
  }

  private keep(k: number, time: number, row: number, day: number): void {
    const t = this.times[k];
    if (time < t || (time === t && row < this.rows[k])) {
      this.times[k] = time;
      this.rows[k] = row;
      this.days[k] = day;
    }
  }

  /** Past `spillAt` names, with scratch files: every entry goes to a new spill, and the table empties. */
  private spillIfFull(): void {
    if (this.size < this.spillAt || this.scratch === null) return;
    const budget = this.scratch.budget ?? ALONE;
    if (this.spillAt < 0) {
      this.spillAt = this.scratch.spillAt ?? budget.spillAt;
      if (this.size < this.spillAt) return;
    }
    const spill = new CustomerSpill(this.scratch.open(), budget.partitionBits, budget.block);
    // Each entry's name is copied into the key buffer and written from there, as every later row's
    // is: `write` then sees one kind of array, and its optimized code is not thrown away at the first row.
    const chars = this.chars;
    for (let k = 0; k < this.size; k++) {
      const from = this.start[k];
      const length = this.end(k) - from;
      if (length > this.keyUnits.length) this.keyUnits = new Uint16Array(Math.max(length, 2 * this.keyUnits.length));
      const units = this.keyUnits;
      let narrow = true;
      for (let i = 0; i < length; i++) {
        const c = chars[from + i];
        units[i] = c;
        if (c > 255) narrow = false;
      }
      const h = hashUnits(units, 0, length);
      if (this.rows[k] > this.maxRow) this.maxRow = this.rows[k];
      if (this.times[k] !== NO_SALE) spill.write(h, units, 0, length, true, this.times[k], this.rows[k], this.days[k], narrow);
      if (this.before[k] === 1) spill.write(h, units, 0, length, false, 0, 0, 0, narrow);
    }
    this.spill = spill;
    // Only the key buffer is used from now on: the arrays go to the collector.
    this.chars = new Uint8Array(0);
    this.start = new Uint32Array(0);
    this.times = new Float64Array(0);
    this.rows = new Uint32Array(0);
    this.days = new Int32Array(0);
    this.before = new Uint8Array(0);
    this.slots = new Int32Array(0);
    this.size = 0;
    this.charCount = 0;
  }

  /** The entry of the key (`load`), added when `add`; -1 when absent and not added. */
  private entry(add: boolean): number {
    const h = this.keyHash;
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let s = h & mask;
    for (;;) {
      const e = slots[2 * s + 1];
      if (e === 0) break;
      if (slots[2 * s] === h && this.sameName(e - 1)) return e - 1;
      s = (s + 1) & mask;
    }
    if (!add) return -1;
    const k = this.append();
    slots[2 * s] = h;
    slots[2 * s + 1] = k + 1;
    if (this.size * 8 > slots.length * 3) this.rehash();
    return k;
  }

  /** Sets the key to `name` folded: `keyUnits`, `keyLength`, `keyHash` (FNV-1a over the folded units). */
  private load(name: string): void {
    const n = name.length;
    if (n > this.keyUnits.length) this.keyUnits = new Uint16Array(Math.max(n, 2 * this.keyUnits.length));
    const units = this.keyUnits;
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < n; i++) {
      let c = name.charCodeAt(i);
      if (c >= 128) {
        this.loadFolded(name.toLowerCase());
        return;
      }
      if (c >= 65 && c <= 90) c += 32;
      units[i] = c;
      h = Math.imul(h ^ c, 0x01000193);
    }
    this.keyLength = n;
    this.keyHash = mix(h);
    this.keyAscii = true;
  }

  /** `load` of a name already lower-cased (lower-casing may change its length). */
  private loadFolded(folded: string): void {
    const n = folded.length;
    if (n > this.keyUnits.length) this.keyUnits = new Uint16Array(Math.max(n, 2 * this.keyUnits.length));
    const units = this.keyUnits;
    for (let i = 0; i < n; i++) units[i] = folded.charCodeAt(i);
    this.keyLength = n;
    this.keyHash = hashUnits(units, 0, n);
    this.keyAscii = false;
  }

  /** Where entry k's name ends in `chars`. */
  private end(k: number): number {
    return k + 1 < this.size ? this.start[k + 1] : this.charCount;
  }

  /** Whether entry k's folded name is the key. */
  private sameName(k: number): boolean {
    const from = this.start[k];
    const n = this.keyLength;
    if (this.end(k) - from !== n) return false;
    const chars = this.chars;
    const units = this.keyUnits;
    for (let i = 0; i < n; i++) if (chars[from + i] !== units[i]) return false;
    return true;
  }

  /** A new entry for the key, without a sale. */
  private append(): number {
    const k = this.size;
    if (k === this.times.length) this.growEntries();
    const n = this.keyLength;
    const units = this.keyUnits;
    if (this.charCount + n > MAX_CHARS) throw new RangeError(`the customer table holds names of up to ${MAX_CHARS} characters in all`);
    // A loaded name is looked at unless it is ASCII.
    let wide = this.chars instanceof Uint16Array;
    if (!wide && !this.keyAscii) for (let i = 0; i < n && !wide; i++) wide = units[i] > 255;
    if (this.charCount + n > this.chars.length || wide !== this.chars instanceof Uint16Array) {
      let length = Math.max(this.chars.length, 1 << 16);
      while (length < this.charCount + n) length *= 2;
      const chars = wide ? new Uint16Array(length) : new Uint8Array(length);
      chars.set(this.chars.subarray(0, this.charCount));
      this.chars = chars;
    }
    const from = this.charCount;
    const chars = this.chars;
    for (let i = 0; i < n; i++) chars[from + i] = units[i];
    this.charCount += n;
    this.start[k] = from;
    this.times[k] = NO_SALE;
    this.rows[k] = 0;
    this.days[k] = 0;
    this.before[k] = 0;
    this.size = k + 1;
    return k;
  }

  private growEntries(): void {
    const length = this.times.length * 2;
    const grow = <T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(length);
      b.set(a as never);
      return b;
    };
    this.start = grow(this.start, (n) => new Uint32Array(n));
    this.times = grow(this.times, (n) => new Float64Array(n));
    this.rows = grow(this.rows, (n) => new Uint32Array(n));
    this.days = grow(this.days, (n) => new Int32Array(n));
    this.before = grow(this.before, (n) => new Uint8Array(n));
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let o = 0; o < old.length; o += 2) {
      if (old[o + 1] === 0) continue;
      const h = old[o];
      let s = h & mask;
      while (slots[2 * s + 1] !== 0) s = (s + 1) & mask;
      slots[2 * s] = h;
      slots[2 * s + 1] = old[o + 1];
    }
    this.slots = slots;
  }
}

/** FNV-1a over folded code units, spread by `mix`: the hash `load` computes. */
function hashUnits(units: Uint8Array | Uint16Array, from: number, n: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ units[from + i], 0x01000193);
  return mix(h);
}

/** Spreads FNV-1a's bits (murmur3's finalizer): names that differ in their last character would otherwise crowd neighbouring slots. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
