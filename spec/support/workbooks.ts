/**
 * Workbooks written by exceljs for the XLSX reader's tests, shaped as finance users save them: rows
 * hidden by hand or by a filter (Excel writes both as `<row … hidden="1">`), a hidden first sheet,
 * the 1904 date system. Written to a fresh temporary folder, so each test reads real .xlsx bytes.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SheetSpec {
  name: string;
  rows: unknown[][];
  /** Worksheet row numbers (1-based, the header is row 1) to hide. */
  hidden?: number[];
  /** Worksheet row numbers whose height is set to zero. */
  zeroHeight?: number[];
  /** A filter range, as Excel's Data → Filter sets it. */
  filter?: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
  /** Number format of the date column (column 2), `yyyy-mm-dd` by default; null: plain numbers. */
  dateFormat?: string | null;
}

export async function writeWorkbook(file: string, sheets: SheetSpec[], options: { date1904?: boolean } = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  if (options.date1904 === true) wb.properties.date1904 = true;
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name, { state: spec.state ?? 'visible' });
    for (const row of spec.rows) ws.addRow(row);
    if (spec.dateFormat !== null) ws.getColumn(2).numFmt = spec.dateFormat ?? 'yyyy-mm-dd';
    for (const r of spec.hidden ?? []) ws.getRow(r).hidden = true;
    for (const r of spec.zeroHeight ?? []) ws.getRow(r).height = 0;
    if (spec.filter !== undefined) ws.autoFilter = spec.filter;
  }
  await wb.xlsx.writeFile(file);
  return file;
}

export function scratchFolder(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'clause-workbooks-'));
}

/** A calendar day as exceljs writes a date cell: the day's fields in UTC. */
export const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
