/**
 * `--ledger-currency`: the command line's form of the library's `ledgerCurrency`, for a clause that names no currency.
 * The rate's amount is then paid in it, stated in the notes; a ledger in cents is read with its minor digits; a code
 * that is not ISO 4217 is a usage error; a clause naming another currency is an error, never a conversion.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { evaluate, parseLedgerText, validate } from '../../src/index';
import { runCli } from './run-cli';

const dir = mkdtempSync(path.join(tmpdir(), 'ledger-currency-'));
const CLAUSE = 'The Company shall pay the Agent a commission of five percent (5%) of Net Sales in each calendar quarter.';
const clause = path.join(dir, 'rate.clause');
const LEDGER = 'id,date,amount\nS1,2026-02-01,400.00\nS2,2026-03-10,600.00\n';
const ledger = path.join(dir, 'sales.csv');
writeFileSync(clause, CLAUSE);
writeFileSync(ledger, LEDGER);
const context = ['--effective-date', '2026-01-01', '--as-of', '2026-05-15', '--sales', ledger, '--json'];

interface Report {
  ok: boolean;
  totals?: Array<{ currency: string | null; amount: string | null }>;
  notes?: string[];
  errors?: Array<{ code: string; message: string }>;
}

test('with --ledger-currency USD the rate is paid in USD (5% of Q1\'s 1,000.00 = 50.00), as the library with ledgerCurrency', () => {
  const run = runCli(['evaluate', clause, ...context, '--ledger-currency', 'USD']);
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as Report;
  expect(report.totals).toEqual([{ currency: 'USD', amount: '50.00', unresolved: 0 }]);
  expect(report.notes?.join('\n')).toContain("the clause names no currency: amounts are read and paid in USD, the ledger's currency as the context declares it");
  const library = evaluate(validate(CLAUSE), parseLedgerText(LEDGER, 'csv'), { effectiveDate: '2026-01-01', asOf: '2026-05-15', ledgerCurrency: 'USD' });
  expect(library.ok && library.totals).toEqual(report.totals);
});

test('--amount-unit minor takes the declared currency\'s digits; without a currency it is the amount-unit error', () => {
  const cents = path.join(dir, 'cents.csv');
  writeFileSync(cents, 'id,date,amount\nS1,2026-02-01,40000\nS2,2026-03-10,60000\n');
  const args = ['evaluate', clause, '--effective-date', '2026-01-01', '--as-of', '2026-05-15', '--sales', cents, '--json', '--amount-unit', 'minor'];
  const read = JSON.parse(runCli([...args, '--ledger-currency', 'USD']).stdout) as Report;
  expect(read.totals).toEqual([{ currency: 'USD', amount: '50.00', unresolved: 0 }]);
  const refused = JSON.parse(runCli(args).stdout) as Report;
  expect(refused.errors?.map((e) => e.code)).toEqual(['amount-unit']);
});

test('a code that is not ISO 4217 is a usage error; with --portfolio the option is refused', () => {
  const run = runCli(['evaluate', clause, ...context, '--ledger-currency', 'US$']);
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/--ledger-currency must be an ISO 4217 currency code such as USD or EUR \(got 'US\$'\)/);
  const portfolio = runCli(['evaluate', '--portfolio', 'examples/portfolio/contracts.json', '--sales', 'examples/portfolio/sales.csv', '--ledger-currency', 'USD']);
  expect(portfolio.status).toBe(2);
  expect(portfolio.stderr).toMatch(/--ledger-currency goes with a clause file/);
});

test('a clause naming EUR against --ledger-currency USD is an error, never a conversion', () => {
  const eur = path.join(dir, 'eur.clause');
  writeFileSync(eur, 'The Seller agrees to meet the following sales milestones: (i) €1,000 in sales revenue by the end of the first month.');
  const run = runCli(['evaluate', eur, ...context, '--ledger-currency', 'USD']);
  expect(run.status).toBe(1);
  expect(run.stdout).toContain('amounts in different currencies are never converted');
});
