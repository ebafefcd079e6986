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
