/**
 * RowFlags reads `<row … hidden="1">` (and a zero height) off a worksheet's bytes as they stream past:
 * the same rows wherever the chunks are cut, and only row start tags (not `<rowBreaks>`); a row without its
 * optional `r` follows the row before; hidden columns (`<col … hidden="1">`) before the rows.
 */
import { RowFlags } from '../../src/node/xlsx-row-flags';

const SHEET =
  '<worksheet><cols><col min="1" max="1" width="12"/><col min="3" max="4" hidden="1" width="0"/></cols><sheetData>' +
  '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c></row>' +
  '<row r="2" hidden="1" spans="1:3"><c r="A2"><v>1</v></c></row>' +
  "<row r='3' ht='0' customHeight='1'><c r=\"A3\"><v>2</v></c></row>" +
  '<row r="4" ht="15" hidden="0"><c r="A4"><v>3</v></c></row>' +
  '<row\n r="5"\n hidden="true"/>' +
  '<row hidden="1" spans="1:3"><c><v>4</v></c></row>' +
  '<row><c><v>5</v></c></row>' +
  '<row r="9" hidden="1"/>' +
  '</sheetData><rowBreaks count="1"><brk id="6" hidden="1"/></rowBreaks><autoFilter ref="A1:C5"/></worksheet>';

async function flagsOf(pieces: string[]): Promise<{ rows: string[]; columns: number[]; filter: string | null }> {
  const flags = new RowFlags();
  async function* chunks(): AsyncGenerator<Buffer> {
    for (const p of pieces) yield Buffer.from(p);
  }
  let text = '';
  const rows: string[] = [];
  for await (const chunk of flags.pass(chunks())) {
    text += chunk.toString();
    for (let next = flags.next(); next !== null; next = flags.next()) rows.push(`${next.number}${next.hidden ? ' hidden' : ''}`);
  }
  expect(text).toBe(pieces.join(''));
  return { rows, columns: flags.hiddenColumns, filter: flags.filter };
}

/** Rows 6 and 7 have no `r`: they follow row 5; row 6 is hidden. */
const EXPECTED = { rows: ['1', '2 hidden', '3 hidden', '4', '5 hidden', '6 hidden', '7', '9 hidden'], columns: [3, 4], filter: 'A1:C5' };

test('hidden and zero-height rows, rows without r, hidden columns and the filter range, in one chunk', async () => {
  expect(await flagsOf([SHEET])).toEqual(EXPECTED);
});

test('the same wherever the bytes are cut into two or three chunks', async () => {
  for (let i = 1; i < SHEET.length; i++) {
    expect(await flagsOf([SHEET.slice(0, i), SHEET.slice(i)])).toEqual(EXPECTED);
    const j = Math.min(SHEET.length - 1, i + 7);
    if (j > i) expect(await flagsOf([SHEET.slice(0, i), SHEET.slice(i, j), SHEET.slice(j)])).toEqual(EXPECTED);
  }
});
