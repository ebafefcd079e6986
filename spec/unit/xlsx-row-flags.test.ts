/**
 * RowFlags reads `<row … hidden="1">` (and a zero height) off a worksheet's bytes as they stream past:
 * the same rows wherever the chunks are cut, and only row start tags (not `<rowBreaks>`).
 */
import { RowFlags } from '../../src/node/xlsx-row-flags';

const SHEET =
  '<worksheet><sheetData>' +
  '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c></row>' +
  '<row r="2" hidden="1" spans="1:3"><c r="A2"><v>1</v></c></row>' +
  "<row r='3' ht='0' customHeight='1'><c r=\"A3\"><v>2</v></c></row>" +
  '<row r="4" ht="15" hidden="0"><c r="A4"><v>3</v></c></row>' +
  '<row\n r="5"\n hidden="true"/>' +
  '</sheetData><rowBreaks count="1"><brk id="6" hidden="1"/></rowBreaks><autoFilter ref="A1:C5"/></worksheet>';

async function flagsOf(pieces: string[]): Promise<{ hidden: number[]; filter: string | null }> {
  const flags = new RowFlags();
  async function* chunks(): AsyncGenerator<Buffer> {
    for (const p of pieces) yield Buffer.from(p);
  }
  let text = '';
  for await (const chunk of flags.pass(chunks())) text += chunk.toString();
  expect(text).toBe(pieces.join(''));
  return { hidden: [1, 2, 3, 4, 5, 6].filter((r) => flags.take(r)), filter: flags.filter };
}

test('hidden and zero-height rows and the filter range, in one chunk', async () => {
  expect(await flagsOf([SHEET])).toEqual({ hidden: [2, 3, 5], filter: 'A1:C5' });
});

test('the same wherever the bytes are cut into two or three chunks', async () => {
  for (let i = 1; i < SHEET.length; i++) {
    expect(await flagsOf([SHEET.slice(0, i), SHEET.slice(i)])).toEqual({ hidden: [2, 3, 5], filter: 'A1:C5' });
    const j = Math.min(SHEET.length - 1, i + 7);
    if (j > i) expect(await flagsOf([SHEET.slice(0, i), SHEET.slice(i, j), SHEET.slice(j)])).toEqual({ hidden: [2, 3, 5], filter: 'A1:C5' });
  }
});
