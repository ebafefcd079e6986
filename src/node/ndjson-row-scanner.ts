/**
 * Reads an NDJSON line of the ledger's usual shape without `JSON.parse`: a flat object whose keys
 * are, in order, those of an earlier row that `JSON.parse` read (and that was found free of repeated
 * keys), each value a string without escapes or a number. Such a line gives the very object
 * `JSON.parse` would (same keys in the same order, same strings, the same doubles); any other line
 * (an escape, a nested value, `true`/`false`/`null`, other keys or another order, anything that is
 * not valid JSON) gives null and is read with `JSON.parse` as before, so the scanner decides only
 * how fast a line is read, never what it means. Measured against `JSON.parse` and the libraries
 * that could replace it in docs/performance.md ("Why the NDJSON reader is hand-written");
 * spec/unit/ndjson-row-scanner.test.ts compares it with `JSON.parse` on random lines.
 */

const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;
const OPEN = 123;
const CLOSE = 125;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

/** JSON's whitespace: space, tab, line feed, carriage return (and nothing else). */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * A key the scanner can match on the raw text: written between quotes exactly as it is (no quote,
 * backslash or control character, which JSON must escape) and not `__proto__`, which an assignment
 * would take for the object's prototype where `JSON.parse` makes an own property.
 */
function isPlainKey(key: string): boolean {
  if (key === '__proto__') return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === QUOTE || c === BACKSLASH || c < 32) return false;
  }
  return true;
}

/** Makes a line's object from its values, in the order of the keys it was made for. */
type RecordMaker = (values: readonly unknown[]) => Record<string, unknown>;

/**
 * An object literal of `keys` filled from `values`: every object it makes has one fixed layout, made
 * at a fraction of the cost of assigning the keys one by one (each assignment a lookup of the key
 * and a change of the object's layout). The keys are plain (`isPlainKey`: no `__proto__`, which a
 * literal would take for the prototype) and written as JSON string literals, so any key is that key.
 * A literal defines own enumerable data properties in the literal's order, integer-like keys first,
 * as `JSON.parse` does.
 */
function recordMaker(keys: readonly string[]): RecordMaker {
  const fields = keys.map((key, k) => `${JSON.stringify(key)}: values[${k}]`).join(', ');
  return new Function('values', `return { ${fields} };`) as RecordMaker;
}

export class NdjsonRowScanner {
  /** The keys a line must have, in order (null: none learnt yet). */
  private keys: readonly string[] | null = null;
  /** Makes the object of a line with `keys`. */
  private make: RecordMaker | null = null;
  /** The values of the line being read, by key. */
  private readonly values: unknown[] = [];

  /**
   * Learns the keys of a row `JSON.parse` read and found free of repeated keys (`Object.keys` of
   * it): later lines with these keys in this order may be scanned. Keys that the raw text could
   * not show as they are leave the scanner without keys (every line then goes to `JSON.parse`).
   */
  learn(keys: readonly string[]): void {
    this.keys = keys.length > 0 && keys.every(isPlainKey) ? keys : null;
    this.make = this.keys === null ? null : recordMaker(this.keys);
  }

  /** Whether `keys` are those already learnt (the same strings, in order). */
  knows(keys: readonly string[]): boolean {
    const own = this.keys;
    if (own === null || own.length !== keys.length) return false;
    for (let i = 0; i < keys.length; i++) if (own[i] !== keys[i]) return false;
    return true;
  }

  /**
   * The object `JSON.parse(text.slice(from, to))` gives, when the line has the learnt keys in order
   * and only strings without escapes and numbers as values; null for any other line.
   */
  read(text: string, from: number, to: number): Record<string, unknown> | null {
    const keys = this.keys;
    if (keys === null) return null;
    const values = this.values;
    let i = from;
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (i >= to || text.charCodeAt(i) !== OPEN) return null;
    i++;
    for (let k = 0; k < keys.length; k++) {
      if (k > 0) {
        while (i < to && isSpace(text.charCodeAt(i))) i++;
        if (i >= to || text.charCodeAt(i) !== COMMA) return null;
        i++;
      }
      while (i < to && isSpace(text.charCodeAt(i))) i++;
      // The key: a quote, the learnt key's characters, a quote.
      const key = keys[k];
      const keyEnd = i + 1 + key.length;
      if (keyEnd >= to || text.charCodeAt(i) !== QUOTE || text.charCodeAt(keyEnd) !== QUOTE || !text.startsWith(key, i + 1)) return null;
      i = keyEnd + 1;
      while (i < to && isSpace(text.charCodeAt(i))) i++;
      if (i >= to || text.charCodeAt(i) !== COLON) return null;
      i++;
      while (i < to && isSpace(text.charCodeAt(i))) i++;
      if (i >= to) return null;
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        const start = i + 1;
        let j = start;
        for (;;) {
          if (j >= to) return null;
          const d = text.charCodeAt(j);
          if (d === QUOTE) break;
          // An escape goes to JSON.parse; a control character is not valid JSON (JSON.parse says so).
          if (d === BACKSLASH || d < 32) return null;
          j++;
        }
        values[k] = text.slice(start, j);
        i = j + 1;
      } else if (c === MINUS || (c >= ZERO && c <= NINE)) {
        const end = numberEnd(text, i, to);
        if (end < 0) return null;
        values[k] = numberValue(text, i, end);
        i = end;
      } else return null;
    }
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (i >= to || text.charCodeAt(i) !== CLOSE) return null;
    i++;
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (i !== to) return null;
    // Defined in the line's order, as JSON.parse defines them (integer-like keys then come first in both).
    return (this.make as RecordMaker)(values);
  }
}

/**
 * Where the JSON number starting at `from` ends (-1: not a JSON number): `-`? then `0` or a digit
 * 1-9 and digits, then optionally `.` and digits, then optionally `e`/`E`, a sign and digits.
 */
function numberEnd(text: string, from: number, to: number): number {
  let i = from;
  if (text.charCodeAt(i) === MINUS) i++;
  if (i >= to) return -1;
  let c = text.charCodeAt(i);
  if (c === ZERO) i++;
  else if (c > ZERO && c <= NINE) {
    i++;
    while (i < to && isDigit(text.charCodeAt(i))) i++;
  } else return -1;
  if (i < to && text.charCodeAt(i) === DOT) {
    i++;
    if (i >= to || !isDigit(text.charCodeAt(i))) return -1;
    while (i < to && isDigit(text.charCodeAt(i))) i++;
  }
  if (i < to) {
    c = text.charCodeAt(i);
    if (c === 101 || c === 69) {
      i++;
      if (i < to && (text.charCodeAt(i) === PLUS || text.charCodeAt(i) === MINUS)) i++;
      if (i >= to || !isDigit(text.charCodeAt(i))) return -1;
      while (i < to && isDigit(text.charCodeAt(i))) i++;
    }
  }
  return i;
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/**
 * The double of a valid JSON number's text: an integer of at most 15 digits is summed exactly
 * (every such integer is a double; `-0` stays negative zero); any other goes through `Number`,
 * which rounds decimal text to the nearest double as `JSON.parse` does.
 */
function numberValue(text: string, from: number, to: number): number {
  const negative = text.charCodeAt(from) === MINUS;
  const start = negative ? from + 1 : from;
  if (to - start <= 15) {
    let value = 0;
    let i = start;
    for (; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c < ZERO || c > NINE) break;
      value = value * 10 + (c - ZERO);
    }
    if (i === to) return negative ? -value : value;
  }
  return Number(text.slice(from, to));
}
