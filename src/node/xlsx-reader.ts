/**
 * XLSX ledgers, streamed with exceljs's WorkbookReader (one row at a time: a 100,000-row workbook
 * is read in bounded memory, docs/performance.md), into the same cell sink as CSV. The first row of
 * the sheet (`--sheet <name>`, default the first) is the header.
 *
 * Cells are taken as typed: a date cell (a number with a date format) is the local calendar day and
 * time its fields show, in the contract's zone, never a UTC instant (exceljs hands such a cell over as
 * a Date whose UTC fields are the written ones); a number is its decimal form to Excel's 15 significant
 * digits; a formula is
 * its cached result; rich text is its plain text. A number in a date column that is not formatted as
 * a date stays a number, which the ledger reads as an Excel serial only with --date-format excel.
 */
import ExcelJS from 'exceljs';
import { isoOfUtcFields } from '../ledger/cell-formats';
import { UsageError } from './io';
import type { CellSink } from './ledger-sinks';

/** A cell as the ledger reads it. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // A serial's fraction of a day comes back a millisecond off at times: the nearest second is meant.
    const ms = Math.round(value.getTime() / 1000) * 1000;
    return isoOfUtcFields(new Date(ms), ms % 86_400_000 !== 0);
  }
  // Excel keeps 15 significant digits and shows no more: a formula's cached 1234.5600000000002 is the 1234.56 it shows.
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if (v.error !== undefined) return v.error;
    if (typeof v.text === 'string') return v.text;
  }
  return String(value);
}

/**
 * Reads one worksheet's rows into `sink`: the first non-blank row is the header (lower-cased, as CSV's).
 * Returns the names of the workbook's sheets, in order.
 */
export async function streamXlsxCells(file: string, sheet: string | undefined, sink: CellSink): Promise<string[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'emit' });
  const seen: string[] = [];
  let header: string[] | null = null;
  let row = 0;
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name?: string }).name ?? `Sheet${seen.length + 1}`;
      seen.push(name);
      if (header !== null || (sheet !== undefined && name !== sheet)) {
        // Another sheet's rows are still read off the zip stream, just not kept.
        for await (const _ of worksheet) void _;
        continue;
      }
      for await (const r of worksheet) {
        const values = (r as unknown as { values: unknown[] }).values;
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        if (cells.every((c) => c.trim() === '')) continue;
        if (header === null) {
          header = cells.map((h) => h.trim().toLowerCase());
          sink.header(header);
          continue;
        }
        while (cells.length < header.length) cells.push('');
        sink.cells(cells, ++row);
      }
      if (header === null) header = [];
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`Cannot read '${file}' as an XLSX workbook: ${(error as Error).message}`);
  }
  if (sheet !== undefined && !seen.includes(sheet)) {
    throw new UsageError(`'${file}' has no sheet '${sheet}': its sheets are ${seen.map((s) => `'${s}'`).join(', ')}.`);
  }
  return seen;
}
