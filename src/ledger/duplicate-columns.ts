/**
 * Column names given twice: a CSV header `id,amount,Amount` or a JSON row `{"amount":1,"amount":2}`.
 * Readers would keep one of the two silently (papaparse renames the second `amount_1`, JSON.parse keeps
 * the last key), so the ledger is refused with one `duplicate-column` error: at row 0 for a CSV header,
 * at the first row that repeats a key for JSON and NDJSON (later rows are not reported again). Names
 * are compared as the column lookup compares them: trimmed and lower-cased.
 */
import type { RowIssue } from './rows';

const key = (name: string): string => name.trim().toLowerCase();

/** The first name of `names` that repeats an earlier one (after trimming and lower-casing), or null. */
export function repeatedName(names: Iterable<string>): string | null {
  const seen = new Set<string>();
  for (const name of names) {
    const k = key(name);
    if (seen.has(k)) return name;
    seen.add(k);
  }
  return null;
}

export function duplicateColumnIssue(row: number, name: string): RowIssue {
  const where = row === 0 ? 'the header names' : `row ${row} has`;
  return {
    row,
    column: name,
    value: name,
    code: 'duplicate-column',
    message: `${where} the column '${name}' twice; one of the two would be ignored silently, so rename or remove one of them`,
  };
}

/**
 * The first key that one JSON object of `text` gives twice (names compared trimmed and lower-cased),
 * or null: JSON.parse keeps only the last, so it is found on the text. `element` is the 1-based place of
 * the top-level container's element it is in (the row of a JSON array ledger). One linear scan; keys with
 * escapes are decoded.
 */
export function repeatedJsonKey(text: string): { name: string; element: number } | null {
  const stack: Array<Set<string> | null> = [];
  let expectKey = false;
  let element = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let j = i + 1;
      let escaped = false;
      for (; j < text.length; j++) {
        const d = text.charCodeAt(j);
        if (d === 0x5c) {
          escaped = true;
          j++;
        } else if (d === 0x22) break;
      }
      const keys = stack[stack.length - 1];
      if (expectKey && keys) {
        let name = text.slice(i + 1, j);
        if (escaped) {
          try {
            name = JSON.parse(text.slice(i, j + 1)) as string;
          } catch {
            return null; // not valid JSON: JSON.parse reports it
          }
        }
        const k = key(name);
        if (keys.has(k)) return { name, element };
        keys.add(k);
        expectKey = false;
      }
      i = j;
    } else if (c === 0x7b) {
      stack.push(new Set());
      expectKey = true;
    } else if (c === 0x5b) {
      stack.push(null);
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c) {
      if (stack.length === 1) element++;
      expectKey = stack.length > 0 && stack[stack.length - 1] !== null;
    }
  }
  return null;
}

/**
 * The repeated key of one JSON row (an NDJSON line and its parsed object), or null. The text is scanned
 * only when it holds more `":` than the object has keys (an exact repeat, a nested object, or `":` inside a
 * string), so that a million rows cost one native search each.
 */
export function repeatedKeyInRow(line: string, item: object, clean?: CleanKeys): string | null {
  let count: number;
  if (clean !== undefined && clean.matches(item)) count = clean.count;
  else {
    const keys = Object.keys(item);
    const inCase = repeatedName(keys);
    if (inCase !== null) return inCase;
    clean?.remember(keys);
    count = keys.length;
  }
  let marks = 0;
  for (let at = line.indexOf('":'); at !== -1; at = line.indexOf('":', at + 2)) if (++marks > count) break;
  return marks > count ? (repeatedJsonKey(line)?.name ?? null) : null;
}

/**
 * The last key list found without a repeat after case folding: the rows of a ledger nearly all have
 * the same keys in the same order, and those are compared with it (the same strings, in order)
 * instead of being folded and collected into a set again on every row.
 */
export class CleanKeys {
  private keys: readonly string[] = [];
  get count(): number {
    return this.keys.length;
  }
  remember(keys: readonly string[]): void {
    this.keys = keys;
  }
  /** Whether `item`'s own keys are, in order, the remembered ones. */
  matches(item: object): boolean {
    const keys = this.keys;
    if (keys.length === 0) return false;
    let i = 0;
    for (const key in item) {
      if (!Object.prototype.hasOwnProperty.call(item, key)) return false;
      if (i >= keys.length || keys[i] !== key) return false;
      i++;
    }
    return i === keys.length;
  }
}
