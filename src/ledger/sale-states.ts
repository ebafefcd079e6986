/**
 * States in a stage or status column that say a row is no sale: a failed or declined payment (Stripe's
 * payments export keeps them, with `Status` Failed), a cancelled or voided order, a lost deal
 * (Salesforce's `Closed Lost`, HubSpot's `closedlost`), an uncaptured charge. The ledger counts every row as a sale or a refund,
 * so such a row is that row's error, never counted and never dropped without a word: the export is
 * filtered by the user, who knows which rows count.
 *
 * Pure and browser-safe.
 */
import type { RowIssue } from './rows';

const NOT_A_SALE = /^(failed|declined|canceled|cancelled|voided|void|closed[ _-]?lost|lost|expired|blocked|rejected|abandoned|uncaptured|incomplete|requires_payment_method|deleted)$/i;

/**
 * A deal's status column (Pipedrive's `Deal - Status`: open, won, lost, deleted) says `open` for a deal not yet
 * won. An invoice's `Open` is a sale billed and not yet paid, so only a column whose header names a deal reads it so.
 */
const DEAL_HEADER = /(^|[^a-z])deals?([^a-z]|$)/i;
const OPEN = /^\s*open\s*$/i;

/** The first letters of those states (lower-cased), so that most cells are judged by one character. */
const FIRST = new Set(['f', 'd', 'c', 'v', 'l', 'e', 'b', 'r', 'a', 'u', 'i', 'o'].map((c) => c.charCodeAt(0)));

/** Whether a stage or status cell says the row is no sale; `header` is its column's name. */
export function isNotASale(cell: string, header = ''): boolean {
  if (cell.length < 4 || !FIRST.has(cell.trimStart().charCodeAt(0) | 0x20)) return false;
  return NOT_A_SALE.test(cell.trim()) || (OPEN.test(cell) && DEAL_HEADER.test(header));
}

export function notASaleIssue(row: number, column: string, state: string): RowIssue {
  return {
    row,
    column,
    value: state,
    code: 'not-a-sale',
    message:
      `row ${row}'s ${column} is '${state}': ${/^[aeiou]/i.test(state) ? 'an' : 'a'} ${state.toLowerCase()} payment, order or deal is not a sale, and the ledger counts every row as one. ` +
      `Filter the export to the rows that count (or delete the column '${column}' if it does not say whether a sale was made)`,
  };
}
