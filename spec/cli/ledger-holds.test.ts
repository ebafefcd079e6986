/**
 * `--ledger-holds bookings`: a clause measured in Bookings is refused against a sales ledger and read
 * from a ledger declared to hold bookings, with the reading in the notes; in a portfolio, per contract.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './run-cli';

const dir = mkdtempSync(path.join(tmpdir(), 'ledger-holds-'));
const clause = path.join(dir, 'caps.clause');
const ledger = path.join(dir, 'bookings.csv');
writeFileSync(
  clause,
  'The Salesperson shall earn a commission of eight percent (8%) of Bookings in each Calendar Quarter; provided that commissions earned in any Calendar Quarter shall not exceed Forty Thousand Dollars ($40,000).',
);
writeFileSync(ledger, 'id,date,amount\nB1,2026-01-15,350000.00\nB2,2026-03-31,250000.00\nB3,2026-04-01,100000.00\n');
const context = ['--effective-date', '2026-01-01', '--as-of', '2026-07-15', '--sales', ledger];

test('without --ledger-holds, Bookings is unmeasurable and the message says how to declare a ledger of bookings', () => {
  const run = runCli(['evaluate', clause, ...context]);
  expect(run.status).toBe(1);
  expect(run.stdout).toContain('[unmeasurable-metric]');
  expect(run.stdout).toContain('--ledger-holds bookings');
});

test('with --ledger-holds bookings, the amounts are read as bookings and a note says so', () => {
  const run = runCli(['evaluate', clause, ...context, '--ledger-holds', 'bookings', '--json']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const out = JSON.parse(run.stdout) as { obligations: { amount: string; limit: { uncappedAmount: string } }[]; notes: string[] };
  expect(out.obligations.map((o) => [o.limit.uncappedAmount, o.amount])).toEqual([
    ['48000.00', '40000.00'],
    ['8000.00', '8000.00'],
  ]);
  expect(out.notes.join('\n')).toContain("the ledger is declared to hold bookings (ledgerHolds: 'bookings')");
});

test('an unknown --ledger-holds value is a usage error naming the values', () => {
  const run = runCli(['evaluate', clause, ...context, '--ledger-holds', 'orders']);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain("--ledger-holds must be 'sales', 'bookings', 'purchases' (got 'orders')");
});

test("a portfolio contract declares its ledger with the field 'ledgerHolds'", () => {
  const sales = path.join(dir, 'portfolio.csv');
  writeFileSync(sales, 'id,date,amount,seller\nB1,2026-01-15,350000.00,Ann\nB2,2026-03-31,250000.00,Ann\n');
  const portfolio = path.join(dir, 'contracts.json');
  const contract = { id: 'ann', seller: 'Ann', clause: 'caps.clause', effectiveDate: '2026-01-01', asOf: '2026-07-15' };
  writeFileSync(portfolio, JSON.stringify({ contracts: [{ ...contract, ledgerHolds: 'bookings' }, { ...contract, id: 'ann-sales' }] }));
  const run = runCli(['evaluate', '--portfolio', portfolio, '--sales', sales, '--json']);
  const out = JSON.parse(run.stdout) as { contracts: { id: string; ok: boolean; result: { obligations?: { amount: string }[]; diagnostics?: { code: string }[] } }[] };
  const [bookings, salesLedger] = out.contracts;
  expect(bookings.ok).toBe(true);
  expect(bookings.result.obligations?.map((o) => o.amount)).toEqual(['40000.00']);
  expect(salesLedger.ok).toBe(false);
  expect(salesLedger.result.diagnostics?.map((d) => d.code)).toContain('unmeasurable-metric');
});
