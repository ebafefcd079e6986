/** CSV for spreadsheets: formula-looking text is defused (OWASP), numbers stay numbers, and the file reads back. */
import fc from 'fast-check';
import Papa from 'papaparse';
import { csvCell, csvTable } from '../../src/csv-output';
import { rollupCsv } from '../../src/portfolio/portfolio';

const FORMULA = /^[=+\-@\t\r]/;

describe('formula injection', () => {
  test('the roll-up: a payee or contract id that starts a formula is prefixed with a quote; the amount stays numeric', () => {
    const csv = rollupCsv([
      { payee: '=HYPERLINK("http://x","y")', currency: 'USD', amount: '-80.00', obligations: 1, unresolved: 0, contracts: ['ok', '@SUM(A1)', '+1'] },
    ]);
    const rows = Papa.parse<string[]>(csv.trim(), { delimiter: ',' }).data;
    expect(rows[1]).toEqual(["'=HYPERLINK(\"http://x\",\"y\")", 'USD', '-80.00', '1', '0', "ok;'@SUM(A1);'+1"]);
  });

  test('property: every text cell reads back as itself, or with one quote before it when it starts a formula', () => {
    const text = fc.oneof(fc.string(), fc.constantFrom('=', '+', '-', '@', '\t', '\r').chain((c) => fc.string().map((s) => c + s)));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (cells) => {
        const fields = cells.map((_, i) => `c${i}`);
        const row = Object.fromEntries(cells.map((c, i) => [`c${i}`, c]));
        const back = Papa.parse<string[]>(csvTable(fields, [row]).replace(/\n$/, ''), { newline: '\n', delimiter: ',' }).data[1];
        expect(back).toEqual(cells.map((c) => (FORMULA.test(c) ? `'${c}` : c)));
        for (const c of back) expect(FORMULA.test(c)).toBe(false);
      }),
      { numRuns: 300, seed: 16 },
    );
  });

  test('numeric columns keep plain decimals, and escape anything else', () => {
    expect(csvCell('-80.00', true)).toBe('-80.00');
    expect(csvCell('-1+2', true)).toBe("'-1+2");
    expect(csvCell('-80.00')).toBe("'-80.00");
    expect(csvCell(3)).toBe('3');
  });
});
