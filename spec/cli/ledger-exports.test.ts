/**
 * Ledgers as spreadsheets and CRMs export them (examples/ledgers/exports): each evaluates to the same
 * results as the documented ledger it was made from (examples/ledgers/seed-sales.csv), through the
 * streamed reader (the CLI) and the in-memory one alike, or fails with one error naming the option
 * to use.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { evaluateInProcess } from './evaluate-in-process';
import { runCli } from './run-cli';

const E = 'examples/ledgers/exports';
const BASE = ['examples/seed-contract.clause', '--effective-date', '2026-01-01', '--time-zone', 'America/New_York', '--as-of', '2026-04-15',
  '--schedule', 'examples/schedules/seed-schedule.json'];

interface Result {
  ok: boolean;
  milestones?: unknown;
  obligations?: unknown;
  totals?: unknown;
  rows?: unknown;
  notes?: string[];
  errors?: Array<{ code: string; row: number; column: string; message: string }>;
  errorCount?: number;
}

/** The CLI (streamed: CSV is read in two passes from the file). */
function streamed(args: string[]): Result {
  const run = runCli(['evaluate', ...BASE, '--json', '--explain', ...args]);
  if (run.stderr !== '') throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Result;
}

/** The same command with the ledger read whole (the in-memory reader). */
function inMemory(args: string[]): Result {
  const base = { effectiveDate: '2026-01-01', timeZone: 'America/New_York', asOf: '2026-04-15', schedule: 'examples/schedules/seed-schedule.json', json: true, explain: true };
  return JSON.parse(evaluateInProcess('examples/seed-contract.clause', base, args)) as Result;
}

const results = (r: Result): unknown => ({ ok: r.ok, milestones: r.milestones, obligations: r.obligations, totals: r.totals, rows: r.rows });

const expected = results(streamed(['--sales', 'examples/ledgers/seed-sales.csv']));

describe.each([
  ['CRM headers, $ amounts with grouping, accounting negatives', ['--sales', `${E}/crm-export.csv`], /column 'amount \(usd\)' is read as amount/],
  ['semicolons, German headers, DD.MM.YYYY, decimal comma (mapping file)', ['--sales', `${E}/european-semicolon.csv`, '--mapping', `${E}/european.mapping.json`], /columns are separated by a semicolon/],
  ['US dates with 12-hour times', ['--sales', `${E}/us-dates.csv`, '--date-format', 'MM/DD/YYYY'], /dates are read as MM\/DD\/YYYY/],
  ['Windows-1252', ['--sales', `${E}/windows-1252.csv`, '--encoding', 'windows-1252'], null],
  ['a Salesforce opportunity report (every cell quoted, CRLF, a Stage column not used)', ['--sales', `${E}/salesforce-opportunities.csv`], /column 'opportunity id' is read as id/],
  ['a HubSpot deals export (Record ID, Deal owner, Associated Company)', ['--sales', `${E}/hubspot-deals.csv`], /column 'record id' is read as id/],
  ['CRM headers mapped explicitly', ['--sales', `${E}/crm-export.csv`, '--columns', 'date="Close Date",amount="Amount (USD)",id="Invoice #"'], /column 'close date' is read as date \(as mapped\)/],
] as const)('%s', (_name, args, note) => {
  test('streamed: the same results as the hand-normalised ledger, the reading stated in the notes', () => {
    const r = streamed([...args]);
    expect(results(r)).toEqual(expected);
    if (note !== null) expect(r.notes?.some((n) => note.test(n))).toBe(true);
  });
  test('read whole: the same results', () => {
    expect(results(inMemory([...args]))).toEqual(expected);
  });
});

describe('XLSX (streamed with exceljs, typed cells)', () => {
  test('typed date cells are local calendar days and times in the contract zone; --sheet picks the sheet', () => {
    const r = streamed(['--sales', `${E}/crm-export.xlsx`, '--sheet', 'Sales']);
    expect(results(r)).toEqual(expected);
  });

  test('the first sheet by default: here a note, so one header error; an unknown sheet names the sheets', () => {
    const r = streamed(['--sales', `${E}/crm-export.xlsx`]);
    expect(r.errorCount).toBe(1);
    expect(r.errors?.[0]).toMatchObject({ code: 'missing-column', row: 0, column: 'date' });
    const run = runCli(['evaluate', ...BASE, '--sales', `${E}/crm-export.xlsx`, '--sheet', 'Deals']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("has no sheet 'Deals': its sheets are 'Read me', 'Sales'");
  });
});

describe('exports that need an option: one error naming it', () => {
  function oneError(args: string[]): { code: string; row: number; column: string; message: string } {
    for (const read of [streamed, inMemory]) {
      const r = read(args);
      expect(r.ok).toBe(false);
      expect(r.errorCount).toBe(1);
    }
    return (streamed(args).errors ?? [])[0];
  }

  test('US dates without --date-format', () => {
    expect(oneError(['--sales', `${E}/us-dates.csv`])).toMatchObject({ code: 'invalid-date', row: 1, column: 'date', message: expect.stringMatching(/pass --date-format MM\/DD\/YYYY$/) });
  });

  test('a date that fits both MM/DD and DD/MM: never guessed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exports-'));
    try {
      const file = path.join(dir, 'ambiguous.csv');
      fs.writeFileSync(file, 'id,date,amount\nA,01/06/2026,100\nB,02/07/2026,200\n');
      expect(oneError(['--sales', file]).message).toBe(
        "dates are written like '01/06/2026' (row 1), which fits both MM/DD/YYYY and DD/MM/YYYY: the engine does not guess a day-month order; pass --date-format MM/DD/YYYY or --date-format DD/MM/YYYY",
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a semicolon export without a mapping: one header error showing the header and the closest name', () => {
    const e = oneError(['--sales', `${E}/european-semicolon.csv`]);
    expect(e).toMatchObject({ code: 'missing-column', row: 0, column: 'date' });
    expect(e.message).toContain("Header found: 'rechnung', 'datum', 'kunde'");
    expect(e.message).toContain('--columns date="datum"');
  });

  test('a decimal comma without --decimal-comma', () => {
    const e = oneError(['--sales', `${E}/european-semicolon.csv`, '--columns', 'date=Datum,amount=Betrag', '--date-format', 'DD.MM.YYYY']);
    expect(e).toMatchObject({ code: 'non-numeric-amount', row: 1, message: expect.stringMatching(/pass --decimal-comma/) });
  });

  test('a header problem is one error, not one per row (5,000 rows)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exports-'));
    try {
      const file = path.join(dir, 'big.csv');
      const lines = ['Closed,Account,Amount (USD),Invoice #'];
      for (let i = 0; i < 5000; i++) lines.push(`2026-01-${String((i % 28) + 1).padStart(2, '0')},Acme,100.00,INV-${i}`);
      fs.writeFileSync(file, `${lines.join('\n')}\n`);
      const e = oneError(['--sales', file]);
      expect(e.message).toMatch(/^the header has no 'date' column \(this clause needs date, amount\)\. Header found: 'closed', 'account', 'amount \(usd\)', 'invoice #'/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('two columns that could each be the date: one error asking which', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exports-'));
    try {
      const file = path.join(dir, 'two.csv');
      fs.writeFileSync(file, 'Invoice Date,Close Date,Amount\n2026-01-02,2026-01-05,100\n');
      expect(oneError(['--sales', file]).message).toBe("the header has no 'date' column, and 'invoice date' and 'close date' could each be it: say which with --columns date=\"invoice date\"");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('Windows-1252 without --encoding: a usage error naming the encoding and the option', () => {
    const run = runCli(['evaluate', ...BASE, '--sales', `${E}/windows-1252.csv`]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/It is most likely Windows-1252 \(Excel's CSV on Windows\): pass --encoding windows-1252/);
  });

  test('a euro amount in a dollar clause is that row\'s currency-mismatch', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exports-'));
    try {
      const file = path.join(dir, 'euro.csv');
      fs.writeFileSync(file, 'id,date,amount\nA,2026-01-06,"$1,000.00"\nB,2026-01-07,€200\n');
      const r = streamed(['--sales', file]);
      expect(r.errors).toEqual([expect.objectContaining({ code: 'currency-mismatch', row: 2, column: 'amount' })]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('clause evaluate --help names the required columns and the export formats', () => {
  const help = runCli(['evaluate', '--help']).stdout;
  expect(help).toMatch(/date\s+required: YYYY-MM-DD/);
  expect(help).toMatch(/amount\s+required by revenue, deal and new-customer milestones/);
  expect(help).toMatch(/units\s+required by unit milestones/);
  for (const option of ['--columns', '--mapping', '--delimiter', '--encoding', '--date-format', '--decimal-comma', '--sheet']) expect(help).toContain(option);
  expect(help).toContain('Ambiguous dates are never guessed');
});
