/**
 * A set of row numbers in [0, maxRow], built once then asked about: a sorted list of the rows while
 * that is smaller than one bit per row, else one bit per row. A contract of a portfolio sees a share
 * of the ledger's rows, so the rows it keeps (its new customers' first sales) are few next to the
 * ledger's row count, which would size a bit per row for each of its contracts.
 */
export class RowSet {
  private list: Uint32Array | null = new Uint32Array(256);
  private count = 0;
  private bits: Uint8Array | null = null;
  private sorted = true;

  constructor(private readonly maxRow: number) {}

  add(row: number): void {
    if (this.bits !== null) {
      this.bits[row >>> 3] |= 1 << (row & 7);
      return;
    }
    let list = this.list as Uint32Array;
    if (this.count === list.length) {
      // A list of 4 bytes a row past a bit a row: bits from here on.
      if (this.count * 32 >= this.maxRow + 1) {
        this.toBits();
        this.add(row);
        return;
      }
      const grown = new Uint32Array(list.length * 2);
      grown.set(list);
      this.list = list = grown;
    }
    if (this.count > 0 && row < list[this.count - 1]) this.sorted = false;
    list[this.count++] = row;
  }

  has(row: number): boolean {
    if (row < 0 || row > this.maxRow) return false;
    if (this.bits !== null) return (this.bits[row >>> 3] & (1 << (row & 7))) !== 0;
    const list = this.list as Uint32Array;
    if (!this.sorted) {
      list.subarray(0, this.count).sort();
      this.sorted = true;
    }
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = list[mid];
      if (v === row) return true;
      if (v < row) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** Bytes held. */
  get bytes(): number {
    return (this.bits?.byteLength ?? 0) + (this.list?.byteLength ?? 0);
  }

  private toBits(): void {
    const bits = new Uint8Array((this.maxRow >>> 3) + 1);
    const list = this.list as Uint32Array;
    for (let i = 0; i < this.count; i++) bits[list[i] >>> 3] |= 1 << (list[i] & 7);
    this.bits = bits;
    this.list = null;
  }
}
