/**
 * What a workbook hides from its reader: rows hidden by hand, by a filter (Excel's Data → Filter hides
 * the rows it filters out, `<row … hidden="1">`) or set to zero height; a hidden first sheet; the 1904
 * date system. Each workbook is written by exceljs as a finance user saves one, then read by `clause
 * evaluate`: a hidden row is never counted or left out silently.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from './run-cli';
import { day, scratchFolder, writeWorkbook } from '../support/workbooks';

const BASE = ['spec/cli/exports/milestones.clause', '--effective-date', '2026-01-01', '--time-zone', 'America/New_York', '--as-of', '2026-04-15'];
const HEADER = ['Invoice', 'Close Date', 'Amount'];
/** Worksheet rows 2-5; row 3 (INV-2, $500) is the one a user hides to leave a voided deal out. */
const DEALS = [HEADER, ['INV-1', day('2026-01-05'), 600], ['INV-2', day('2026-01-12'), 500], ['INV-3', day('2026-01-20'), 300], ['INV-4', day('2026-02-10'), 4000]];

interface Result {
  ok: boolean;
  milestones?: Array<{ status: string; achievedAt?: string | null; total?: string }>;
  notes?: string[];
  errors?: Array<{ code: string; row: number; column: string; value: string; message: string }>;
}

function evaluate(file: string, ...args: string[]): Result {
  const run = runCli(['evaluate', ...BASE, '--json', '--no-progress', '--sales', file, ...args]);
  if (run.stderr !== '') throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Result;
}

const codes = (r: Result): Array<[number, string, string]> => (r.errors ?? []).map((e) => [e.row, e.column, e.code]);
const totals = (r: Result): Array<[string, string | undefined]> => (r.milestones ?? []).map((m) => [m.status, m.total]);

const dir = scratchFolder();
const at = (name: string): string => path.join(dir, name);

describe('rows the sheet hides', () => {
  beforeAll(async () => {
    await writeWorkbook(at('hidden-row.xlsx'), [{ name: 'Deals', rows: DEALS, hidden: [3] }]);
    await writeWorkbook(at('filtered.xlsx'), [{ name: 'Deals', rows: DEALS, hidden: [3, 5], filter: 'A1:C5' }]);
    await writeWorkbook(at('visible.xlsx'), [{ name: 'Deals', rows: DEALS }]);
  });

  test('a hidden row is that row\'s error hidden-row naming the worksheet row and both readings; nothing is evaluated', () => {
    const r = evaluate(at('hidden-row.xlsx'));
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual([[2, '*', 'hidden-row']]);
    expect(r.errors?.[0].message).toMatch(/^row 2 \(worksheet 'Deals' row 3\) is hidden in the workbook \(by hand, by a filter or in a collapsed group\): .* pass --hidden-rows skip to leave the hidden rows out, as the sheet shows it, or --hidden-rows count to count them as well$/);
  });

  test('--hidden-rows skip leaves it out (the sheet as shown: $900 in January, the first milestone missed); count counts it ($1,400); each says so', () => {
    const skip = evaluate(at('hidden-row.xlsx'), '--hidden-rows', 'skip');
    expect(totals(skip)).toEqual([
      ['missed', '900'],
      ['missed', '4900'],
    ]);
    expect(skip.notes).toContain('1 row hidden in the workbook (worksheet row 3) is left out, as the sheet shows it (--hidden-rows skip)');
    const count = evaluate(at('hidden-row.xlsx'), '--hidden-rows', 'count');
    expect(totals(count)).toEqual([
      ['met', '1400'],
      ['met', '5400'],
    ]);
    expect(count.milestones?.[0].achievedAt).toBe('2026-01-12');
    expect(count.notes).toContain('1 row hidden in the workbook (worksheet row 3) is counted like the rows shown (--hidden-rows count)');
  });

  test('rows a filter hides: each is an error; skip reads what the filtered sheet shows, and the note names the filter', () => {
    const r = evaluate(at('filtered.xlsx'));
    expect(codes(r)).toEqual([
      [2, '*', 'hidden-row'],
      [4, '*', 'hidden-row'],
    ]);
    expect(r.errors?.[1].message).toMatch(/^row 4 \(worksheet 'Deals' row 5\) is hidden in the workbook/);
    const skip = evaluate(at('filtered.xlsx'), '--hidden-rows', 'skip');
    expect(totals(skip)).toEqual([
      ['missed', '900'],
      ['missed', '900'],
    ]);
    expect(skip.notes).toContain('2 rows hidden in the workbook (worksheet rows 3, 5) are left out, as the sheet shows it (--hidden-rows skip); the sheet has a filter on A1:C5');
  });

  test('a sheet with no hidden row reads as before, with or without the option, and says nothing of hidden rows', () => {
    for (const args of [[], ['--hidden-rows', 'skip']]) {
      const r = evaluate(at('visible.xlsx'), ...args);
      expect(totals(r)).toEqual([
        ['met', '1400'],
        ['met', '5400'],
      ]);
      expect(r.notes?.some((n) => /hidden/.test(n))).toBe(false);
    }
  });

  test('the option takes skip or count only; a mapping file may hold it', () => {
    expect(runCli(['evaluate', ...BASE, '--sales', at('hidden-row.xlsx'), '--hidden-rows', 'yes']).stderr).toMatch(/--hidden-rows must be 'skip' or 'count', not 'yes'/);
    writeFileSync(at('skip.mapping.json'), JSON.stringify({ hiddenRows: 'skip' }));
    expect(totals(evaluate(at('hidden-row.xlsx'), '--mapping', at('skip.mapping.json')))[0]).toEqual(['missed', '900']);
  });
});

describe('rows written without their optional row number, and hidden columns', () => {
  beforeAll(async () => {
    await writeWorkbook(at('no-row-numbers.xlsx'), [{ name: 'Deals', rows: DEALS, hidden: [3] }], { withoutRowNumbers: true });
    const withNote = DEALS.map((row, i) => [...row, i === 0 ? 'Amount (old)' : 1]);
    await writeWorkbook(at('hidden-amount.xlsx'), [{ name: 'Deals', rows: DEALS, hiddenColumns: [3] }]);
    await writeWorkbook(at('hidden-other.xlsx'), [{ name: 'Deals', rows: withNote, hiddenColumns: [4] }]);
  });

  test("a sheet whose row tags have no `r` (OOXML allows it) is refused by name, never read with its hidden rows unseen", () => {
    const run = runCli(['evaluate', ...BASE, '--json', '--no-progress', '--sales', at('no-row-numbers.xlsx')]);
    expect(run.stderr).toMatch(/its sheet writes rows without their row number \(the optional 'r' of <row>\), which the streaming reader cannot place .*save it again/);
    expect(run.stdout).toBe('');
  });

  test('a hidden amount column is read, and the notes say it is hidden and read as amount; another hidden column is named as not read', () => {
    const r = evaluate(at('hidden-amount.xlsx'));
    expect(totals(r)[0]).toEqual(['met', '1400']);
    expect(r.notes).toContain(
      "column 'Amount' (worksheet column C) is hidden in the workbook, and is read as amount as if shown: if it was hidden because another column holds the amount meant, name that one with --columns amount=\"…\"",
    );
    const other = evaluate(at('hidden-other.xlsx'));
    expect(other.notes).toContain("column 'Amount (old)' (worksheet column D) is hidden in the workbook; it is not read as a ledger column");
  });
});

describe('which sheet is the ledger', () => {
  beforeAll(async () => {
    await writeWorkbook(at('hidden-sheet.xlsx'), [
      { name: 'Voided', rows: [HEADER, ['INV-9', day('2026-01-08'), 2500]], state: 'hidden' },
      { name: 'Deals', rows: DEALS },
    ]);
  });

  test('without --sheet, the first sheet the workbook shows, not a hidden one before it; the note says so', () => {
    const r = evaluate(at('hidden-sheet.xlsx'));
    expect(totals(r)).toEqual([
      ['met', '1400'],
      ['met', '5400'],
    ]);
    expect(r.notes).toContain(
      "the workbook has 2 sheets ('Voided' (hidden), 'Deals'): only 'Deals', the first sheet it shows, is read as the ledger; --sheet names another, and sales kept on several sheets must be joined into one to be counted",
    );
  });

  test('--sheet may name the hidden sheet: it is read, and the note says it is hidden', () => {
    const r = evaluate(at('hidden-sheet.xlsx'), '--sheet', 'Voided');
    expect(totals(r)).toEqual([
      ['met', '2500'],
      ['missed', '2500'],
    ]);
    expect(r.notes).toContain("sheet 'Voided' is hidden in the workbook; it is read as the ledger because --sheet names it");
  });
});

describe('the 1904 date system', () => {
  beforeAll(async () => {
    await writeWorkbook(at('dates-1904.xlsx'), [{ name: 'Deals', rows: DEALS }], { date1904: true });
    // 2026-01-05 is serial 46027 in the 1900 system and 44565 in the 1904 one.
    const serials = DEALS.map((r, i) => (i === 0 ? r : [r[0], 44565 + Math.round(((r[1] as Date).getTime() - day('2026-01-05').getTime()) / 86_400_000), r[2]]));
    await writeWorkbook(at('serials-1904.xlsx'), [{ name: 'Deals', rows: serials, dateFormat: null }], { date1904: true });
  });

  test('date cells are the days they show', () => {
    const r = evaluate(at('dates-1904.xlsx'));
    expect(totals(r)).toEqual([
      ['met', '1400'],
      ['met', '5400'],
    ]);
    expect(r.milestones?.[0].achievedAt).toBe('2026-01-12');
    expect(r.notes).toContain('the workbook counts dates in the 1904 date system (days from 1904-01-01): its date cells, and any serial day number read with --date-format excel, are read in it');
  });

  test('serial numbers read with --date-format excel count from 1904-01-01 (44565 is 2026-01-05, not 2022-01-04)', () => {
    const r = evaluate(at('serials-1904.xlsx'), '--date-format', 'excel');
    expect(totals(r)).toEqual([
      ['met', '1400'],
      ['met', '5400'],
    ]);
    expect(r.milestones?.[0].achievedAt).toBe('2026-01-12');
    expect(r.notes).toContain("dates are Excel serial day numbers (--date-format excel) in the workbook's 1904 date system: days since 1904-01-01, a local calendar day in the contract zone");
  });
});

describe('a portfolio read from a workbook', () => {
  const clauseText =
    'The Seller agrees to meet the following sales milestones: (i) $1,000 in sales revenue by the end of the first month. Upon achieving each milestone, the Seller will be entitled to receive a commission of $100.';
  beforeAll(async () => {
    const rows = DEALS.map((r, i) => [...r, i === 0 ? 'Rep' : 'Dana']);
    await writeWorkbook(at('portfolio.xlsx'), [{ name: 'Deals', rows, hidden: [3] }]);
    writeFileSync(at('portfolio.json'), JSON.stringify({ asOf: '2026-04-15', contracts: [{ id: 'dana', clauseText, seller: 'Dana', effectiveDate: '2026-01-01', timeZone: 'America/New_York' }] }));
  });

  interface PortfolioResult {
    ok: boolean;
    contracts: Array<{ result: Result }>;
    ledgerNotes?: string[];
  }
  const portfolio = (...args: string[]): PortfolioResult => {
    const run = runCli(['evaluate', '--portfolio', at('portfolio.json'), '--sales', at('portfolio.xlsx'), '--json', '--no-progress', ...args]);
    return JSON.parse(run.stdout) as PortfolioResult;
  };

  test("the hidden row's error reaches the contract whose seller it names; skip and count read as one contract does", () => {
    const r = portfolio();
    expect(r.ok).toBe(false);
    expect(codes(r.contracts[0].result)).toEqual([[2, '*', 'hidden-row']]);
    expect(portfolio('--hidden-rows', 'skip').contracts[0].result.milestones?.map((m) => m.total)).toEqual(['900']);
    const count = portfolio('--hidden-rows', 'count');
    expect(count.contracts[0].result.milestones?.map((m) => m.total)).toEqual(['1400']);
    expect(count.ledgerNotes).toContain('1 row hidden in the workbook (worksheet row 3) is counted like the rows shown (--hidden-rows count)');
  });
});
