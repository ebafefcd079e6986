/** The library's evaluate() returns a report (ok or errors) for any ledger records and context a user may give; it never throws. */
import fc from 'fast-check';
import { validate } from '../../src/language/check';
import { evaluate } from '../../src/evaluation/evaluate';
import { parseLedgerText } from '../../src/ledger/text-readers';

const CLAUSE =
  'The Seller agrees to meet the following sales milestones: (i) $300 in sales revenue by the end of the first month, (ii) 4 units of "Widget" in each month, (iii) 3 new customers by March 31, 2026. Upon achieving each milestone, the Seller will receive a bonus of $10.';
const ast = validate(CLAUSE).ast!;

/** Cells near the accepted shapes: digits with a letter, odd separators, huge numbers, controls. */
const nearDate = fc.oneof(
  fc.constantFrom('2O26-01-10T10:00:00', '2026-01-10 1O:00:00', '2026-01-10T10:00:00+O5:00', '2026-13-01', '0000-01-01', '9999-12-31T23:59:59Z', '+275760-09-13', ''),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 32 }), fc.string({ maxLength: 12 })).map(
    ([y, m, d, t]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}${t}`,
  ),
  fc.string({ maxLength: 30 }),
);
const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('1e309', 'NaN', '-0', '9'.repeat(80), '1,000.00', ' 5 '));

test('property: evaluate never throws on records of any shape, and a date reader failure is a row error', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ id: cell, date: nearDate, amount: cell, units: cell, product: cell, customer: cell }, { requiredKeys: ['date'] }), { maxLength: 8 }),
      fc.constantFrom('2026-01-01', '2025-12-31', '9999-12-01'),
      fc.constantFrom('UTC', 'Pacific/Apia', 'America/New_York'),
      (records, effectiveDate, timeZone) => {
        const report = evaluate(ast, records, { effectiveDate, timeZone, asOf: '2026-06-30' });
        expect(typeof report.ok).toBe('boolean');
      },
    ),
    { numRuns: 400, seed: 16 },
  );
});

test('a letter in a date-time year is the row error invalid-date, not an exception', () => {
  const ledger = parseLedgerText('id,date,amount\n1,2O26-01-10T10:00:00,100\n', 'csv');
  const report = evaluate(ast, ledger.records, { effectiveDate: '2026-01-01', asOf: '2026-06-30', readIssues: ledger.issues });
  expect(report.ok).toBe(false);
  if (!report.ok) expect(report.errors).toContainEqual(expect.objectContaining({ row: 1, column: 'date', code: 'invalid-date' }));
});
