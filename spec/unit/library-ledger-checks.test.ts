/**
 * The library reads an export as the command line does: `evaluate` (and `evaluateWithSeries`, `startEvaluation`) of
 * the package entry put the records through the document's ledger translator, so a Total row, a repeated header, a
 * Failed or Closed Lost row, amounts in cents, Shopify's order totals per line, a '.' grouping thousands in a
 * ';'-separated export and Stripe's UTC times are found with the command line's codes, rows and columns, and the
 * reading is stated in the same notes. Each export of spec/cli/exports (where each shape comes from: export-shapes.test.ts)
 * is evaluated both ways here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluateInProcess } from '../cli/evaluate-in-process';
import {
  evaluate,
  evaluateWithSeries,
  parseLedgerText,
  parse,
  startEvaluation,
  validate,
  type EvaluationReport,
  type LedgerFormat,
  type LedgerReading,
} from '../../src/index';

const ROOT = path.join(__dirname, '..', '..');
const X = 'spec/cli/exports';
const CLAUSE = readFileSync(path.join(ROOT, X, 'milestones.clause'), 'utf8');
const CONTEXT = { effectiveDate: '2026-01-01', timeZone: 'America/New_York', asOf: '2026-04-15' };

type Where = [number, string, string];

interface CliResult {
  ok: boolean;
  milestones?: unknown[];
  notes?: string[];
  errors?: Array<{ row: number; column: string; code: string; message: string }>;
  errorCount?: number;
}

function library(file: string, reading: LedgerReading = {}): EvaluationReport {
  const text = readFileSync(path.join(ROOT, X, file), 'utf8');
  const format = path.extname(file).slice(1) as LedgerFormat;
  return evaluate(validate(CLAUSE), parseLedgerText(text, format), { ...CONTEXT, reading });
}

function cli(file: string, args: string[] = []): CliResult {
  return JSON.parse(evaluateInProcess(`${X}/milestones.clause`, { ...CONTEXT, json: true, explain: true }, ['--sales', `${X}/${file}`, ...args])) as CliResult;
}

const where = (r: EvaluationReport | CliResult): Where[] => ('errors' in r && r.errors ? r.errors.map((e) => [e.row ?? 0, e.column ?? '', e.code] as Where) : []);

/** Library and command line agree: the same result, the same errors (code, row, column, message), the same notes. */
function both(file: string, reading: LedgerReading, args: string[]): EvaluationReport {
  const lib = library(file, reading);
  const cmd = cli(file, args);
  expect(lib.ok).toBe(cmd.ok);
  expect(where(lib)).toEqual(where(cmd));
  if (!lib.ok) expect(lib.errors.map((e) => e.message)).toEqual(cmd.errors?.map((e) => e.message));
  else {
    expect(JSON.parse(JSON.stringify(lib.milestones))).toEqual(cmd.milestones);
    expect(lib.notes).toEqual(cmd.notes);
  }
  return lib;
}

describe('the library finds what the command line finds in an export, at the same row and column', () => {
  test.each<[string, string, LedgerReading, string[], Where[]]>([
    ['a spreadsheet Total row', 'spreadsheet-total-row.csv', {}, [], [[3, 'id', 'summary-row']]],
    ['QuickBooks Total for <customer> and TOTAL rows', 'quickbooks-without-title.csv', {}, [], [[3, 'column 1', 'summary-row'], [4, 'column 1', 'summary-row']]],
    ['a header repeated mid-file', 'joined-exports.csv', {}, [], [[3, '*', 'repeated-header']]],
    ['a Failed Stripe payment', 'stripe-payments-failed.csv', {}, [], [[2, 'status', 'not-a-sale']]],
    ['a Closed Lost opportunity', 'salesforce-with-lost.csv', {}, [], [[2, 'stage', 'not-a-sale']]],
    ['Shopify order totals on the first line item', 'shopify-orders.csv', {}, [], [[0, 'amount', 'order-total-per-line']]],
    ['Shopify with the order as the id', 'shopify-orders.csv', { columns: { id: 'Name' } }, ['--columns', 'id=Name'], [[2, 'amount', 'missing-value'], [2, 'id', 'duplicate-id']]],
    ['Stripe API amounts in cents (CSV)', 'stripe-api-charges.csv', {}, [], [[1, 'amount', 'amount-unit']]],
    ['Stripe API amounts in cents (NDJSON)', 'stripe-api-charges.ndjson', {}, [], [[1, 'amount', 'amount-unit']]],
    ["1.234 in a ';'-separated export", 'european-grouping.csv', { columns: { id: 'Rechnung', date: 'Datum', amount: 'Betrag' } }, ['--columns', 'id=Rechnung,date=Datum,amount=Betrag'], [[1, 'amount', 'non-numeric-amount']]],
  ])('%s', (_what, file, reading, args, expected) => {
    const r = both(file, reading, args);
    expect(r.ok).toBe(false);
    expect(where(r)).toEqual(expected);
  });

  test("Stripe's `Created date (UTC)`: times are UTC instants (03:00 UTC on Feb 1 is Jan 31 in New York), as the notes say", () => {
    const r = both('stripe-payments.csv', {}, []);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.milestones[0]).toMatchObject({ status: 'met', achievedAt: '2026-01-31' });
    expect(r.notes).toEqual(expect.arrayContaining([expect.stringMatching(/^column 'created date \(utc\)' says its times are UTC/)]));
  });

  test('a trailing minus is a negative amount; the mapping is stated in the notes', () => {
    const r = both('trailing-minus.csv', { columns: { date: 'Posting Date', id: 'Document' } }, ['--columns', 'date="Posting Date",id=Document']);
    expect(r.ok && r.milestones[0]).toMatchObject({ total: '1500' });
  });

  test('amountUnit minor and major read the Stripe API export as --amount-unit does', () => {
    const minor = both('stripe-api-charges.csv', { amountUnit: 'minor' }, ['--amount-unit', 'minor']);
    expect(minor.ok && minor.milestones.map((m) => m.total)).toEqual(['1100', '1100']);
    expect(minor.ok && minor.notes).toContain("amounts are whole numbers of the currency's smallest unit (--amount-unit minor): 600.00 USD is written 60000");
    const major = both('stripe-api-charges.csv', { amountUnit: 'major' }, ['--amount-unit', 'major']);
    expect(major.ok && major.milestones.map((m) => m.total)).toEqual(['110000', '110000']);
  });

  test("decimalComma reads the ';'-separated export's 1.234 as 1234, and the notes name the delimiter found", () => {
    const columns = { id: 'Rechnung', date: 'Datum', amount: 'Betrag' };
    const r = both('european-grouping.csv', { columns, decimalComma: true }, ['--columns', 'id=Rechnung,date=Datum,amount=Betrag', '--decimal-comma']);
    expect(r.ok && r.milestones[0]).toMatchObject({ status: 'met', total: '1734' });
    expect(r.ok && r.notes).toContain('columns are separated by a semicolon (found in the header line)');
  });
});

describe('the ways a library caller hands over the ledger read alike', () => {
  const text = readFileSync(path.join(ROOT, X, 'european-grouping.csv'), 'utf8');
  const reading: LedgerReading = { columns: { id: 'Rechnung', date: 'Datum', amount: 'Betrag' } };

  test("records alone (with readIssues) keep how they were split: 1.234 in a ';' export is still the one error", () => {
    const parsed = parseLedgerText(text, 'csv');
    const r = evaluate(validate(CLAUSE), parsed.records, { ...CONTEXT, reading, readIssues: parsed.issues });
    expect(where(r)).toEqual([[1, 'amount', 'non-numeric-amount']]);
  });

  test('evaluateWithSeries reads as evaluate does (no series for a failed evaluation)', () => {
    const { report, series } = evaluateWithSeries(validate(CLAUSE), parseLedgerText(text, 'csv'), { ...CONTEXT, reading });
    expect(where(report)).toEqual([[1, 'amount', 'non-numeric-amount']]);
    expect(series).toEqual([]);
  });

  test('startEvaluation (rows fed one by one, the delimiter in the reading) gives evaluate\'s report', () => {
    for (const file of ['spreadsheet-total-row.csv', 'stripe-payments-failed.csv', 'stripe-payments.csv', 'stripe-api-charges.ndjson', 'european-grouping.csv']) {
      const format = path.extname(file).slice(1) as LedgerFormat;
      const parsed = parseLedgerText(readFileSync(path.join(ROOT, X, file), 'utf8'), format);
      const given: LedgerReading = file === 'european-grouping.csv' ? { ...reading, delimiter: ';' } : {};
      const expected = evaluate(validate(CLAUSE), parsed, { ...CONTEXT, reading: given });
      const streamed = startEvaluation(validate(CLAUSE), { ...CONTEXT, reading: given });
      parsed.records.forEach((r, i) => streamed.record(r, i + 1));
      if (streamed.endPass1() !== null) parsed.records.forEach((r, i) => streamed.crossingRecord(r, i + 1));
      expect(JSON.parse(JSON.stringify(streamed.finish()))).toEqual(JSON.parse(JSON.stringify(expected)));
    }
  });

  test('a CSV whose header line shows no delimiter for sure is one error asking for it, never a guess', () => {
    const r = parseLedgerText('date;amount,units\n2026-01-05;100,1\n', 'csv');
    expect(r.records).toEqual([]);
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([[0, 'malformed-row']]);
    expect(parseLedgerText('date;amount,units\n2026-01-05;100,1\n', 'csv', ';').records).toHaveLength(1);
  });
});

describe('startEvaluation refuses what evaluate refuses', () => {
  // A rate on revenue for a milestone that counts units: it parses, and the checks refuse it (rate-needs-revenue).
  const invalid = 'The Seller agrees to meet the following sales milestones: (i) 10 units sold by the end of the first month. Upon achieving each milestone, the Seller will receive a commission equal to 5% of the gross sales revenue.';

  test('a clause the checks refuse: no row is read, and finish gives evaluate\'s invalid-clause failure', () => {
    const checked = validate(invalid);
    expect(checked.ast).not.toBeNull();
    expect(checked.diagnostics.map((d) => d.code)).toContain('rate-needs-revenue');
    const streamed = startEvaluation(checked, CONTEXT);
    expect(streamed.record({ date: '2026-01-05', amount: '5000', units: '10' }, 1)).toBeNaN();
    expect(streamed.endPass1()).toBeNull();
    const report = streamed.finish();
    expect(report).toEqual(evaluate(checked, [{ date: '2026-01-05', amount: '5000', units: '10' }], CONTEXT));
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.errors.map((e) => e.code)).toEqual(checked.diagnostics.filter((d) => d.severity === 'error').map(() => 'invalid-clause'));
    expect(report.clauseDiagnostics).toEqual(checked.diagnostics);
  });

  test('an AST whose canonical text the checks refuse is refused the same way', () => {
    const ast = parse(invalid).ast;
    if (ast === null) throw new Error('no AST');
    const report = startEvaluation(ast, CONTEXT).finish();
    expect(report).toEqual(evaluate(ast, [], CONTEXT));
    expect(report.ok === false && report.errors[0].code).toBe('invalid-clause');
  });

  test("an AST measuring Bookings is checked with the context's ledgerHolds, as validate is", () => {
    const ast = parse('The Salesperson shall earn a commission of eight percent (8%) of Bookings in each Calendar Quarter.').ast;
    if (ast === null) throw new Error('no AST');
    const records = [{ id: 'B1', date: '2026-01-15', amount: '1000.00' }];
    const refused = evaluate(ast, records, CONTEXT);
    expect(refused.ok === false && refused.clauseDiagnostics?.map((d) => d.code)).toContain('unmeasurable-metric');
    const report = evaluate(ast, records, { ...CONTEXT, ledgerHolds: 'bookings', ledgerCurrency: 'USD' });
    expect(report.ok && report.totals).toEqual([{ currency: 'USD', amount: '80.00', unresolved: 0 }]);
  });
});

test('a zone written as an abbreviation is the same zone-abbreviation warning in the library as on the command line', () => {
  const context = { ...CONTEXT, timeZone: 'EST' };
  const lib = evaluate(validate(CLAUSE), parseLedgerText(readFileSync(path.join(ROOT, X, 'spreadsheet-total-row.csv'), 'utf8'), 'csv'), context);
  const cmd = JSON.parse(evaluateInProcess(`${X}/milestones.clause`, { ...context, json: true }, ['--sales', `${X}/spreadsheet-total-row.csv`])) as { diagnostics: unknown[] };
  expect(lib.diagnostics).toEqual(cmd.diagnostics);
  expect(lib.diagnostics.map((d) => d.code)).toEqual(['zone-abbreviation']);
});

describe('a portfolio through the library reads its ledger as `clause evaluate --portfolio` does', () => {
  const dir = path.join(ROOT, 'examples', 'portfolio');
  // The example's sales with a Failed payment, a Total row and the header repeated, as exports hold them.
  const text = readFileSync(path.join(dir, 'sales.csv'), 'utf8')
    .replace(/^id,date,amount,currency,customer,seller$/m, 'id,date,amount,currency,customer,seller,status')
    .replace(/^((?:INV|RF)-[^\n]*)$/gm, (line: string, _: string, at: number) => `${line},${at % 7 === 0 ? 'Failed' : 'succeeded'}`)
    .concat('Total,,250000.00,USD,,,\nid,date,amount,currency,customer,seller,status\n');

  test('evaluatePortfolio and startPortfolioEvaluation give the command line\'s contracts, errors and ledger notes', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { runPortfolio } = await import('../../src/cli/portfolio-command');
    const { readPortfolio, resolveContracts, evaluatePortfolio, startPortfolioEvaluation } = await import('../../src/index');
    const tmp = mkdtempSync(path.join(tmpdir(), 'library-portfolio-'));
    try {
      const sales = path.join(tmp, 'sales.csv');
      writeFileSync(sales, text);
      const cli = JSON.parse((await runPortfolio(path.join(dir, 'contracts.json'), { sales, format: 'csv', json: true, progress: false })).stdout) as Record<string, unknown>;
      const read = readPortfolio(JSON.parse(readFileSync(path.join(dir, 'contracts.json'), 'utf8')));
      if (!read.ok) throw new Error(read.errors.join('\n'));
      const contracts = resolveContracts(read.portfolio, (p) => readFileSync(path.join(dir, p), 'utf8'));
      const parsed = parseLedgerText(text, 'csv');
      const whole = JSON.parse(JSON.stringify(evaluatePortfolio(contracts, parsed))) as Record<string, unknown>;
      const streamed = startPortfolioEvaluation(contracts);
      parsed.records.forEach((r, i) => streamed.record(r, i + 1));
      if (streamed.endPass1() !== null) parsed.records.forEach((r, i) => streamed.crossingRecord(r, i + 1));
      const fed = JSON.parse(JSON.stringify(streamed.finish())) as Record<string, unknown>;
      for (const key of ['ok', 'contracts', 'rows', 'rollup', 'failed', 'ledgerNotes', 'unreadableRows']) {
        expect([key, whole[key]]).toEqual([key, cli[key]]);
        expect([key, fed[key]]).toEqual([key, cli[key]]);
      }
      const codes = (cli.contracts as Array<{ result: { errors?: Array<{ code: string }> } }>).flatMap((c) => (c.result.errors ?? []).map((e) => e.code));
      expect(new Set(codes)).toEqual(new Set(['not-a-sale']));
      // Rows with no seller to route them by are the portfolio's own: a Total row and the repeated header.
      expect((whole.unreadableRows as Array<{ row: number; column: string; code: string }>).map((e) => [e.row, e.column, e.code])).toEqual([
        [61, 'id', 'summary-row'],
        [62, '*', 'repeated-header'],
      ]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

test("the clause's own warnings come with the library's result, as with the command line's --json (an AST's at positions of format(ast))", () => {
  const text = readFileSync(path.join(ROOT, 'examples', 'seed-contract.clause'), 'utf8');
  const sales = readFileSync(path.join(ROOT, 'examples', 'ledgers', 'seed-sales.csv'), 'utf8');
  const context = { effectiveDate: '2026-01-01', timeZone: 'America/New_York', asOf: '2026-04-15' };
  const cmd = JSON.parse(evaluateInProcess('examples/seed-contract.clause', { ...context, json: true }, ['--sales', 'examples/ledgers/seed-sales.csv'])) as { clauseDiagnostics: Array<{ code: string; severity: string }> };
  expect(cmd.clauseDiagnostics.length).toBeGreaterThan(0);
  const lib = evaluate(validate(text), parseLedgerText(sales, 'csv'), context);
  expect(lib.clauseDiagnostics).toEqual(cmd.clauseDiagnostics);
  const ast = parse(text).ast;
  if (ast === null) throw new Error('no AST');
  const fromAst = evaluate(ast, parseLedgerText(sales, 'csv'), context);
  expect(fromAst.clauseDiagnostics?.map((d) => [d.code, d.severity])).toEqual(cmd.clauseDiagnostics.map((d) => [d.code, d.severity]));
});
