/**
 * XLSX ledgers, streamed with exceljs's WorkbookReader (one row at a time: a 100,000-row workbook
 * is read in bounded memory, docs/performance.md), into the same cell sink as CSV. The first row of
 * the sheet (`--sheet <name>`, default the first the workbook shows, in tab order) is the header.
 * Rows the sheet hides are read as `--hidden-rows` says (src/ledger/workbook-reading.ts).
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
import { RowFlags } from './xlsx-row-flags';
import { hiddenRowIssue, ledgerSheet, type HiddenRowFacts, type HiddenRows, type WorkbookFacts } from '../ledger/workbook-reading';

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

/** How to read the workbook: the sheet, what to do with hidden rows, and who hears of the workbook first. */
export interface XlsxReadOptions {
  /** The worksheet (`--sheet`); by default the first the workbook shows. */
  sheet?: string;
  /** Hidden rows: counted, left out, or (not given) each one that row's error (the row is sent after it, as other readers' rows with an error are). */
  hiddenRows?: HiddenRows;
  /** Told of the workbook (its sheets, the one read, its date system) before the first row. */
  onWorkbook?: (facts: WorkbookFacts) => void;
}

/** What reading the workbook found besides its cells. */
export interface XlsxRead {
  workbook: WorkbookFacts;
  hidden: HiddenRowFacts;
}

interface SheetModel {
  name: string;
  state?: string;
}

/**
 * Reads one worksheet's rows into `sink`: the first non-blank row is the header (lower-cased, as CSV's).
 * Row numbers count the data rows after the header, hidden or not, so they do not depend on `hiddenRows`.
 */
export async function streamXlsxCells(file: string, options: XlsxReadOptions, sink: CellSink): Promise<XlsxRead> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'emit' });
  const book = reader as unknown as { model?: { sheets?: SheetModel[] }; properties?: { model?: { date1904?: boolean } } };
  const emitted: string[] = [];
  let workbook: WorkbookFacts | null = null;
  const hidden: HiddenRowFacts = { rows: [], filter: null, columns: [] };
  let header: string[] | null = null;
  let row = 0;
  let flags: RowFlags | null = null;
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name?: string }).name ?? `Sheet${emitted.length + 1}`;
      emitted.push(name);
      if (workbook === null) {
        // The workbook's own list is in tab order (the zip's sheets need not be), with each sheet's state.
        const listed = book.model?.sheets ?? [];
        const sheets = listed.length > 0 ? listed.map((s) => ({ name: s.name, hidden: s.state === 'hidden' || s.state === 'veryHidden' })) : [{ name, hidden: false }];
        if (options.sheet !== undefined && listed.length > 0 && !sheets.some((s) => s.name === options.sheet)) throw noSheet(file, options.sheet, sheets.map((s) => s.name));
        workbook = { sheets, read: ledgerSheet(sheets, options.sheet) ?? name, date1904: book.properties?.model?.date1904 === true };
        options.onWorkbook?.(workbook);
      }
      if (header !== null || name !== workbook.read) {
        // Another sheet's rows are still read off the zip stream, just not kept.
        for await (const _ of worksheet) void _;
        continue;
      }
      flags = new RowFlags();
      const source = worksheet as unknown as { iterator: AsyncIterable<Buffer> };
      source.iterator = flags.pass(source.iterator) as AsyncIterable<Buffer>;
      let last = 0;
      for await (const r of worksheet) {
        const { values, number: given } = r as unknown as { values: unknown[]; number: number };
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        // exceljs numbers a row written without `r` NaN: its tag, read in the same order, gives its number.
        const tag = flags.next();
        const number = Number.isInteger(given) ? given : (tag?.number ?? last + 1);
        last = number;
        const out = tag?.hidden === true;
        if (cells.every((c) => c.trim() === '')) continue;
        if (header === null) {
          header = cells.map((h) => h.trim().toLowerCase());
          hidden.columns = flags.hiddenColumns.filter((c) => c <= header!.length && header![c - 1] !== '').map((c) => ({ column: columnLetters(c), header: cells[c - 1].trim() }));
          sink.header(header);
          continue;
        }
        while (cells.length < header.length) cells.push('');
        ++row;
        if (out) {
          hidden.rows.push(number);
          if (options.hiddenRows === 'skip') continue;
          // Undecided: the row's error just before the row itself, as every reader sends them (a portfolio routes it by the row's seller).
          if (options.hiddenRows === undefined) sink.issue(hiddenRowIssue(row, number, name));
        }
        sink.cells(cells, row);
      }
      hidden.filter = flags.filter;
      if (header === null) header = [];
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const unnumbered = (flags as RowFlags | null)?.unnumbered ?? 0;
    if (unnumbered > 0) {
      throw new UsageError(
        `Cannot read '${file}' as an XLSX workbook: its sheet writes rows without their row number (the optional 'r' of <row>), which the streaming reader cannot place (${(error as Error).message}); ` +
          'open the workbook in Excel, LibreOffice or Google Sheets and save it again, which writes every row number',
      );
    }
    throw new UsageError(`Cannot read '${file}' as an XLSX workbook: ${(error as Error).message}`);
  }
  if (workbook === null) workbook = { sheets: [], read: options.sheet ?? '', date1904: false };
  if (options.sheet !== undefined && !emitted.includes(options.sheet)) throw noSheet(file, options.sheet, workbook.sheets.length > 0 ? workbook.sheets.map((s) => s.name) : emitted);
  return { workbook, hidden };
}

function noSheet(file: string, sheet: string, names: readonly string[]): UsageError {
  return new UsageError(`'${file}' has no sheet '${sheet}': its sheets are ${names.map((s) => `'${s}'`).join(', ')}.`);
}

/** A worksheet column's letters (1 → A, 27 → AA). */
function columnLetters(n: number): string {
  let out = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) out = String.fromCharCode(65 + ((c - 1) % 26)) + out;
  return out;
}
