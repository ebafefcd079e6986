/**
 * One partition of a spilled customer table (src/evaluation/customer-spill.ts), folded at the end of
 * pass 1: each folded name's earliest positive row, and whether it had a row before the effective date.
 *
 * The partition's records are in memory while it is folded, so an entry keeps where its name is in
 * them instead of a copy: a record's name is compared, byte for byte, with the entry's first record's
 * (the same folded name is always written with the same bytes and the same width flag, and two
 * different names never are), after the two hashes and lengths are found equal. The table is
 * therefore exact, never a hash summary. Its arrays are kept from one partition to the next.
 */

/** The time of an entry without a positive row yet. */
const NO_SALE = Number.POSITIVE_INFINITY;

export class PartitionTable {
  /** Entries of the current partition. */
  size = 0;
  /** The partition's records: entry k's name is `data[nameAt[k] .. nameAt[k] + (key[k] >>> 1))`. */
  private data: Uint8Array = new Uint8Array(0);
  private nameAt = new Int32Array(1 << 12);
  /** The name's length in bytes, times two, plus 1 when its units are two bytes each (wide). */
  private key = new Int32Array(1 << 12);
  private times = new Float64Array(1 << 12);
  private rows = new Uint32Array(1 << 12);
  private days = new Int32Array(1 << 12);
  /** 1: the customer had a row before the effective date (never new). */
  private before = new Uint8Array(1 << 12);
  /** Two numbers per slot: the name's hash and its entry number + 1 (0: empty); a power of two slots, at most three quarters full. */
  private slots = new Int32Array(2 << 13);

  /** Bytes the table holds (not the partition's records, which the spill reads into its own buffer). */
  get bytes(): number {
    return this.nameAt.byteLength + this.key.byteLength + this.times.byteLength + this.rows.byteLength + this.days.byteLength + this.before.byteLength + this.slots.byteLength;
  }

  /** Starts a partition whose records are `data`; the previous partition's entries are dropped. */
  start(data: Uint8Array): void {
    this.data = data;
    if (this.size > 0) this.slots.fill(0);
    this.size = 0;
  }

  /**
   * One record of the partition: its folded name is `data[nameAt .. nameAt + bytes)`, `wide` when
   * each unit takes two bytes; `sale` false: a row before the effective date (time, row and day unused).
   */
  record(nameAt: number, bytes: number, wide: boolean, hash: number, sale: boolean, time: number, row: number, day: number): void {
    const key = (bytes << 1) | (wide ? 1 : 0);
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let s = hash & mask;
    let k = -1;
    for (;;) {
      const e = slots[2 * s + 1];
      if (e === 0) break;
      if (slots[2 * s] === hash && this.key[e - 1] === key && this.sameBytes(this.nameAt[e - 1], nameAt, bytes)) {
        k = e - 1;
        break;
      }
      s = (s + 1) & mask;
    }
    if (k === -1) {
      k = this.size;
      if (k === this.times.length) this.grow();
      this.nameAt[k] = nameAt;
      this.key[k] = key;
      this.times[k] = NO_SALE;
      this.rows[k] = 0;
      this.days[k] = 0;
      this.before[k] = 0;
      this.size = k + 1;
      slots[2 * s] = hash;
      slots[2 * s + 1] = k + 1;
      if (this.size * 8 > slots.length * 3) this.rehash();
    }
    if (!sale) {
      this.before[k] = 1;
      return;
    }
    const t = this.times[k];
    if (time < t || (time === t && row < this.rows[k])) {
      this.times[k] = time;
      this.rows[k] = row;
      this.days[k] = day;
    }
  }

  /** Each entry whose customer is new (a positive row, none before E): its first sale's row and day. */
  forEachFirstOfNew(visit: (row: number, day: number) => void): void {
    for (let k = 0; k < this.size; k++) {
      if (this.times[k] === NO_SALE || this.before[k] === 1) continue;
      visit(this.rows[k], this.days[k]);
    }
  }

  private sameBytes(a: number, b: number, n: number): boolean {
    const data = this.data;
    for (let i = 0; i < n; i++) if (data[a + i] !== data[b + i]) return false;
    return true;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const nameAt = new Int32Array(n);
    nameAt.set(this.nameAt);
    this.nameAt = nameAt;
    const key = new Int32Array(n);
    key.set(this.key);
    this.key = key;
    const times = new Float64Array(n);
    times.set(this.times);
    this.times = times;
    const rows = new Uint32Array(n);
    rows.set(this.rows);
    this.rows = rows;
    const days = new Int32Array(n);
    days.set(this.days);
    this.days = days;
    const before = new Uint8Array(n);
    before.set(this.before);
    this.before = before;
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let o = 0; o < old.length; o += 2) {
      if (old[o + 1] === 0) continue;
      let s = old[o] & mask;
      while (slots[2 * s + 1] !== 0) s = (s + 1) & mask;
      slots[2 * s] = old[o];
      slots[2 * s + 1] = old[o + 1];
    }
    this.slots = slots;
  }
}
