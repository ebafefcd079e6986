/**
 * Exact ledger quantities (amounts and units) on the hot path.
 *
 * A ledger value with at most four decimals is held as a JS integer count of 1/10,000ths: integer
 * arithmetic on doubles is exact while every intermediate stays within ±2^53, which `Accumulator`
 * checks on each addition before it falls back to `Dec`. Values with more decimals (rare) go to
 * `Dec` directly. Nothing is ever rounded here; money is rounded once, in `roundMoney`. (Field
 * notes: "store integer minor units, round once at a documented point".)
 */
import { Dec } from './money';

export const SCALE = 10_000;
const SCALE_DIGITS = 4;

/** A parsed quantity: a scaled safe integer, or a `Dec` for values the fast form cannot hold. */
export type Quantity = number | Dec;

const POW10 = [1, 10, 100, 1000, 10_000];

/**
 * Parses a signed plain decimal ("1200", "-35.5", "+.25"). No exponent, thousands separators or
 * currency symbols: a ledger cell that needs those is ambiguous and is reported instead. Null when
 * the text is not a number. Hand-written because it runs once per row on the hot path.
 */
export function parseQuantity(text: string): Quantity | null {
  const n = text.length;
  let i = 0;
  let c = n > 0 ? text.charCodeAt(0) : 0;
  const negative = c === 45; // '-'
  if (negative || c === 43) i = 1; // '+'
  const wholeStart = i;
  let whole = 0;
  for (; i < n; i++) {
    c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    whole = whole * 10 + (c - 48);
  }
  const wholeDigits = i - wholeStart;
  let fraction = 0;
  let fractionDigits = 0;
  if (i < n) {
    if (c !== 46) return null; // only a '.' may follow the whole part
    for (i++; i < n; i++) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) return null;
      if (fractionDigits < SCALE_DIGITS) fraction = fraction * 10 + (c - 48);
      fractionDigits++;
    }
  }
  if (wholeDigits + fractionDigits === 0) return null;
  if (fractionDigits > SCALE_DIGITS || wholeDigits > 11) {
    // Too long for the exact fast form: rebuild a canonical text for Dec ("+.5" → "0.5").
    const wholeText = wholeDigits === 0 ? '0' : text.slice(wholeStart, wholeStart + wholeDigits);
    const fractionText = fractionDigits === 0 ? '' : `.${text.slice(n - fractionDigits)}`;
    return new Dec(`${negative ? '-' : ''}${wholeText}${fractionText}`);
  }
  const scaled = whole * SCALE + fraction * POW10[SCALE_DIGITS - fractionDigits];
  return negative && scaled !== 0 ? -scaled : scaled;
}

/** A JSON number cell: its shortest decimal form is what the author wrote. */
export function quantityFromNumber(value: number): Quantity | null {
  // A whole number of at most 11 digits (units, most often): what `parseQuantity` gives its
  // shortest form, which is its digits (negative zero's is "0"), without writing them out.
  if (Number.isInteger(value) && value < 1e11 && value > -1e11) return value === 0 ? 0 : value * SCALE;
  if (!Number.isFinite(value)) return null;
  const text = String(value);
  return /e/i.test(text) ? new Dec(text) : parseQuantity(text);
}

/**
 * The longest ledger value the evaluator takes: at most 40 digits in all (integer digits without
 * leading zeros plus decimals without trailing zeros), at most 10 of them decimals. Then any sum of
 * up to 10^9 rows is below 10^49 with at most 10 decimals, at most 59 digits: exact in `Dec`'s 60
 * significant digits (src/values/money.ts). Longer values are refused (`number-too-long`), never rounded.
 */
export const MAX_LEDGER_DIGITS = 40;
export const MAX_LEDGER_DECIMALS = 10;

/**
 * Whether a quantity is beyond `MAX_LEDGER_DIGITS` / `MAX_LEDGER_DECIMALS`. Only a `Dec` can be:
 * the scaled fast form holds at most 11 integer digits and 4 decimals, so the hot path only pays a
 * `typeof` test.
 */
export function tooLong(q: Quantity): { digits: number; decimals: number } | null {
  if (typeof q === 'number') return null;
  const decimals = q.decimalPlaces();
  const digits = (q.isZero() ? 0 : Math.max(0, q.e + 1)) + decimals;
  return digits > MAX_LEDGER_DIGITS || decimals > MAX_LEDGER_DECIMALS ? { digits, decimals } : null;
}

export function isPositive(q: Quantity): boolean {
  return typeof q === 'number' ? q > 0 : q.greaterThan(0);
}

export function toDec(q: Quantity): Dec {
  return typeof q === 'number' ? new Dec(q).dividedBy(SCALE) : q;
}

/**
 * Whether a total meets a target as the comparator reads it: passes it when `strict` ("exceed", "more than"), else
 * reaches it ("at least"). Every comparison of a total with its target, in both engines, is this one.
 */
export function meets(total: Dec, target: Dec, strict: boolean): boolean {
  return strict ? total.greaterThan(target) : total.greaterThanOrEqualTo(target);
}

/** Converts a target (decimal string) to the scaled form when exact, for cheap comparisons. */
export function targetQuantity(text: string): Quantity {
  return parseQuantity(text) ?? new Dec(text);
}

/** An exact running sum: a scaled safe integer while it fits, plus a `Dec` overflow part. */
export class Accumulator {
  /** The sum as a scaled integer (see SCALE), exact while within ±2^53. */
  scaled = 0;
  /** What no longer fits in `scaled`, as an exact decimal. */
  overflow: Dec | null = null;

  add(q: Quantity): void {
    if (typeof q === 'number') {
      const next = this.scaled + q;
      if (next <= Number.MAX_SAFE_INTEGER && next >= -Number.MAX_SAFE_INTEGER) {
        this.scaled = next;
        return;
      }
      this.overflow = (this.overflow ?? new Dec(0)).plus(new Dec(this.scaled).plus(q).dividedBy(SCALE));
      this.scaled = 0;
      return;
    }
    this.overflow = (this.overflow ?? new Dec(0)).plus(q);
  }

  addAccumulator(other: Accumulator): void {
    this.add(other.scaled);
    if (other.overflow) this.add(other.overflow);
  }

  value(): Dec {
    const scaled = new Dec(this.scaled).dividedBy(SCALE);
    return this.overflow ? this.overflow.plus(scaled) : scaled;
  }

  /** `this >= target` (`this > target` when `strict`), cheaply when both are in the fast form. */
  reaches(target: Quantity, strict = false): boolean {
    if (this.overflow === null && typeof target === 'number') return strict ? this.scaled > target : this.scaled >= target;
    return meets(this.value(), toDec(target), strict);
  }

  clone(): Accumulator {
    const c = new Accumulator();
    c.scaled = this.scaled;
    c.overflow = this.overflow;
    return c;
  }
}
