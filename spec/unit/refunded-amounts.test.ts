/** The amount less the refund, written as the ledger writes amounts, so the row normalizer reads it as any amount. */
import { CellFormats } from '../../src/ledger/cell-formats';
import { netAmountCell, refundedValue } from '../../src/ledger/refunded-amounts';

const plain = new CellFormats(null, false);
const comma = new CellFormats(null, true);
const minor = new CellFormats(null, false);
minor.minorDigits = 2;

test('amounts as exports write them: plain, with a symbol and grouping, a decimal comma, whole minor units', () => {
  expect(netAmountCell('500.00', '200.00', plain, 'USD')).toEqual({ cell: '300', net: '300' });
  expect(netAmountCell('$1,234.56', '34.56', plain, 'USD')).toEqual({ cell: '1200', net: '1200' });
  expect(netAmountCell('1.234,56', '0.56', comma, 'EUR')).toEqual({ cell: '1234', net: '1234' });
  expect(netAmountCell('1.234,50', '0.25', comma, 'EUR')).toEqual({ cell: '1234,25', net: '1234.25' });
  expect(netAmountCell('50000', '200.00', minor, 'USD')).toEqual({ cell: '30000', net: '300' });
  expect(netAmountCell('600.00', '600.00', plain, 'USD')).toEqual({ cell: '0', net: '0' });
});

test('a refund recorded against a negative row (a credit) brings it toward zero; more than the amount is a problem; an unreadable amount is left to its own error', () => {
  expect(netAmountCell('-500.00', '200.00', plain, 'USD')).toEqual({ cell: '-300', net: '-300' });
  expect(netAmountCell('100.00', '150.00', plain, 'USD')).toEqual({ problem: 'the amount refunded, 150.00, is more than the amount, 100.00' });
  expect(netAmountCell('€100.00', '50.00', plain, 'USD')).toBeNull();
  expect(netAmountCell('', '50.00', plain, 'USD')).toBeNull();
});

test('the refund cell: blank or zero is none; a negative or unreadable one is a problem; minor units are shifted', () => {
  expect(refundedValue('', plain, 'USD')).toBeNull();
  expect(refundedValue('0.00', plain, 'USD')).toBeNull();
  expect(refundedValue('$200.00', plain, 'USD')).toEqual({ value: '200.00' });
  expect(refundedValue('20000', minor, 'USD')).toEqual({ value: '200.00' });
  expect(refundedValue('-5', plain, 'USD')).toEqual({ problem: "'-5' is negative: an amount refunded is written as a positive figure" });
  expect(refundedValue('n/a', plain, 'USD')).toEqual({ problem: "'n/a' is not an amount" });
});
