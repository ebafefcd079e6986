/**
 * The command line (CSV streamed in two passes, pass 2 by position or through the byte filter) and the
 * library (the whole text through parseLedgerText, then evaluate) read the same rows from any CSV file:
 * LF, CRLF or CR-only line ends, with or without a BOM and a final line end, quoted cells holding line
 * ends, commas and quotes. Both give the same --json, byte for byte.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runEvaluate, runEvaluateStreaming } from '../../src/cli/evaluate-command';
import { evaluate, parseLedgerText, validate, type LedgerReading } from '../../src/index';

const CLAUSE =
  'The Seller agrees to meet the following sales milestones: (i) $300 in sales revenue by the end of the first month, (ii) 4 units of "Widget" by the end of the second month, (iii) 3 new customers by the end of the second month. Upon achieving each milestone, the Seller will receive a bonus of $10.';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clause-equivalence-'));
  fs.writeFileSync(path.join(dir, 'c.clause'), CLAUSE);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const lineEnd = fc.constantFrom('\n', '\r\n', '\r');
const quoted = (eol: string): fc.Arbitrary<string> =>
  fc.constantFrom('Widget', 'Gadget', 'Gädget', `"Widget"`, `"Wid, get"`, `"line${eol}break"`, `"say ""hi"""`, `"${eol}"`);
const row = (eol: string): fc.Arbitrary<string> =>
  fc
    .record({
      id: fc.integer({ min: 1, max: 40 }),
      day: fc.integer({ min: 1, max: 70 }),
      amount: fc.integer({ min: -50, max: 200 }),
      units: fc.integer({ min: 0, max: 3 }),
      customer: fc.constantFrom('Acme', 'Globex', 'Initech', '"Umbrella, Inc"'),
      product: quoted(eol),
    })
    .map((r) => {
      const date = new Date(Date.UTC(2026, 0, r.day)).toISOString().slice(0, 10);
      return `${r.id},${date},${r.amount}.00,${r.units},${r.customer},${r.product}`;
    });
const ledger = lineEnd.chain((eol) =>
  fc.record({
    eol: fc.constant(eol),
    bom: fc.boolean(),
    finalEnd: fc.boolean(),
    blank: fc.boolean(),
    rows: fc.array(row(eol), { minLength: 1, maxLength: 25 }),
  }),
);

test('property: CLI streaming and library give identical results on random ledgers (LF, CRLF, CR-only, BOM, quoted line ends)', async () => {
  let k = 0;
  await fc.assert(
    fc.asyncProperty(ledger, async (l) => {
      const text = `${l.bom ? '\ufeff' : ''}id,date,amount,units,customer,product${l.eol}${l.rows.join(l.eol)}${l.blank ? `${l.eol}${l.eol}` : ''}${l.finalEnd ? l.eol : ''}`;
      const file = path.join(dir, `l${k++}.csv`);
      fs.writeFileSync(file, text);
      const options = { sales: file, effectiveDate: '2026-01-01', asOf: '2026-03-31', json: true, progress: false };
      const library = runEvaluate(path.join(dir, 'c.clause'), options);
      const streamed = await runEvaluateStreaming(path.join(dir, 'c.clause'), options);
      expect(streamed.stdout).toBe(library.stdout);
      expect(streamed.code).toBe(library.code);
      const report = JSON.parse(library.stdout) as { rows?: { total: number } };
      if (report.rows) expect(report.rows.total).toBe(l.rows.length);
    }),
    { numRuns: 150, seed: 16 },
  );
});

/**
 * The library's `evaluate` (package entry: validate's result, parseLedgerText's whole reading, `reading` as the
 * ledger options) and `clause evaluate` read exports alike: the same errors (code, row, column, message), the same
 * results and the same notes, on random ledgers with what exports hold (Total rows, a header repeated mid-file, a
 * Failed or Closed Lost status, an `Amount (USD)` or `Amount (EUR)` header, a ';' delimiter with amounts such as 1.234, amounts in
 * cents beside `amount_captured`, a trailing minus), with and without the options that read them.
 */
describe('library and command line read exports alike', () => {
  const REVENUE =
    'The Seller agrees to meet the following sales milestones: (i) $300 in sales revenue by the end of the first month, and (ii) $1,000 in sales revenue by the end of the second month. Upon achieving each milestone, the Seller will receive a bonus of $10.';
  beforeAll(() => fs.writeFileSync(path.join(dir, 'r.clause'), REVENUE));
  const exportRow = fc.record({
    kind: fc.constantFrom('sale', 'sale', 'sale', 'total', 'header', 'failed'),
    id: fc.integer({ min: 1, max: 30 }),
    day: fc.integer({ min: 1, max: 70 }),
    cents: fc.integer({ min: -5000, max: 40000 }),
    grouped: fc.boolean(),
  });
  const exportLedger = fc.record({
    semicolon: fc.boolean(),
    status: fc.constantFrom(null, 'Status', 'Stage'),
    amountHeader: fc.constantFrom('amount', 'Amount (USD)', 'amount', 'Amount (EUR)'),
    minorHint: fc.boolean(),
    rows: fc.array(exportRow, { minLength: 1, maxLength: 12 }),
    options: fc.constantFrom<Array<[string, unknown]>>([], [['decimalComma', true]], [['amountUnit', 'minor']], [['amountUnit', 'major']]),
  });

  function exportText(l: { semicolon: boolean; status: string | null; amountHeader: string; minorHint: boolean; rows: Array<{ kind: string; id: number; day: number; cents: number; grouped: boolean }> }): string {
    const sep = l.semicolon ? ';' : ',';
    const header = ['id', 'date', l.amountHeader, ...(l.status ? [l.status] : []), ...(l.minorHint ? ['amount_captured'] : [])];
    const lines = [header.join(sep)];
    for (const r of l.rows) {
      const date = new Date(Date.UTC(2026, 0, r.day)).toISOString().slice(0, 10);
      const whole = Math.trunc(Math.abs(r.cents) / 100);
      const sign = r.cents < 0 ? '-' : '';
      // 1.234 (grouped, as a ';' export writes 1234), a trailing minus, or a plain decimal, or whole cents beside amount_captured.
      const amount = l.minorHint ? String(r.cents) : r.grouped && whole >= 1000 ? `${sign}${Math.trunc(whole / 1000)}.${String(whole % 1000).padStart(3, '0')}` : `${whole}.${String(Math.abs(r.cents) % 100).padStart(2, '0')}${sign}`;
      const status = l.status === null ? [] : [r.kind === 'failed' ? (l.status === 'Stage' ? 'Closed Lost' : 'Failed') : l.status === 'Stage' ? 'Closed Won' : 'succeeded'];
      const extra = l.minorHint ? [String(r.cents)] : [];
      if (r.kind === 'total') lines.push(['Total', '', amount, ...status.map(() => ''), ...extra].join(sep));
      else if (r.kind === 'header') lines.push(header.join(sep));
      else lines.push([`S${r.id}`, date, amount, ...status, ...extra].join(sep));
    }
    return `${lines.join('\n')}\n`;
  }

  test('property: the same errors, results and notes', () => {
    let k = 0;
    const seen = new Set<string>();
    fc.assert(
      fc.property(exportLedger, (l) => {
        const text = exportText(l);
        const file = path.join(dir, `x${k++}.csv`);
        fs.writeFileSync(file, text);
        const context = { effectiveDate: '2026-01-01', asOf: '2026-03-31' };
        const options = Object.fromEntries(l.options);
        const cli = JSON.parse(runEvaluate(path.join(dir, 'r.clause'), { ...context, sales: file, json: true, explain: true, ...options }).stdout) as Record<string, unknown>;
        const library = JSON.parse(JSON.stringify(evaluate(validate(REVENUE), parseLedgerText(text, 'csv'), { ...context, reading: options as LedgerReading }))) as Record<string, unknown>;
        for (const key of ['ok', 'errors', 'errorCount', 'milestones', 'obligations', 'totals', 'rows', 'notes', 'diagnostics']) expect([key, library[key]]).toEqual([key, cli[key]]);
        if (library.ok === true) seen.add('ok');
        for (const e of (library.errors ?? []) as Array<{ code: string }>) seen.add(e.code);
      }),
      { numRuns: 120, seed: 8 },
    );
    // The ledgers drawn reach every check compared, and some read cleanly.
    expect([...seen].sort()).toEqual(expect.arrayContaining(['amount-unit', 'currency-mismatch', 'non-numeric-amount', 'not-a-sale', 'ok', 'repeated-header', 'summary-row']));
  });
});
