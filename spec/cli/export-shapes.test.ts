/**
 * Exports shaped like the real ones (spec/cli/exports/), through the streamed reader (the CLI) and the
 * in-memory one alike: each is read as a careful finance user would read it, with the reading stated in
 * the notes, or fails with errors naming the code, row and column and how to fix the export. Where
 * each shape comes from:
 * - stripe-payments.csv: the Stripe Dashboard's Payments → Export (columns `id, Created date (UTC),
 *   Amount, Amount Refunded, Currency, Captured, Converted Amount, …, Fee, Status`; amounts in major
 *   units, times in UTC without an offset; the export includes failed payments, support.stripe.com
 *   "Exporting a report of all transactions").
 * - quickbooks-sales-by-customer.csv: QuickBooks Online's "Sales by Customer Detail" report saved as CSV
 *   (company, report name and date range above the header, a first header cell left empty, a group row per
 *   customer, `Total for <customer>` under each group and `TOTAL` at the end).
 * - spreadsheet-total-row.csv: an invoice list with a `Total` row at its foot, as spreadsheets keep.
 * - joined-exports.csv: two exports concatenated (`cat jan.csv feb.csv`), the second header mid-file.
 * - shopify-orders.csv: Shopify's Orders → Export (`Name, Email, Financial Status, Paid at, …, Total, …,
 *   Lineitem quantity, Lineitem name, Lineitem price`): one row per line item, the order's totals on its
 *   first line only.
 * - trailing-minus.csv: an ERP ledger (SAP and older accounting tools) writing credits `200.00-`.
 * - stripe-payments-failed.csv: the same export with a Failed payment (Captured false), which it keeps.
 * - salesforce-with-lost.csv: a Salesforce opportunity report (every cell quoted) with a Closed Lost row.
 * - european-grouping.csv: a German `;`-separated export writing 1234 as `1.234`.
 * - workbook-sheets.xlsx: an Excel workbook with a sheet per month and an amount that is a formula (its cached
 *   result a binary double, 412.37200000000007 for 412.372).
 * - stripe-payments-refunded.csv: the same export with a charge partly refunded and one refunded in full
 *   (`Amount Refunded` on the charge's row; the export has no refund date column).
 * - stripe-api-refunded.ndjson: API charge objects with `amount_refunded` (in the smallest unit, as `amount`) and
 *   `refunded`, "Whether the charge has been fully refunded" (Stripe API reference, Charges).
 * - pipedrive-deals.csv: Pipedrive's deals export (Deals → … → Export), every column named with its object in
 *   front (`Deal - Value`, `Deal - Currency`, `Deal - Status` open/won/lost/deleted, `Deal - Won time`, `Deal - Expected
 *   close date`), the won time empty on a deal not won; pipedrive-deals-won.csv the same filtered to won deals.
 * - zoho-deals.csv: Zoho CRM's Deals export (`Record Id, Deal Owner, Deal Name, Amount, Closing Date, Account Name,
 *   Stage, Probability (%), Expected Revenue`).
 * - salesforce-multicurrency.csv: a Salesforce opportunity report with multiple currencies on, exported with each
 *   amount's currency beside it (`Amount Currency, Amount, Amount (converted) Currency, Amount (converted)`, the
 *   converted figures in the corporate currency); salesforce-converted-only.csv the same report without the
 *   currency columns.
 * - salesforce-open-stages.csv: a Salesforce opportunity report not filtered to won deals (Stage `Negotiation/Review`,
 *   `Prospecting`, Salesforce's default open stages); hubspot-deals.csv: HubSpot's deals export (`Record ID, Deal Name,
 *   Deal Stage, Close Date, Amount, Pipeline`, stages by their internal names `closedwon`, `contractsent`, `closedlost`).
 * - google-sheets.csv: a Google Sheets sheet saved with File → Download → Comma-separated values: cells as the sheet
 *   shows them (US locale dates `1/10/2026`, currency format `$1,500.00`, its negatives `-$1,000.00`, an accounting
 *   negative `($250.00)`), quoted only where a comma is in the cell.
 * - stripe-api-charges.csv/.ndjson: Stripe API charge objects written out as they are (`id, created, amount,
 *   amount_captured, amount_refunded, currency, status`), `amount` "a positive integer representing how much to
 *   charge in the smallest currency unit (e.g., 100 cents to charge $1.00)" (Stripe API reference, Charges).
 */
import { evaluateInProcess } from './evaluate-in-process';
import { runCli } from './run-cli';

const X = 'spec/cli/exports';
const BASE = [`${X}/milestones.clause`, '--effective-date', '2026-01-01', '--time-zone', 'America/New_York', '--as-of', '2026-04-15'];

interface Result {
  ok: boolean;
  milestones?: Array<{ status: string; achievedAt?: string | null; total?: string }>;
  totals?: unknown;
  rows?: { total: number; used: number };
  notes?: string[];
  errors?: Array<{ code: string; row: number; column: string; value: string; message: string }>;
  errorCount?: number;
}

function streamed(args: string[]): Result {
  const run = runCli(['evaluate', ...BASE, '--json', '--no-progress', ...args]);
  if (run.stderr !== '') throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Result;
}

function inMemory(args: string[]): Result {
  const base = { effectiveDate: '2026-01-01', timeZone: 'America/New_York', asOf: '2026-04-15', json: true };
  return JSON.parse(evaluateInProcess(BASE[0], base, args)) as Result;
}

/** Both readers: the same result, errors in the same places. */
function both(args: string[]): Result {
  const a = streamed(args);
  const b = inMemory(args);
  expect(b.ok).toBe(a.ok);
  const where = (r: Result): unknown => r.errors?.map((e) => [e.row, e.column, e.code]).sort();
  expect(where(b)).toEqual(where(a));
  if (a.ok) expect(b.milestones).toEqual(a.milestones);
  return a;
}

const codes = (r: Result): Array<[number, string, string]> => (r.errors ?? []).map((e) => [e.row, e.column, e.code]);

describe('Stripe payments export', () => {
  test('read without options: `Created date (UTC)` is the date, and its times are UTC instants (a sale at 03:00 UTC on Feb 1 is Jan 31 in New York)', () => {
    const r = both(['--sales', `${X}/stripe-payments.csv`]);
    expect(r.ok).toBe(true);
    expect(r.milestones?.[0]).toMatchObject({ status: 'met', achievedAt: '2026-01-31' });
    expect(r.notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^column 'created date \(utc\)' is read as date/),
        expect.stringMatching(/^column 'created date \(utc\)' says its times are UTC/),
        expect.stringMatching(/^column 'amount refunded' holds amounts refunded: a row with one is that row's error refunded-amount until --refunded deduct or --refunded ignore/),
        expect.stringMatching(/^column 'converted amount refunded' is not read: amounts refunded there are not deducted/),
        expect.stringMatching(/^column 'status' is not read as a ledger column: a row it marks failed/),
        expect.stringMatching(/^column 'captured' is not read/),
      ]),
    );
  });
});

describe("Stripe's Amount Refunded", () => {
  const args = ['--sales', `${X}/stripe-payments-refunded.csv`];

  test('a row with an amount refunded is that row\'s error refunded-amount naming both readings (the export does not date the refund)', () => {
    const r = both(args);
    expect(codes(r)).toEqual([
      [2, 'amount refunded', 'refunded-amount'],
      [3, 'amount refunded', 'refunded-amount'],
    ]);
    expect(r.errors?.[0].message).toMatch(
      /^row 2 has 200\.00 refunded \(column 'amount refunded'\), and the export does not say when: .* pass --refunded deduct to count the row at its amount less the refund \(500\.00 less 200\.00 is 300\), or --refunded ignore to count the sale in full/,
    );
  });

  test('--refunded deduct: each charge at its amount less the refund, on its own date ($1,050 in January, met on Jan 25; the full refund counts as no sale); ignore: sales in full', () => {
    const deduct = both([...args, '--refunded', 'deduct', '--explain']);
    expect(deduct.milestones?.map((m) => [m.status, m.total, m.achievedAt])).toEqual([
      ['met', '1050', '2026-01-25'],
      ['missed', '2250', null],
    ]);
    // The crossing rows come from the second pass: it reads each amount less its refund too.
    expect(JSON.stringify(deduct.milestones?.[0])).toMatch(/"contribution":"300"/);
    expect(deduct.notes).toContain(
      "column 'amount refunded' is deducted from each row's amount, on the row's own date, since the export does not date the refunds (--refunded deduct): a row refunded in full counts as no sale",
    );
    const ignore = both([...args, '--refunded', 'ignore']);
    expect(ignore.milestones?.map((m) => [m.status, m.total, m.achievedAt])).toEqual([
      ['met', '1250', '2026-01-20'],
      ['met', '6450', '2026-02-05'],
    ]);
    expect(ignore.notes).toContain(
      "column 'amount refunded' is not read (--refunded ignore): amounts refunded there are not deducted, and a refunded sale counts in full (a refund counts only as a row of its own, with a negative amount)",
    );
  });

  test('a payment API\'s amount_refunded is in the same smallest unit as its amount', () => {
    const api = ['--sales', `${X}/stripe-api-refunded.ndjson`, '--amount-unit', 'minor'];
    expect(codes(both(api))).toEqual([[2, 'amount_refunded', 'refunded-amount']]);
    expect(both([...api, '--refunded', 'deduct']).milestones?.map((m) => m.total)).toEqual(['900', '900']);
    expect(both([...api, '--refunded', 'ignore']).milestones?.map((m) => m.total)).toEqual(['1100', '1100']);
  });

  test('--refunded takes deduct or ignore only', () => {
    expect(runCli(['evaluate', ...BASE, ...args, '--refunded', 'net']).stderr).toMatch(/--refunded must be 'deduct' or 'ignore', not 'net'/);
  });
});

describe('totals and subtotals are never counted as sales', () => {
  test('a spreadsheet Total row (dated, in the id column) is that row\'s summary-row error; a customer named Total Wine & More is a sale', () => {
    const r = both(['--sales', `${X}/spreadsheet-total-row.csv`]);
    expect(codes(r)).toEqual([[3, 'id', 'summary-row']]);
    expect(r.errors?.[0].message).toMatch(/^row 3 is a total, not a sale: its id cell reads 'Total'\./);
  });

  test('QuickBooks report: the title above the header is one header error', () => {
    const r = both(['--sales', `${X}/quickbooks-sales-by-customer.csv`]);
    expect(codes(r)).toEqual([[0, 'date', 'missing-column']]);
    expect(r.errors?.[0].message).toMatch(/the first line \('acme books llc'\) is not a header but a title or note above it: delete the lines above the header row/);
  });

  test('QuickBooks report without its title: each Total for <customer> and the TOTAL row is an error, in the unnamed first column', () => {
    const r = both(['--sales', `${X}/quickbooks-without-title.csv`]);
    expect(codes(r)).toEqual([
      [3, 'column 1', 'summary-row'],
      [4, 'column 1', 'summary-row'],
    ]);
  });
});

describe('joined exports, line items, trailing minus', () => {
  test('a header repeated mid-file is that row\'s repeated-header error, not two invalid cells', () => {
    const r = both(['--sales', `${X}/joined-exports.csv`]);
    expect(codes(r)).toEqual([[3, '*', 'repeated-header']]);
  });

  test('Shopify orders (one row per line item, the order total on the first line): one header error naming the id to map', () => {
    const args = ['--sales', `${X}/shopify-orders.csv`];
    const r = both(args);
    expect(codes(r)).toEqual([[0, 'amount', 'order-total-per-line']]);
    expect(r.errors?.[0].message).toMatch(/--columns id="Name"/);
    // With the order number as the id, the order's second line is an error (its total is empty), never a second sale.
    const mapped = both([...args, '--columns', 'id=Name']);
    expect(codes(mapped)).toEqual([
      [2, 'amount', 'missing-value'],
      [2, 'id', 'duplicate-id'],
    ]);
  });

  test('a trailing minus is a negative amount, as a leading one', () => {
    const r = both(['--sales', `${X}/trailing-minus.csv`, '--columns', 'date="Posting Date",id=Document']);
    expect(r.ok).toBe(true);
    expect(r.milestones?.[0]).toMatchObject({ total: '1500' });
  });
});

describe('rows a status column says are no sale', () => {
  test('a Failed Stripe payment is that row\'s not-a-sale error, never counted', () => {
    const r = both(['--sales', `${X}/stripe-payments-failed.csv`]);
    expect(codes(r)).toEqual([[2, 'status', 'not-a-sale']]);
    expect(r.errors?.[0].message).toMatch(/^row 2's status is 'Failed': a failed payment, order or deal is not a sale/);
  });

  test('a Closed Lost opportunity is that row\'s error; Closed Won rows are sales', () => {
    const r = both(['--sales', `${X}/salesforce-with-lost.csv`]);
    expect(codes(r)).toEqual([[2, 'stage', 'not-a-sale']]);
  });
});

describe('European grouping and workbooks', () => {
  test("an amount such as 1.234 in a ';'-separated export is one error naming both readings; --decimal-comma reads it as 1234", () => {
    const r = both(['--sales', `${X}/european-grouping.csv`, '--columns', 'id=Rechnung,date=Datum,amount=Betrag']);
    expect(codes(r)).toEqual([[1, 'amount', 'non-numeric-amount']]);
    expect(r.errors?.[0].message).toMatch(/may be 1234 \(a '\.' grouping thousands.*\) or 1\.234: the engine does not guess; pass --decimal-comma/);
    const comma = both(['--sales', `${X}/european-grouping.csv`, '--columns', 'id=Rechnung,date=Datum,amount=Betrag', '--decimal-comma']);
    expect(comma.milestones?.[0]).toMatchObject({ status: 'met', total: '1734' });
  });

  test("a workbook of several sheets: the first is read and the notes say which; a formula's cached double is the number Excel shows", () => {
    const r = streamed(['--sales', `${X}/workbook-sheets.xlsx`]);
    expect(r.ok).toBe(true);
    expect(r.milestones?.[0]).toMatchObject({ total: '1012.372' });
    expect(r.notes).toContain(
      "the workbook has 2 sheets ('Jan', 'Feb'): only the first, 'Jan', is read as the ledger; --sheet names another, and sales kept on several sheets must be joined into one to be counted",
    );
    const feb = streamed(['--sales', `${X}/workbook-sheets.xlsx`, '--sheet', 'Feb']);
    expect(feb.milestones?.[1]).toMatchObject({ total: '700' });
    expect(feb.notes?.some((n) => n.startsWith('the workbook has'))).toBe(false);
  });
});

describe('a payment API export whose amounts are in cents', () => {
  test.each(['csv', 'ndjson'])('%s: whole amounts beside amount_captured are one amount-unit error naming both readings; --amount-unit says which', (ext) => {
    const args = ['--sales', `${X}/stripe-api-charges.${ext}`];
    const r = both(args);
    expect(codes(r)).toEqual([[1, 'amount', 'amount-unit']]);
    expect(r.errors?.[0].message).toMatch(/60000 may be 600\.00 or 60000\. The engine does not guess: pass --amount-unit minor .* or --amount-unit major/);
    const minor = both([...args, '--amount-unit', 'minor']);
    expect(minor.milestones?.map((m) => [m.status, m.total])).toEqual([
      ['met', '1100'],
      ['missed', '1100'],
    ]);
    expect(minor.notes).toContain("amounts are whole numbers of the currency's smallest unit (--amount-unit minor): 600.00 USD is written 60000");
    const major = both([...args, '--amount-unit', 'major']);
    expect(major.milestones?.map((m) => m.total)).toEqual(['110000', '110000']);
  });

  test('with --amount-unit minor an amount with a decimal point is that row\'s error', () => {
    const run = runCli(['evaluate', ...BASE, '--json', '--no-progress', '--sales', `${X}/stripe-payments.csv`, '--amount-unit', 'minor']);
    const r = JSON.parse(run.stdout) as Result;
    expect(codes(r)).toEqual([
      [1, 'amount', 'non-numeric-amount'],
      [2, 'amount', 'non-numeric-amount'],
    ]);
    expect(runCli(['evaluate', ...BASE, '--sales', `${X}/stripe-payments.csv`, '--amount-unit', 'cents']).stderr).toMatch(/--amount-unit must be 'minor' or 'major', not 'cents'/);
  });
});

describe('CRM deal exports', () => {
  test("Pipedrive: `Deal - Value`, `Deal - Won time`, … are read by the name after `Deal - `; an open or lost deal is that row's not-a-sale error", () => {
    const r = both(['--sales', `${X}/pipedrive-deals.csv`]);
    expect(codes(r).filter(([, , code]) => code === 'not-a-sale')).toEqual([
      [3, 'deal - status', 'not-a-sale'],
      [4, 'deal - status', 'not-a-sale'],
    ]);
    expect(r.errors?.find((e) => e.row === 3)?.message).toMatch(/^row 3's deal - status is 'open': an open payment, order or deal is not a sale/);
    const won = both(['--sales', `${X}/pipedrive-deals-won.csv`]);
    expect(won.milestones?.map((m) => [m.status, m.total, m.achievedAt])).toEqual([
      ['met', '1100', '2026-01-20'],
      ['missed', '1100', null],
    ]);
    expect(won.notes).toEqual(expect.arrayContaining([expect.stringMatching(/^column 'deal - value' is read as amount/), expect.stringMatching(/^column 'deal - won time' is read as date/)]));
  });

  test('Zoho CRM: `Closing Date` is the date, `Record Id` the id; a Closed Lost deal is an error, Expected Revenue is not read', () => {
    const r = both(['--sales', `${X}/zoho-deals.csv`]);
    expect(codes(r)).toEqual([[3, 'stage', 'not-a-sale']]);
  });

  test("an open deal (Salesforce's Negotiation/Review, Prospecting; HubSpot's contractsent) is that row's open-deal error naming both ways out, never a sale", () => {
    const sf = both(['--sales', `${X}/salesforce-open-stages.csv`]);
    expect(codes(sf)).toEqual([
      [2, 'stage', 'open-deal'],
      [3, 'stage', 'open-deal'],
    ]);
    expect(sf.errors?.[0].message).toMatch(/^row 2's stage is 'Negotiation\/Review', not a won stage: the deal is still open.*Filter the export to won deals.*rename the column 'stage'/);
    const hub = both(['--sales', `${X}/hubspot-deals.csv`]);
    expect(codes(hub)).toEqual([
      [2, 'deal stage', 'open-deal'],
      [4, 'deal stage', 'not-a-sale'],
    ]);
  });

  test("Salesforce with several currencies: `Amount Currency` is the currency, so a EUR amount is that row's currency-mismatch; the converted figures read with --columns", () => {
    const r = both(['--sales', `${X}/salesforce-multicurrency.csv`]);
    expect(codes(r)).toEqual([[2, 'currency', 'currency-mismatch']]);
    const converted = both(['--sales', `${X}/salesforce-multicurrency.csv`, '--columns', 'amount="Amount (converted)",currency="Amount (converted) Currency"']);
    expect(converted.milestones?.map((m) => [m.status, m.total])).toEqual([
      ['met', '1140'],
      ['missed', '1140'],
    ]);
  });

  test('an amount beside its converted figures with no currency column is one header error naming both ways out, never a sum of mixed currencies', () => {
    const r = both(['--sales', `${X}/salesforce-converted-only.csv`]);
    expect(codes(r)).toEqual([[0, 'currency', 'missing-column']]);
    expect(r.errors?.[0].message).toMatch(/^the export has 'Amount' and 'Amount \(converted\)': its amounts are in several currencies.* --columns amount="Amount \(converted\)"/i);
    const converted = both(['--sales', `${X}/salesforce-converted-only.csv`, '--columns', 'amount="Amount (converted)"']);
    expect(converted.milestones?.map((m) => m.total)).toEqual(['1140', '1140']);
    expect(converted.notes).toContain("column 'amount' is not read: 'amount (converted)' is read as amount");
  });
});

describe('Google Sheets CSV', () => {
  test('cells as the sheet shows them: US dates need --date-format (never guessed); $ amounts, grouping and both negative forms are read (sales revenue counts the sales, not the two credits)', () => {
    const args = ['--sales', `${X}/google-sheets.csv`];
    const r = both(args);
    expect(codes(r)).toEqual([[1, 'date', 'invalid-date']]);
    expect(r.errors?.[0].message).toMatch(/pass --date-format MM\/DD\/YYYY/);
    const us = both([...args, '--date-format', 'MM/DD/YYYY']);
    expect(us.milestones?.map((m) => [m.status, m.total, m.achievedAt])).toEqual([
      ['met', '2100', '2026-01-20'],
      ['met', '6300.5', '2026-03-02'],
    ]);
  });
});
