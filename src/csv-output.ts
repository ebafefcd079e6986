/**
 * CSV written for spreadsheets (the portfolio roll-up, the playground's downloads): one writer, so that
 * every cell is escaped the same way.
 *
 * A text cell a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return, e.g. a payee named `=HYPERLINK(…)`) is prefixed with a single quote, as OWASP's CSV-injection
 * guidance says; the quote shows, and the text is never run. Cells of numeric columns that are plain
 * decimals (`-80.00`) stay numbers; anything else in them is treated as text. Cells holding a comma, a quote
 * or a line break, or with spaces at either end, are quoted with inner quotes doubled (RFC 4180).
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** One cell; `numeric` for a column of amounts or counts. */
export function csvCell(value: string | number | boolean | null | undefined, numeric = false): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  const safe = (numeric || typeof value === 'number') && PLAIN_DECIMAL.test(text) ? text : FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A text cell's value as written before the escaping above: the quote before a formula character is taken off. */
export function csvTextValue(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** A list of values inside one text cell ("a;b"), each escaped as a cell would be, then the whole cell. */
export function csvListCell(values: readonly string[], separator = ';'): string {
  return csvCell(values.map((v) => (FORMULA_START.test(v) ? `'${v}` : v)).join(separator));
}

/** A table: a header row, then one row per record; `numeric` names the columns of amounts and counts. */
export function csvTable(fields: readonly string[], rows: ReadonlyArray<Record<string, unknown>>, numeric: ReadonlySet<string> = new Set()): string {
  const cell = (v: unknown, field: string): string =>
    Array.isArray(v) ? csvListCell(v.map(String)) : csvCell(typeof v === 'object' && v !== null ? JSON.stringify(v) : (v as string | number | boolean | null | undefined), numeric.has(field));
  const lines = [fields.map((f) => csvCell(f)).join(',')];
  for (const row of rows) lines.push(fields.map((f) => cell(row[f], f)).join(','));
  return `${lines.join('\n')}\n`;
}
