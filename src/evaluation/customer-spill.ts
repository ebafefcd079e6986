/**
 * The records of a customer table set aside in a scratch file (src/evaluation/scratch-file.ts) once
 * the table has grown past its memory budget: each first-sale candidate or row-before-E is appended
 * to one of 2^partitionBits partitions chosen by its name's hash, so that the records of one name all
 * fall in one partition and a partition can be folded on its own, in a table a partition's size.
 * How many partitions, and how large a block each collects before it is appended to the file, is
 * the table's budget (src/evaluation/spill-budget.ts): a portfolio's many tables have fewer and smaller.
 *
 * A record is the folded name's code units (one byte each while they are Latin-1, two otherwise)
 * and their hash, with the row's instant, row number and local day; nothing is summarized, so the
 * folded table is the one the rows would have built in memory. The hash is kept so that folding
 * does not compute it again.
 */
import type { ScratchFile } from './scratch-file';

const BEFORE = 1;
const WIDE = 2;
/** A name length of this or more is written as 255 and 4 bytes. */
const LONG = 255;

/** What a read partition's records are given to. */
export interface SpillVisitor {
  /** A partition starts: its records are in `data` until `partitionDone`. */
  partition(data: Uint8Array): void;
  /**
   * One record: the folded name is `data[nameAt .. nameAt + bytes)`, one byte a unit, or two
   * (little-endian) when `wide` (a unit is above 255); its hash; `sale` false: a row before the
   * effective date (time, row and day 0).
   */
  record(nameAt: number, bytes: number, wide: boolean, hash: number, sale: boolean, time: number, row: number, day: number): void;
  /** Every record of the partition was given. */
  partitionDone(): void;
}

export class CustomerSpill {
  private readonly buffers: Uint8Array[] = [];
  private readonly views: DataView[] = [];
  private readonly used: Int32Array;
  /** Per partition, the blocks it appended to the file: position, length, position, length, … */
  private readonly blocks: number[][] = [];
  private end = 0;
  private readonly file: ScratchFile;
  private readonly partitions: number;
  /** Partitions are chosen by the hash's high bits: the names of one partition still spread over a table's slots, which take the low bits. */
  private readonly shift: number;
  private readonly block: number;

  constructor(file: ScratchFile, partitionBits: number, block: number) {
    this.file = file;
    this.partitions = 1 << partitionBits;
    this.shift = 32 - partitionBits;
    this.block = block;
    this.used = new Int32Array(this.partitions);
    for (let p = 0; p < this.partitions; p++) {
      const b = new Uint8Array(block);
      this.buffers.push(b);
      this.views.push(new DataView(b.buffer));
      this.blocks.push([]);
    }
  }

  /** Bytes held in memory (the partitions' unwritten blocks). */
  get bytes(): number {
    let n = 0;
    for (const b of this.buffers) n += b.byteLength;
    return n;
  }

  /** Bytes appended to the file so far. */
  get fileBytes(): number {
    return this.end;
  }

  /**
   * Sets aside one record of the folded name `units[from .. from + length)` whose hash is `hash`;
   * `narrow`: every unit is known to be at most 255 (else the units are looked at).
   */
  write(hash: number, units: Uint8Array | Uint16Array, from: number, length: number, sale: boolean, time: number, row: number, day: number, narrow = false): void {
    let wide = false;
    if (!narrow) for (let i = 0; i < length && !wide; i++) wide = units[from + i] > 255;
    const size = 5 + (length < LONG ? 1 : 5) + (sale ? 16 : 0) + (wide ? 2 * length : length);
    const p = hash >>> this.shift;
    if (this.used[p] + size > this.buffers[p].length) this.flush(p, size);
    const b = this.buffers[p];
    const v = this.views[p];
    let i = this.used[p];
    b[i++] = (sale ? 0 : BEFORE) | (wide ? WIDE : 0);
    v.setInt32(i, hash, true);
    i += 4;
    if (length < LONG) b[i++] = length;
    else {
      b[i++] = LONG;
      v.setUint32(i, length, true);
      i += 4;
    }
    if (sale) {
      v.setFloat64(i, time, true);
      v.setUint32(i + 8, row, true);
      v.setInt32(i + 12, day, true);
      i += 16;
    }
    if (wide) {
      for (let j = 0; j < length; j++) {
        const c = units[from + j];
        b[i++] = c & 0xff;
        b[i++] = c >>> 8;
      }
    } else for (let j = 0; j < length; j++) b[i++] = units[from + j];
    this.used[p] = i;
  }

  /** Appends partition p's block to the file; makes room for a record of `size` bytes. */
  private flush(p: number, size: number): void {
    const used = this.used[p];
    if (used > 0) {
      this.blocks[p].push(this.file.append(this.buffers[p], used), used);
      this.end += used;
      this.used[p] = 0;
    }
    if (size > this.buffers[p].length) {
      // A name longer than a block: this partition's block grows to hold it.
      const b = new Uint8Array(size);
      this.buffers[p] = b;
      this.views[p] = new DataView(b.buffer);
    }
  }

  /**
   * Gives the records of one partition, `data[0 .. total)`, to `visitor`. A function of its own, not a
   * loop inside `readAll`: it is optimized once the first partitions ran every branch, where a loop
   * inside `readAll` was compiled on the stack and sent back to the interpreter at the first
   * branch of a partition's end it had not yet seen.
   */
  private scan(data: Uint8Array, total: number, visitor: SpillVisitor): void {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    let i = 0;
    while (i < total) {
      const flags = data[i++];
      const hash = view.getInt32(i, true);
      i += 4;
      let length = data[i++];
      if (length === LONG) {
        length = view.getUint32(i, true);
        i += 4;
      }
      const sale = (flags & BEFORE) === 0;
      let time = 0;
      let row = 0;
      let day = 0;
      if (sale) {
        time = view.getFloat64(i, true);
        row = view.getUint32(i + 8, true);
        day = view.getInt32(i + 12, true);
        i += 16;
      }
      const wide = (flags & WIDE) !== 0;
      const bytes = wide ? 2 * length : length;
      visitor.record(i, bytes, wide, hash, sale, time, row, day);
      i += bytes;
    }
  }

  /** Gives every record to `visitor`, one partition after the other, then deletes the file. Once. */
  readAll(visitor: SpillVisitor): void {
    let data = new Uint8Array(this.block);
    try {
      for (let p = 0; p < this.partitions; p++) {
        const blocks = this.blocks[p];
        let total = this.used[p];
        for (let k = 1; k < blocks.length; k += 2) total += blocks[k];
        if (total > data.length) {
          let n = data.length;
          while (n < total) n *= 2;
          data = new Uint8Array(n);
        }
        let at = 0;
        for (let k = 0; k < blocks.length; k += 2) {
          this.file.read(data.subarray(at), blocks[k + 1], blocks[k]);
          at += blocks[k + 1];
        }
        data.set(this.buffers[p].subarray(0, this.used[p]), at);
        // This partition's block is no longer needed: its memory goes before the next partition's table grows.
        this.buffers[p] = new Uint8Array(0);
        visitor.partition(data);
        this.scan(data, total, visitor);
        visitor.partitionDone();
      }
    } finally {
      this.file.close();
    }
  }
}
