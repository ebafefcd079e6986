/**
 * A column of amounts refunded beside each sale's amount (Stripe's payments export writes `Amount
 * Refunded` on the charge's row; Shopify's orders export `Refunded Amount`; a payment API's
 * `amount_refunded`). Read as written, a refunded charge would count as a full sale. The export does
 * not say when the refund was made, so deducting it has to be on the charge's own date, which moves a
 * later refund into an earlier period; and a ledger that also lists refunds as rows of their own would
 * deduct them twice. Neither reading is safe to guess: a row with an amount refunded is that row's error
 * `refunded-amount` until `--refunded deduct` (the row counts at its amount less the refund, on its own
 * date) or `--refunded ignore` (the charge counts in full; refunds only as rows of their own) says which.
 *
 * Pure and browser-safe.
 */
import { Dec } from '../values/money';
import { isPlainDecimal, type CellFormats } from './cell-formats';
import type { RowIssue } from './rows';

export type RefundedReading = 'deduct' | 'ignore';

export const REFUNDED_READINGS: readonly RefundedReading[] = ['deduct', 'ignore'];

/** What the report says of the column of amounts refunded, under each reading. */
export function refundedNote(name: string, reading: RefundedReading | undefined): string {
  if (reading === 'deduct') {
    return `column '${name}' is deducted from each row's amount, on the row's own date, since the export does not date the refunds (--refunded deduct): a row refunded in full counts as no sale`;
  }
  if (reading === 'ignore') {
    return `column '${name}' is not read (--refunded ignore): amounts refunded there are not deducted, and a refunded sale counts in full (a refund counts only as a row of its own, with a negative amount)`;
  }
  return `column '${name}' holds amounts refunded: a row with one is that row's error refunded-amount until --refunded deduct or --refunded ignore says how to read it`;
}

/** A cell of the amount or refund column as a decimal in major units, or null when it is not one. */
function valueOf(cell: string, formats: CellFormats, currency: string | null): string | null {
  const text = cell.trim();
  if (text === '') return '0';
  if (formats.minorDigits !== null) return formats.fromMinorUnits(text);
  if (!formats.rereads(text) && isPlainDecimal(text)) return text;
  const read = formats.quantity(text, currency);
  return read.ok ? read.text : null;
}

/** Whether an amount cell reads as an amount (when it does not, that is the row's amount error, reported by the normalizer). */
export function readsAsAmount(cell: string, formats: CellFormats, currency: string | null): boolean {
  return cell.trim() !== '' && valueOf(cell, formats, currency) !== null;
}

/** The amount refunded on a row: null when none (blank or zero). */
export function refundedValue(cell: string, formats: CellFormats, currency: string | null): { value: string } | { problem: string } | null {
  const value = valueOf(cell, formats, currency);
  if (value === null) return { problem: `'${cell.trim()}' is not an amount` };
  const d = new Dec(value);
  if (d.isZero()) return null;
  if (d.isNegative()) return { problem: `'${cell.trim()}' is negative: an amount refunded is written as a positive figure` };
  return { value };
}

/**
 * The row's amount less the refund, written as the ledger writes its amounts (whole minor units, a
 * decimal comma, or a plain decimal), so that the row normalizer reads it as it reads any amount; null
 * when the amount cell cannot be read (its own error is then the normalizer's).
 */
export function netAmountCell(amountCell: string, refunded: string, formats: CellFormats, currency: string | null): { cell: string; net: string } | { problem: string } | null {
  const amount = valueOf(amountCell, formats, currency);
  if (amount === null || amountCell.trim() === '') return null;
  const a = new Dec(amount);
  const r = new Dec(refunded);
  if (r.gt(a.abs())) return { problem: `the amount refunded, ${refunded}, is more than the amount, ${amount}` };
  const net = a.isNegative() ? a.plus(r) : a.minus(r);
  const plain = net.toFixed();
  if (formats.minorDigits !== null) return { cell: net.times(new Dec(10).pow(formats.minorDigits)).toFixed(0), net: plain };
  return { cell: formats.decimalComma ? plain.replace('.', ',') : plain, net: plain };
}

/** A row with an amount refunded while no reading is chosen: that row's error. */
export function refundedIssue(row: number, column: string, refunded: string, amountCell: string, net: string | null): RowIssue {
  const deducted = net === null ? '' : ` (${amountCell.trim()} less ${refunded} is ${net})`;
  return {
    row,
    column,
    value: refunded,
    code: 'refunded-amount',
    message:
      `row ${row} has ${refunded} refunded (column '${column}'), and the export does not say when: deducting it on the sale's own date may move a later refund into an earlier period, ` +
      `and a ledger that also lists the refund as a row of its own would deduct it twice. The engine does not guess: pass --refunded deduct to count the row at its amount less the refund${deducted}, ` +
      'or --refunded ignore to count the sale in full (refunds then count only as rows of their own)',
  };
}

/** A refund cell that cannot be read, under --refunded deduct: that row's error. */
export function unreadableRefundIssue(row: number, column: string, cell: string, problem: string): RowIssue {
  return { row, column, value: cell.trim(), code: 'refunded-amount', message: `row ${row}'s amount refunded (column '${column}') cannot be deducted: ${problem}` };
}
