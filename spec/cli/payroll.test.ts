/**
 * Payroll output: one line per obligation with a stable id; pay periods and earlier runs' paid
 * files make monthly runs pay each obligation exactly once, and a seller the ledger does not have
 * is a warning with the closest ledger names (an error, exit 3, with --strict).
 */
import fs, { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { Dec } from '../../src/values/money';
import { payroll, payPeriodOfMonth, readPaid, type ObligationLine } from '../../src/portfolio/payroll';
import { evaluatePortfolio, readPortfolio, resolveContracts } from '../../src/index';
import { parseCsvLedger } from '../../src/ledger/text-readers';
import { runCli } from './run-cli';

const DIR = path.join(__dirname, '..', '..', 'examples', 'portfolio');

function line(id: string, triggeredDate: string, amount: string | null): ObligationLine {
  return {
    obligationId: id, contract: id.split('/')[0], payer: '', payee: 'P', direction: 'to-performer', milestone: 'i', period: null, triggeredDate, triggeredBy: 'INV-1',
    amount, currency: 'USD', basis: 'item', explanation: 'x', asOf: '2026-03-31', paidBefore: null,
  };
}

function withTempDir<T>(body: (dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'payroll-'));
  try {
    return body(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The example portfolio with absolute paths and the given as-of date. */
function portfolioFile(dir: string, asOf: string, change?: (contracts: Array<Record<string, unknown>>) => void): string {
  const portfolio = JSON.parse(readFileSync(path.join(DIR, 'contracts.json'), 'utf8')) as { asOf: string; contracts: Array<Record<string, unknown>> };
  portfolio.asOf = asOf;
  // The portfolio's files sit beside it: paths outside its folder are refused.
  for (const c of portfolio.contracts) {
    for (const key of ['clause', 'schedule']) if (typeof c[key] === 'string') fs.copyFileSync(path.join(DIR, c[key] as string), path.join(dir, c[key] as string));
  }
  change?.(portfolio.contracts);
  const file = path.join(dir, `portfolio-${asOf}.json`);
  fs.writeFileSync(file, JSON.stringify(portfolio));
  return file;
}

function csvRows(file: string): Array<Record<string, string>> {
  return Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

describe('payroll lines', () => {
  test('a pay period keeps the obligations triggered in it; --pay-period is the whole month', () => {
    expect(payPeriodOfMonth('2026-02')).toEqual({ since: '2026-02-01', until: '2026-02-28' });
    expect(payPeriodOfMonth('2028-02')).toEqual({ since: '2028-02-01', until: '2028-02-29' });
    expect(payPeriodOfMonth('2026-13')).toBeNull();
    const all = [line('a/1/i', '2026-01-31', '100.00'), line('a/1/ii', '2026-02-01', '200.00'), line('a/1/iii', '2026-02-28', '300.00'), line('a/1/iv', '2026-03-01', '1.00')];
    const run = payroll(all, payPeriodOfMonth('2026-02')!, new Map());
    expect(run.lines.map((l) => l.obligationId)).toEqual(['a/1/ii', 'a/1/iii']);
    expect(run.outsidePeriod).toBe(2);
  });

  test('paid obligations are left out; one paid at another amount owes the difference, whatever the period; paid ids no longer found are named', () => {
    const read = readPaid(['obligation_id,amount,currency\na/1/i,100.00,USD\na/1/ii,150.00,USD\ngone/1/i,5.00,USD\n']);
    if (!read.ok) throw new Error(read.message);
    const all = [line('a/1/i', '2026-01-31', '100.00'), line('a/1/ii', '2026-01-31', '200.00'), line('a/1/iii', '2026-02-10', '300.00')];
    const run = payroll(all, { since: '2026-02-01', until: null }, read.paid);
    expect(run.lines.map((l) => [l.obligationId, l.amount, l.paidBefore])).toEqual([
      ['a/1/ii', '50.00', '150.00'],
      ['a/1/iii', '300.00', null],
    ]);
    expect(run.alreadyPaid).toBe(1);
    expect(run.paidNotFound).toEqual(['gone/1/i']);
    expect(readPaid(['payee,amount\nx,1\n'])).toEqual({ ok: false, message: expect.stringMatching(/needs the columns obligation_id and amount/) });
  });

  test('three monthly runs with --since and --paid pay every obligation exactly once, at its final amount', () => {
    withTempDir((dir) => {
      const sales = path.join(DIR, 'sales.csv');
      const months = [
        { since: '2026-01-01', asOf: '2026-01-31' },
        { since: '2026-02-01', asOf: '2026-02-28' },
        { since: '2026-03-01', asOf: '2026-03-31' },
      ];
      const paidFiles: string[] = [];
      for (const m of months) {
        const out = path.join(dir, `paid-${m.asOf}.csv`);
        const run = runCli(['evaluate', '--portfolio', portfolioFile(dir, m.asOf), '--sales', sales, '--since', m.since, ...paidFiles.flatMap((f) => ['--paid', f]), '--obligations-csv', out]);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('Owed now');
        paidFiles.push(out);
      }
      // The whole quarter at once, as of the last run.
      const final = path.join(dir, 'final.csv');
      expect(runCli(['evaluate', '--portfolio', portfolioFile(dir, '2026-03-31'), '--sales', sales, '--obligations-csv', final]).status).toBe(0);
      const expected = new Map(csvRows(final).map((r) => [r.obligation_id, r.amount]));
      const paid = new Map<string, Dec>();
      const runsPaying = new Map<string, number>();
      for (const f of paidFiles) {
        for (const r of csvRows(f)) {
          paid.set(r.obligation_id, (paid.get(r.obligation_id) ?? new Dec(0)).plus(r.amount));
          runsPaying.set(r.obligation_id, (runsPaying.get(r.obligation_id) ?? 0) + 1);
        }
      }
      expect(expected.size).toBeGreaterThanOrEqual(4);
      expect([...paid.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [id, amount] of expected) expect(paid.get(id)?.toFixed(2)).toBe(amount);
      // A fixed amount is paid by one run; only a rate that grew later adds a difference line.
      for (const r of csvRows(final)) if (r.basis !== 'rate') expect(runsPaying.get(r.obligation_id)).toBe(1);
      // Without --paid, the third run alone would pay again what the first two paid.
      const again = path.join(dir, 'again.csv');
      runCli(['evaluate', '--portfolio', portfolioFile(dir, '2026-03-31'), '--sales', sales, '--since', '2026-01-01', '--obligations-csv', again]);
      expect(csvRows(again).length).toBe(expected.size);
    });
  });

  test('a single contract writes obligation lines too, its id from the clause file name', () => {
    withTempDir((dir) => {
      const out = path.join(dir, 'o.csv');
      const run = runCli(['evaluate', 'examples/seed-contract.clause', '--sales', 'examples/ledgers/seed-sales.csv', '--effective-date', '2026-01-01',
        '--time-zone', 'America/New_York', '--as-of', '2026-04-15', '--schedule', 'examples/schedules/seed-schedule.json', '--obligations-csv', out, '--payee', 'Alice Chen']);
      expect(run.status).toBe(0);
      expect(csvRows(out).map((r) => [r.obligation_id, r.payee, r.milestone, r.triggered_date, r.triggered_by, r.amount, r.currency, r.as_of])).toEqual([
        ['seed-contract/1/i', 'Alice Chen', 'i', '2026-01-31', 'INV-1007', '2500.00', 'USD', '2026-04-15'],
        ['seed-contract/1/ii', 'Alice Chen', 'ii', '2026-02-27', 'INV-1013', '5000.00', 'USD', '2026-04-15'],
      ]);
      const february = runCli(['evaluate', 'examples/seed-contract.clause', '--sales', 'examples/ledgers/seed-sales.csv', '--effective-date', '2026-01-01',
        '--time-zone', 'America/New_York', '--as-of', '2026-04-15', '--schedule', 'examples/schedules/seed-schedule.json', '--pay-period', '2026-02', '--paid', out, '--json']);
      expect(JSON.parse(february.stdout).payroll).toMatchObject({ since: '2026-02-01', until: '2026-02-28', owed: [], alreadyPaid: 2, outsidePeriod: 0 });
    });
  });
});

describe('portfolio honesty', () => {
  test('a seller that matches no row is a warning naming the closest ledger name, not a no-rows warning; --strict makes it exit 3', () => {
    withTempDir((dir) => {
      const file = portfolioFile(dir, '2026-04-30', (contracts) => {
        contracts[2].seller = 'Bryan Ortiz';
      });
      const sales = path.join(DIR, 'sales.csv');
      const text = runCli(['evaluate', '--portfolio', file, '--sales', sales]);
      expect(text.status).toBe(0);
      expect(text.stdout).toContain("warning [seller-near-miss] contract brian-deals: no ledger row has the seller 'Bryan Ortiz', but the ledger has 'Brian Ortiz'");
      const json = JSON.parse(runCli(['evaluate', '--portfolio', file, '--sales', sales, '--json']).stdout);
      const brian = json.contracts.find((c: { id: string }) => c.id === 'brian-deals');
      expect(brian.result.diagnostics.map((d: { code: string }) => d.code)).toEqual(['seller-near-miss']);
      expect(json.sellerProblems).toEqual([expect.objectContaining({ contract: 'brian-deals', seller: 'Bryan Ortiz', kind: 'near-miss', closest: ['Brian Ortiz'], severity: 'warning' })]);
      const strict = runCli(['evaluate', '--portfolio', file, '--sales', sales, '--strict']);
      expect(strict.status).toBe(3);
      expect(strict.stdout).toContain('error [seller-near-miss]');
    });
  });

  test('a seller far from every ledger name is not-found, with the sellers no contract covers; evaluatePortfolio is the library API', () => {
    const portfolio = JSON.parse(readFileSync(path.join(DIR, 'contracts.json'), 'utf8'));
    portfolio.contracts = [portfolio.contracts[2]];
    portfolio.contracts[0].seller = ['Brian Ortiz', 'Zelda Quinn'];
    const ledger = parseCsvLedger(readFileSync(path.join(DIR, 'sales.csv'), 'utf8'));
    const read = readPortfolio(portfolio);
    if (!read.ok) throw new Error(read.errors.join('\n'));
    const contracts = resolveContracts(read.portfolio, (p) => readFileSync(path.join(DIR, p), 'utf8'));
    const report = evaluatePortfolio(contracts, ledger);
    expect(report.ok).toBe(true);
    const [problem] = report.sellerProblems;
    expect(problem).toMatchObject({ contract: 'brian-deals', seller: 'Zelda Quinn', kind: 'not-found' });
    expect(problem.closest.length).toBe(3);
    expect(problem.message).toMatch(/that seller's sales are not counted/);
    expect(evaluatePortfolio(contracts, ledger, { strict: true }).ok).toBe(false);
  });
});

describe('time-zone abbreviations', () => {
  test('EST is evaluated as written but warned about, naming America/New_York; EDT is a usage error naming it', () => {
    const args = ['evaluate', 'examples/seed-contract.clause', '--sales', 'examples/ledgers/seed-sales.csv', '--effective-date', '2026-01-01', '--as-of', '2026-04-15', '--json'];
    const est = JSON.parse(runCli([...args, '--time-zone', 'EST']).stdout);
    expect(est.diagnostics).toContainEqual(expect.objectContaining({
      code: 'zone-abbreviation',
      severity: 'warning',
      message: expect.stringMatching(/^time zone 'EST' is an abbreviation, read as a fixed UTC−05:00 all year, with no daylight saving; .* --time-zone America\/New_York/),
    }));
    expect(JSON.parse(runCli([...args, '--time-zone', 'America/New_York']).stdout).diagnostics.map((d: { code: string }) => d.code)).not.toContain('zone-abbreviation');
    const edt = runCli([...args, '--time-zone', 'EDT']);
    expect(edt.status).toBe(2);
    expect(edt.stderr).toContain("write --time-zone America/New_York");
  });
});
