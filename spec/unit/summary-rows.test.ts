import { isSummaryLabel, recordRepeatsHeader, repeatsHeader, summaryCell } from '../../src/ledger/summary-rows';
import { amountInStyle } from '../../src/ledger/cell-formats';

describe('summary rows: totals and subtotals of exports', () => {
  test.each(['Total', 'TOTAL', 'Total:', 'Totals', 'Grand Total', 'GRAND TOTAL', 'Subtotal', 'Sub-total', 'Sub Total', 'Total (USD)', 'Total for Contoso Ltd', '  Total  '])(
    '%p labels a summary, dated or not',
    (cell) => {
      expect(isSummaryLabel(cell, true)).toBe(true);
      expect(isSummaryLabel(cell, false)).toBe(true);
    },
  );

  test.each(['Total Wine & More', 'Total rows: 2', 'Subtotal before discount', 'Grand Total Inc'])('%p is a summary only on a row without a date', (cell) => {
    expect(isSummaryLabel(cell, true)).toBe(false);
    expect(isSummaryLabel(cell, false)).toBe(true);
  });

  test.each(['Totally Fit LLC', 'Subtle Co', 'Great Total', 'INV-1001', '2026-01-05', '1100.00', 'Tot', ''])('%p is not a summary label', (cell) => {
    expect(isSummaryLabel(cell, false)).toBe(false);
  });

  test('the first summary cell of a row', () => {
    expect(summaryCell(['', '', 'Total for Acme', '$1,100.00'], false)).toBe(2);
    expect(summaryCell(['1001', '2026-01-05', 'Total Wine & More', '500.00'], true)).toBe(-1);
  });

  test('a header repeated as a row', () => {
    expect(repeatsHeader(['ID', ' Date ', 'Amount'], ['id', 'date', 'amount'])).toBe(true);
    expect(repeatsHeader(['A', '2026-01-05', '5'], ['id', 'date', 'amount'])).toBe(false);
    expect(repeatsHeader(['id', 'date'], ['id', 'date', 'amount'])).toBe(false);
    expect(recordRepeatsHeader({ id: 'id', date: 'Date', amount: 'AMOUNT' })).toBe(true);
    expect(recordRepeatsHeader({ id: 'id', date: '2026-01-05', amount: '5' })).toBe(false);
  });
});

describe('a trailing minus', () => {
  test.each([
    ['200.00-', false, '-200.00'],
    ['1,234.50-', false, '-1234.50'],
    ['1.234,56-', true, '-1234.56'],
    ['$200.00-', false, '-200.00'],
    ['0.00-', false, '0.00'],
  ])('%p is a negative amount', (cell, decimalComma, text) => {
    expect(amountInStyle(cell, { decimalComma, currency: 'USD' })).toEqual({ ok: true, text });
  });

  test('a minus at both ends, or one after a letter, is not an amount', () => {
    expect(amountInStyle('-200.00-', { decimalComma: false, currency: 'USD' }).ok).toBe(false);
    expect(amountInStyle('abc-', { decimalComma: false, currency: 'USD' }).ok).toBe(false);
  });
});
