/**
 * Rows of an export that are not sales: a total or subtotal row (spreadsheets end with `Total`;
 * QuickBooks and Xero reports add `Total for <customer>` under each group and `TOTAL` at the end), and
 * a header row repeated in the middle of the file (two exports joined into one). Summed as sales, a
 * total counts the sales above it a second time, so each is that row's error, never a guess.
 *
 * A label is a summary only when it says so whole: `Total`, `TOTAL:`, `Grand Total`, `Subtotal`,
 * `Sub-total (USD)`, `Total for Contoso Ltd`. A cell that merely starts with the word (a customer named
 * `Total Wine & More`) is a summary only on a row without a date, as a totals line at the foot of an
 * export is (`Total rows: 2`).
 *
 * Pure and browser-safe.
 */
import type { RowIssue } from './rows';

/** The whole cell is a summary label. */
const SUMMARY_LABEL = /^(?:grand[\s-]*)?(?:sub[\s-]*)?totals?(?:\s*\([^)]*\))?\s*:?$|^(?:sub[\s-]*)?totals?\s+for\s/i;
/** The cell starts with a summary word (read as a summary only on a row without a date). */
const SUMMARY_START = /^(?:grand[\s-]*)?(?:sub[\s-]*)?totals?\b/i;

const T = 0x74, S = 0x73, G = 0x67, O = 0x6f, U = 0x75, R = 0x72, B = 0x62, A = 0x61;

/** Whether a cell labels a summary row; `dated`: the row has a date. One character compared for most cells. */
export function isSummaryLabel(cell: string, dated: boolean): boolean {
  if (cell.length < 5) return false;
  let c = cell.charCodeAt(0);
  if (c === 0x20 || c === 0x09 || c === 0xa0) {
    cell = cell.trim();
    c = cell.charCodeAt(0);
  }
  // "total", "subtotal", "grand total": the first three letters (tot, sub, gra) turn away nearly every other cell.
  c |= 0x20;
  const d = cell.charCodeAt(1) | 0x20;
  const e = cell.charCodeAt(2) | 0x20;
  if (!((c === T && d === O && e === T) || (c === S && d === U && e === B) || (c === G && d === R && e === A))) return false;
  const text = cell.trim();
  return SUMMARY_LABEL.test(text) || (!dated && SUMMARY_START.test(text));
}

/** Index of the first cell that labels the row a summary, or -1. */
export function summaryCell(cells: readonly string[], dated: boolean): number {
  for (let i = 0; i < cells.length; i++) if (isSummaryLabel(cells[i], dated)) return i;
  return -1;
}

/** Whether a record's cells are its own keys again (a CSV header repeated, read into a record). */
export function recordRepeatsHeader(record: Readonly<Record<string, unknown>>): boolean {
  let n = 0;
  for (const key in record) {
    const value = record[key];
    if (typeof value !== 'string' || value.trim().toLowerCase() !== key.trim().toLowerCase()) return false;
    n++;
  }
  return n > 0;
}

export function summaryRowIssue(row: number, column: string, label: string): RowIssue {
  return {
    row,
    column,
    value: label,
    code: 'summary-row',
    message:
      `row ${row} is a total, not a sale: its ${column} cell reads '${label}'. Spreadsheets and accounting reports add such rows ` +
      `(Total, Subtotal, Total for <customer>); counted, it would add the sales above it a second time. ` +
      'Delete the total and subtotal rows from the export, keeping one row per sale',
  };
}

/** Whether a row's cells are the header's names again (compared trimmed, lower-cased). */
export function repeatsHeader(cells: readonly string[], header: readonly string[]): boolean {
  if (cells.length !== header.length) return false;
  for (let i = 0; i < cells.length; i++) if (cells[i].trim().toLowerCase() !== header[i]) return false;
  return true;
}

export function repeatedHeaderIssue(row: number, hasId: boolean): RowIssue {
  return {
    row,
    column: '*',
    value: '',
    code: 'repeated-header',
    message:
      `row ${row} repeats the header row: two exports joined into one file? Remove the repeated header line, and check that the ` +
      `parts do not overlap: a sale in both would be counted twice${hasId ? ' (a repeated id is an error)' : ', and the ledger has no id column to catch it'}`,
  };
}
