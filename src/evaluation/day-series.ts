/** Per-local-day sums over the evaluated days [E, A]; exact (scaled integers with a `Dec` overflow). */
import { Dec } from '../values/money';
import { Accumulator, SCALE, type Quantity } from '../values/quantity';

export class DaySeries {
  /** Scaled integers (see quantity.ts), exact while within ±2^53. */
  readonly scaled: Float64Array;
  /** What no longer fits in `scaled` on a day, as an exact decimal. */
  readonly overflow = new Map<number, Dec>();

  constructor(days: number) {
    this.scaled = new Float64Array(days);
  }

  add(i: number, q: Quantity): void {
    if (typeof q === 'number') {
      const next = this.scaled[i] + q;
      if (next <= Number.MAX_SAFE_INTEGER && next >= -Number.MAX_SAFE_INTEGER) {
        this.scaled[i] = next;
        return;
      }
      this.overflow.set(i, (this.overflow.get(i) ?? new Dec(0)).plus(new Dec(this.scaled[i]).plus(q).dividedBy(SCALE)));
      this.scaled[i] = 0;
      return;
    }
    this.overflow.set(i, (this.overflow.get(i) ?? new Dec(0)).plus(q));
  }

  /** Whether anything was added on day `i`. */
  changedOn(i: number): boolean {
    return this.scaled[i] !== 0 || this.overflow.has(i);
  }

  addTo(acc: Accumulator, i: number): void {
    acc.add(this.scaled[i]);
    const overflow = this.overflow.get(i);
    if (overflow) acc.add(overflow);
  }
}
