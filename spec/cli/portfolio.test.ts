/**
 * Portfolios through the command line: `--json` per contract equals `clause evaluate --json` on its
 * sellers' rows; `--rollup-csv` and `--obligations-csv`; ids repeated across and within contracts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LedgerRecord } from '../../src/ledger/rows';
import { parseCsvLedger } from '../../src/ledger/text-readers';
import type { PortfolioReport } from '../../src/portfolio/portfolio';
import { runCli } from './run-cli';
import { DIR, examplePortfolio, read, runPortfolio, separately } from '../support/example-portfolio';

/** The example portfolio file's JSON, its clause and schedule files copied into `dir` (where it is to be written). */
function examplePortfolioFile(dir: string): { contracts: Array<Record<string, unknown>> } {
  const portfolio = JSON.parse(read('contracts.json')) as { contracts: Array<Record<string, unknown>> };
  for (const c of portfolio.contracts) {
    for (const key of ['clause', 'schedule']) if (typeof c[key] === 'string') fs.copyFileSync(path.join(DIR, c[key] as string), path.join(dir, c[key] as string));
  }
  return portfolio;
}


describe('portfolio through the command line', () => {
  const ledger = parseCsvLedger(read('sales.csv'));

  test('ids repeat only within a contract: across two contracts no duplicate, within one it is named, the others unaffected', () => {
    const { contracts } = examplePortfolio();
    const brian = ledger.records.find((r) => r.seller === 'Brian Ortiz') as LedgerRecord;
    const carmen = ledger.records.find((r) => r.seller === 'Carmen Diaz') as LedgerRecord;
    // Brian's id reused on one of Carmen's rows: each contract still sees each id once.
    const across = [...ledger.records, { ...carmen, id: brian.id, date: '2026-02-10', amount: '5' }];
    const acrossReport = runPortfolio(contracts, across);
    expect(acrossReport.failed).toEqual([]);
    contracts.forEach((contract, k) => expect(acrossReport.contracts[k].result).toEqual(separately(contract, across)));
    // Reused on another of Brian's own rows: his contract names both rows; the others are as before.
    const within = [...ledger.records, { ...brian, date: '2026-02-10', amount: '5' }];
    const withinReport = runPortfolio(contracts, within);
    expect(withinReport.failed).toEqual(['brian-deals']);
    const errors = withinReport.contracts[2].result;
    const firstRow = ledger.records.indexOf(brian) + 1;
    expect('errors' in errors ? errors.errors.map((e) => [e.code, e.row, e.message]) : null).toEqual([
      ['duplicate-id', within.length, `id ${String(brian.id)} was already used by row ${firstRow}; each sale must be counted once`],
    ]);
    contracts.forEach((contract, k) => expect(withinReport.contracts[k].result).toEqual(separately(contract, within)));
    // The same through the streaming CLI, whose second pass skips rows on their bytes.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portfolio-ids-'));
    try {
      const portfolio = examplePortfolioFile(dir);
      // A contract none of whose rows comes back in the second pass (no crossing day, no repeated id).
      portfolio.contracts.push({
        id: 'eve-quiet',
        clauseText: 'The Seller agrees to meet the following milestone: $9,000,000 in sales revenue by the end of the first month, for a bonus of $500.',
        seller: 'Eve Park',
        effectiveDate: '2026-01-01',
      });
      fs.writeFileSync(path.join(dir, 'p.json'), JSON.stringify(portfolio));
      const brianLine = read('sales.csv').split('\n').find((l) => l.startsWith(`${String(brian.id)},`)) as string;
      for (const [name, extra] of [
        ['across.csv', `${String(brian.id)},2026-02-10,5,USD,Contoso Ltd,Carmen Diaz\n`],
        ['within.csv', `${brianLine.replace(/,[^,]*,[^,]*,/, ',2026-02-10,5,')}\n`],
      ] as const) {
        fs.writeFileSync(path.join(dir, name), `${read('sales.csv')}Q-1,2026-01-05,10.00,USD,Northwind,Eve Park\n${extra}`);
        const run = runCli(['evaluate', '--portfolio', path.join(dir, 'p.json'), '--sales', path.join(dir, name), '--json']);
        const report = JSON.parse(run.stdout) as PortfolioReport;
        expect([name, report.failed]).toEqual([name, name === 'across.csv' ? [] : ['brian-deals']]);
        expect(report.contracts[4].result).toMatchObject({ ok: true, milestones: [{ status: 'missed' }] });
        const result = report.contracts[2].result;
        expect('errors' in result ? result.errors.map((e) => e.code) : []).toEqual(name === 'across.csv' ? [] : ['duplicate-id']);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('clause evaluate --portfolio (CLI)', () => {
  test('the example: JSON per contract equals `clause evaluate --json` on that seller’s rows', () => {
    const run = runCli(['evaluate', '--portfolio', 'examples/portfolio/contracts.json', '--sales', 'examples/portfolio/sales.csv', '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as PortfolioReport;
    const { contracts } = examplePortfolio();
    const ledger = parseCsvLedger(read('sales.csv'));
    contracts.forEach((contract, k) => {
      expect(report.contracts[k].result).toEqual(JSON.parse(JSON.stringify(separately(contract, ledger.records))));
    });
  });

  test('--rollup-csv writes the roll-up, --obligations-csv one line per obligation, when every contract evaluated; a failing contract makes the exit code 1 and writes neither', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portfolio-cli-'));
    try {
      const portfolio = examplePortfolioFile(dir);
      portfolio.contracts.push({ id: 'broken', clauseText: 'Nothing measurable here.', seller: 'Dan Okafor', effectiveDate: '2026-01-01' });
      const file = path.join(dir, 'p.json');
      fs.writeFileSync(file, JSON.stringify(portfolio));
      const csv = path.join(dir, 'out.csv');
      const each = path.join(dir, 'each.csv');
      const run = runCli(['evaluate', '--portfolio', file, '--sales', path.join(DIR, 'sales.csv'), '--rollup-csv', csv, '--obligations-csv', each]);
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('Contract broken failed');
      expect(run.stdout).toContain('Obligations per payee and currency');
      expect(fs.existsSync(csv)).toBe(false);
      expect(fs.existsSync(each)).toBe(false);
      expect(run.stderr).toContain(`${csv}: not written, because a contract failed`);
      portfolio.contracts.pop();
      fs.writeFileSync(file, JSON.stringify(portfolio));
      expect(runCli(['evaluate', '--portfolio', file, '--sales', path.join(DIR, 'sales.csv'), '--rollup-csv', csv, '--obligations-csv', each]).status).toBe(0);
      const lines = fs.readFileSync(csv, 'utf8').trim().split('\n');
      expect(lines[0]).toBe('payee,currency,amount,obligations,unresolved,contracts');
      expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(['Alice Chen', 'Brian Ortiz', 'Carmen Diaz']);
      const perObligation = fs.readFileSync(each, 'utf8').trim().split('\n');
      expect(perObligation[0]).toBe('obligation_id,contract,payee,milestone,period,triggered_date,triggered_by,amount,currency,basis,explanation,as_of,paid_before,payer,direction');
      expect(perObligation[1]).toMatch(/^alice-2026\/1\/i,alice-2026,Alice Chen,i,,2026-01-17,INV-2050,1000\.00,USD,schedule,/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('clause and schedule paths are confined to the portfolio folder unless --allow-paths-outside-portfolio; no content is echoed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portfolio-paths-'));
    try {
      fs.mkdirSync(path.join(dir, 'p'));
      const secret = path.join(dir, 'secret.json');
      fs.writeFileSync(secret, 'root:x:0:0:root:/root:/bin/bash');
      const file = path.join(dir, 'p', 'contracts.json');
      const sales = path.join(DIR, 'sales.csv');
      for (const key of ['clause', 'schedule']) {
        const contract = { id: 'x', seller: 'Alice Chen', effectiveDate: '2026-01-01', clauseText: read('alice.clause'), [key]: '../secret.json' };
        if (key === 'clause') delete (contract as Record<string, unknown>).clauseText;
        fs.writeFileSync(file, JSON.stringify({ contracts: [contract] }));
        const run = runCli(['evaluate', '--portfolio', file, '--sales', sales, '--json']);
        expect(run.stdout + run.stderr).toMatch(/outside its folder/);
        expect(run.stdout + run.stderr).not.toContain('root:x');
        const allowed = runCli(['evaluate', '--portfolio', file, '--sales', sales, '--json', '--allow-paths-outside-portfolio']);
        expect(allowed.stdout + allowed.stderr).not.toMatch(/outside its folder/);
        expect(allowed.stdout + allowed.stderr).not.toContain('root:x');
      }
      // A link inside the folder to a file outside it is outside too.
      fs.symlinkSync(secret, path.join(dir, 'p', 'inside.json'));
      fs.writeFileSync(file, JSON.stringify({ contracts: [{ id: 'x', seller: 'Alice Chen', effectiveDate: '2026-01-01', clause: 'inside.json' }] }));
      expect(runCli(['evaluate', '--portfolio', file, '--sales', sales]).stderr).toMatch(/outside its folder/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('clause evaluate --portfolio --amount-unit (a ledger in the currency\'s smallest unit)', () => {
  /** The example's sales with each amount written in cents (6700.99 → 670099), as a payment API writes them. */
  const inCents = read('sales.csv').replace(/^([^,\n]*,[^,\n]*,)(-?)(\d+)\.(\d\d),/gm, (_, head: string, sign: string, whole: string, cents: string) => `${head}${sign}${Number(`${whole}${cents}`)},`);

  function run(dir: string, contracts: unknown, args: string[]): { code: number; report: PortfolioReport & { contracts: Array<{ result: unknown }> } } {
    fs.writeFileSync(path.join(dir, 'p.json'), JSON.stringify(contracts));
    fs.writeFileSync(path.join(dir, 'cents.csv'), inCents);
    const r = runCli(['evaluate', '--portfolio', path.join(dir, 'p.json'), '--sales', path.join(dir, 'cents.csv'), '--json', '--no-progress', ...args]);
    return { code: r.status ?? -1, report: JSON.parse(r.stdout) };
  }

  test('--amount-unit minor reads 670099 as 6700.99 for every contract: the same results as the ledger in major units, and the notes say so', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portfolio-minor-'));
    try {
      expect(inCents).not.toBe(read('sales.csv'));
      expect(inCents).toContain(',670099,');
      const portfolio = examplePortfolioFile(dir);
      const major = runCli(['evaluate', '--portfolio', 'examples/portfolio/contracts.json', '--sales', 'examples/portfolio/sales.csv', '--json', '--no-progress']);
      const expected = JSON.parse(major.stdout) as PortfolioReport;
      const minor = run(dir, portfolio, ['--amount-unit', 'minor']);
      expect(minor.code).toBe(major.status);
      expect(minor.report.contracts.map((c) => c.result)).toEqual(expected.contracts.map((c) => c.result));
      expect(minor.report.obligations).toEqual(expected.obligations);
      expect(minor.report.ledgerNotes).toContain("amounts are whole numbers of the currency's smallest unit (--amount-unit minor): 600.00 USD is written 60000");
      // Read as written, the same cents are a hundred times the sales.
      const asWritten = run(dir, portfolio, ['--amount-unit', 'major']);
      expect(asWritten.report.contracts.map((c) => c.result)).not.toEqual(expected.contracts.map((c) => c.result));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("contracts whose currencies differ in minor digits (USD 2, JPY 0) are one amount-unit error naming each; with no currency named, one naming that", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portfolio-minor-'));
    try {
      const usd = { id: 'usd', seller: 'Alice Chen', effectiveDate: '2026-01-01', clauseText: 'The Seller agrees to meet the following sales milestones: (i) $1,000 in sales revenue by the end of the first month.' };
      const jpy = { id: 'jpy', seller: 'Brian Ortiz', effectiveDate: '2026-01-01', clauseText: 'The Seller agrees to meet the following sales milestones: (i) ¥100,000 in sales revenue by the end of the first month.' };
      const units = { id: 'units', seller: 'Brian Ortiz', effectiveDate: '2026-01-01', clauseText: 'The Seller agrees to meet the following sales milestones: (i) 10 units sold by the end of the first month.' };
      const mixed = run(dir, { contracts: [usd, jpy] }, ['--amount-unit', 'minor']);
      expect(mixed.code).toBe(1);
      const errors = (r: typeof mixed): unknown => r.report.contracts.map((c) => (c.result as { errors?: Array<{ row: number; column: string; code: string; message: string }> }).errors?.map((e) => [e.row, e.column, e.code, e.message]));
      const message = '--amount-unit minor reads the whole ledger with one number of digits in the smallest unit, and the contracts are in USD (2 digits), JPY (0 digits): split the ledger and the portfolio by currency';
      expect(errors(mixed)).toEqual([[[0, 'amount', 'amount-unit', message]], [[0, 'amount', 'amount-unit', message]]]);
      const none = run(dir, { contracts: [units] }, ['--amount-unit', 'minor']);
      expect(errors(none)).toEqual([[[0, 'amount', 'amount-unit', "--amount-unit minor needs the contracts' currency, to know how many digits its smallest unit has; no contract's clause names one"]]]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
