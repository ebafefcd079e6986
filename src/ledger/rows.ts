/**
 * The sales ledger's records and rows: what a reader produces (records, row issues) and what the
 * normalizer makes of them (rows). Row numbers are 1-based and count data records (row 1 is the first
 * record after a CSV header, the first element of a JSON array, the first non-blank NDJSON line).
 */
import type { Finding } from '../diagnostics';
import type { Quantity } from '../values/quantity';

/** One input record as read: column name (any case) → cell. */
export type LedgerRecord = Readonly<Record<string, unknown>>;

export type LedgerFormat = 'csv' | 'json' | 'ndjson';

/** A row after normalization. Quantities are exact (see quantity.ts). */
export interface LedgerRow {
  /** 1-based record number, the tie-breaker for rows at the same instant. */
  row: number;
  /** The `id` cell, or the row number when there is none. */
  id: string;
  /** Epoch milliseconds. */
  time: number;
  /** The local day in the contract zone (days since 1970-01-01). */
  day: number;
  amount: Quantity | null;
  currency: string | null;
  units: Quantity | null;
  /** Trimmed as written. */
  product: string | null;
  customer: string | null;
  seller: string | null;
}

export type RowIssueCode =
  | 'impossible-date'
  | 'invalid-date'
  | 'non-numeric-amount'
  | 'non-numeric-units'
  | 'currency-mismatch'
  | 'duplicate-id'
  | 'unusual-name'
  | 'missing-column'
  | 'missing-value'
  | 'malformed-row'
  | 'empty-ledger'
  | 'inexact-json-number'
  | 'number-too-long'
  | 'duplicate-column'
  | 'summary-row'
  | 'repeated-header'
  | 'order-total-per-line'
  | 'amount-unit'
  | 'not-a-sale'
  | 'open-deal'
  | 'hidden-row'
  | 'refunded-amount';

/** What is wrong with one cell (or one whole row, column `*`); its view in the shared shape: `rowFinding`. */
export interface RowIssue {
  row: number;
  column: string;
  value: string;
  code: RowIssueCode;
  message: string;
}

export type LedgerColumn = 'id' | 'date' | 'amount' | 'currency' | 'units' | 'product' | 'customer' | 'seller';

/** Records read from a text, plus problems found while reading (which make the ledger invalid). */
export interface ParsedLedger {
  records: LedgerRecord[];
  issues: RowIssue[];
}

/**
 * A ledger with nothing in it: a CSV file without even a header row (0 bytes, or only blank
 * lines), a JSON `[]`, an NDJSON file without a record. Almost always an export that went wrong,
 * so it is an error (row 0: the ledger as a whole), never "every milestone missed". A CSV with a
 * header and no rows is read (0 rows) and the evaluation warns (`no-rows`).
 */
export function emptyLedgerIssue(format: LedgerFormat): RowIssue {
  const what =
    format === 'csv'
      ? 'the CSV ledger is empty: not even a header row (expected one such as id,date,amount, then one sale per line)'
      : format === 'json'
        ? 'the JSON ledger is an empty array: it holds no sales'
        : 'the NDJSON ledger holds no records: expected one JSON object per line';
  return { row: 0, column: '*', value: '', code: 'empty-ledger', message: `${what}; refusing to evaluate as if no sale had been made` };
}

/**
 * A JSON row that is not an object, as a cell value for its row issue: a scalar as written (cut to 80
 * characters), an array by its length. Never serialised whole: a row nested a million arrays deep would
 * overflow the stack of JSON.stringify.
 */
export function notAnObjectValue(item: unknown): string {
  if (Array.isArray(item)) return `an array of ${item.length} item${item.length === 1 ? '' : 's'}`;
  const text = JSON.stringify(item) ?? String(item);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** A row issue as a Finding (src/diagnostics.ts): always an error, at its row and column. */
export function rowFinding(issue: RowIssue): Finding {
  return { code: issue.code, severity: 'error', message: issue.message, location: { kind: 'row', row: issue.row, column: issue.column, value: issue.value } };
}
