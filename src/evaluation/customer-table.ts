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
 * Folding is `String.prototype.toLowerCase` (the rule new-customer milestones state). An ASCII
 * name is folded while it is hashed, without making a lower-case copy; a name with any other
 * character is lower-cased first.
 */

/** The time of an entry without a positive row yet. */
const NO_SALE = Number.POSITIVE_INFINITY;
/** Rows and name characters are numbered in 32 bits (4 bytes an entry each, where doubles took 8). */
const MAX_ROW = 0xffffffff;
const MAX_CHARS = 0xffffffff;

export class CustomerTable {
  /** Entries so far. */
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

  /** The key being looked up: the name, lower-cased when it is not ASCII, and its hash. */
  private key = '';
  private keyHash = 0;

  /** Bytes the table holds (its typed arrays): what it costs per customer, for the work guard. */
  get bytes(): number {
    return this.chars.byteLength + this.start.byteLength + this.times.byteLength + this.rows.byteLength + this.days.byteLength + this.before.byteLength + this.slots.byteLength;
  }

  /** A positive-amount row of `name`: kept when it is the customer's earliest so far (by instant, then row). */
  sale(name: string, time: number, row: number, day: number): void {
    if (row > MAX_ROW) throw new RangeError(`row ${row}: the customer table numbers rows up to ${MAX_ROW}`);
    const k = this.entry(name, true);
    const t = this.times[k];
    if (time < t || (time === t && row < this.rows[k])) {
      this.times[k] = time;
      this.rows[k] = row;
      this.days[k] = day;
    }
  }

  /** A row of `name` before the effective date (even a refund): the customer is never new. */
  seenBefore(name: string): void {
    this.before[this.entry(name, true)] = 1;
  }

  /**
   * Calls `count(day)` once per customer whose first positive row fell on a day in
   * [firstDay, lastDay] and who had no row before the effective date.
   */
  forEachNew(firstDay: number, lastDay: number, count: (day: number) => void): void {
    for (let k = 0; k < this.size; k++) {
      if (this.times[k] === NO_SALE || this.before[k] === 1) continue;
      const d = this.days[k];
      if (d >= firstDay && d <= lastDay) count(d);
    }
  }

  /** Whether row `row` is `name`'s first positive row and the customer had no row before the effective date. */
  isFirstSaleOfNew(name: string, row: number): boolean {
    const k = this.entry(name, false);
    return k !== -1 && this.times[k] !== NO_SALE && this.rows[k] === row && this.before[k] === 0;
  }

  /** The entry of `name` (case-folded), added when `add`; -1 when absent and not added. */
  private entry(name: string, add: boolean): number {
    this.hash(name);
    const key = this.key;
    const h = this.keyHash;
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let s = h & mask;
    for (;;) {
      const e = slots[2 * s + 1];
      if (e === 0) break;
      if (slots[2 * s] === h && this.sameName(e - 1, key)) return e - 1;
      s = (s + 1) & mask;
    }
    if (!add) return -1;
    const k = this.append(key);
    slots[2 * s] = h;
    slots[2 * s + 1] = k + 1;
    if (this.size * 8 > slots.length * 3) this.rehash();
    return k;
  }

  /** Sets `key` and `keyHash` (FNV-1a over the folded characters). */
  private hash(name: string): void {
    let h = 0x811c9dc5 | 0;
    const n = name.length;
    for (let i = 0; i < n; i++) {
      let c = name.charCodeAt(i);
      if (c >= 128) {
        this.hashFolded(name.toLowerCase());
        return;
      }
      if (c >= 65 && c <= 90) c += 32;
      h = Math.imul(h ^ c, 0x01000193);
    }
    this.key = name;
    this.keyHash = mix(h);
  }

  /** `hash` of a name already lower-cased (its ASCII letters are lower case: nothing is folded again). */
  private hashFolded(folded: string): void {
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < folded.length; i++) h = Math.imul(h ^ folded.charCodeAt(i), 0x01000193);
    this.key = folded;
    this.keyHash = mix(h);
  }

  /** Whether entry k's folded name is `key` folded (ASCII letters fold to lower case; other characters are already folded). */
  private sameName(k: number, key: string): boolean {
    const from = this.start[k];
    const to = k + 1 < this.size ? this.start[k + 1] : this.charCount;
    if (to - from !== key.length) return false;
    const chars = this.chars;
    for (let i = 0; i < key.length; i++) {
      let c = key.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      if (chars[from + i] !== c) return false;
    }
    return true;
  }

  private append(key: string): number {
    const k = this.size;
    if (k === this.times.length) this.growEntries();
    const n = key.length;
    if (this.charCount + n > MAX_CHARS) throw new RangeError(`the customer table holds names of up to ${MAX_CHARS} characters in all`);
    let wide = this.chars instanceof Uint16Array;
    if (!wide) for (let i = 0; i < n && !wide; i++) wide = key.charCodeAt(i) > 255;
    if (this.charCount + n > this.chars.length || wide !== this.chars instanceof Uint16Array) {
      let length = this.chars.length;
      while (length < this.charCount + n) length *= 2;
      const chars = wide ? new Uint16Array(length) : new Uint8Array(length);
      chars.set(this.chars.subarray(0, this.charCount));
      this.chars = chars;
    }
    const from = this.charCount;
    const chars = this.chars;
    for (let i = 0; i < n; i++) {
      let c = key.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      chars[from + i] = c;
    }
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

/** Spreads FNV-1a's bits (murmur3's finalizer): names that differ in their last character would otherwise crowd neighbouring slots. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
