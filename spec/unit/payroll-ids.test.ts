/**
 * Payroll ids name one obligation each: several obligations of one milestone and period (an amount per
 * increment, each owed at the row completing it) get ids of their own, so that a payment of the first is
 * never taken for a payment of the second.
 */
import { validate } from '../../src/language/check';
import { evaluate, type EvaluationSuccess } from '../../src/evaluation/evaluate';
import { obligationLines, payroll, readPaid, obligationsCsv } from '../../src/portfolio/payroll';

const CLAUSE = 'The Company shall pay the Distributor a bonus of $1,000 for each full 100 Units sold by the Distributor in any Calendar Quarter in excess of 500 Units.';
const LEDGER = [
  { id: 'S1', date: '2026-01-15', units: '600' }, // 500 + 1 x 100: the first increment
  { id: 'S2', date: '2026-02-20', units: '100' }, // the second, in February
  { id: 'S3', date: '2026-03-10', units: '100' }, // the third, in March
];

function lines(ledger = LEDGER) {
  const report = evaluate(validate(CLAUSE).ast!, ledger, { effectiveDate: '2026-01-01', asOf: '2026-03-31', timeZone: 'UTC' }) as EvaluationSuccess;
  return obligationLines('dist-1', 'Distributor', report);
}

test("three increments of one quarter get three ids: the crossing's, then each later one named by its row", () => {
  const all = lines();
  expect(all.map((l) => [l.obligationId, l.triggeredDate, l.amount])).toEqual([
    ['dist-1/1/#1/1', '2026-01-15', '1000.00'],
    ['dist-1/1/#1/1@S2', '2026-02-20', '1000.00'],
    ['dist-1/1/#1/1@S3', '2026-03-10', '1000.00'],
  ]);
});

test("January's run paid the first increment: February's run still owes the second", () => {
  const all = lines();
  const january = payroll(all, { since: '2026-01-01', until: '2026-01-31' }, new Map());
  const paid = readPaid([obligationsCsv(january.lines)]);
  if (!paid.ok) throw new Error(paid.message);
  const february = payroll(all, { since: '2026-02-01', until: '2026-02-28' }, paid.paid);
  expect(february.lines.map((l) => [l.obligationId, l.amount])).toEqual([['dist-1/1/#1/1@S2', '1000.00']]);
});

test('a row completing two increments at once owes two obligations, numbered', () => {
  const all = lines([{ id: 'S1', date: '2026-01-15', units: '600' }, { id: 'S2', date: '2026-02-20', units: '200' }]);
  expect(all.map((l) => l.obligationId)).toEqual(['dist-1/1/#1/1', 'dist-1/1/#1/1@S2', 'dist-1/1/#1/1@S2/2']);
});

test('an increment that appears earlier in a later export changes no id already paid', () => {
  // The first run saw S1 and S3; the next export also holds S2, dated between them.
  const before = lines([LEDGER[0], LEDGER[2]]);
  const paid = readPaid([obligationsCsv(payroll(before, { since: null, until: null }, new Map()).lines)]);
  if (!paid.ok) throw new Error(paid.message);
  const after = payroll(lines(), { since: null, until: null }, paid.paid);
  expect(after.lines.map((l) => [l.obligationId, l.amount])).toEqual([['dist-1/1/#1/1@S2', '1000.00']]);
});
