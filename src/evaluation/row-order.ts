/**
 * The order of ledger rows, which names crossing rows and customers' first sales: by instant, and
 * among rows at the same instant (same-day rows of a date-only ledger) by a key taken from the row
 * itself, never from its place in the file, so shuffling a ledger changes no result. The key is the
 * id when both rows have one written (ids are unique), else the row's normalised content (amount,
 * units, currency, product, customer, seller). Two rows alike in all of these and without ids cannot
 * be told apart by any order-free key; only then does the row number decide, which changes which of
 * the two identical rows is named, never a figure.
 */
import type { LedgerRow } from '../ledger/rows';
import type { Quantity } from '../values/quantity';
import { toDec } from '../values/quantity';

const quantityKey = (q: Quantity | null): string => (q === null ? '' : toDec(q).toFixed());

/** A row's content as one string, fields separated by a character no normalised cell keeps. */
export function contentKey(r: LedgerRow): string {
  return [quantityKey(r.amount), quantityKey(r.units), r.currency ?? '', r.product ?? '', r.customer ?? '', r.seller ?? ''].join('\u0000');
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Negative when `a` comes first: by instant, then id (both written) or content, then row number. */
export function compareRows(a: LedgerRow, b: LedgerRow): number {
  if (a.time !== b.time) return a.time - b.time;
  if (a.row === b.row) return 0;
  const key = a.idWritten === true && b.idWritten === true ? byText(a.id, b.id) : byText(contentKey(a), contentKey(b));
  return key !== 0 ? key : a.row - b.row;
}

/** Whether `a` comes before `b` in row order. */
export function earlier(a: LedgerRow, b: LedgerRow): boolean {
  return compareRows(a, b) < 0;
}
