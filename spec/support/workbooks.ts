/**
 * Workbooks written by exceljs for the XLSX reader's tests, shaped as finance users save them: rows
 * hidden by hand or by a filter (Excel writes both as `<row … hidden="1">`), a hidden first sheet,
 * the 1904 date system. Written to a fresh temporary folder, so each test reads real .xlsx bytes.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
  /** Worksheet columns (1-based) to hide. */
  hiddenColumns?: number[];
}

export async function writeWorkbook(file: string, sheets: SheetSpec[], options: { date1904?: boolean; withoutRowNumbers?: boolean } = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  if (options.date1904 === true) wb.properties.date1904 = true;
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name, { state: spec.state ?? 'visible' });
    for (const row of spec.rows) ws.addRow(row);
    if (spec.dateFormat !== null) ws.getColumn(2).numFmt = spec.dateFormat ?? 'yyyy-mm-dd';
    for (const r of spec.hidden ?? []) ws.getRow(r).hidden = true;
    for (const r of spec.zeroHeight ?? []) ws.getRow(r).height = 0;
    if (spec.filter !== undefined) ws.autoFilter = spec.filter;
    for (const c of spec.hiddenColumns ?? []) ws.getColumn(c).hidden = true;
  }
  await wb.xlsx.writeFile(file);
  if (options.withoutRowNumbers === true) await dropRowNumbers(file);
  return file;
}

/**
 * Rewrites every worksheet's row tags without their `r` attribute, which OOXML allows: a
 * row without `r` follows the row before. JSZip is exceljs's own dependency.
 */
async function dropRowNumbers(file: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  // A new archive, the sheets last: the streaming reader reads the entries in order and needs the workbook part first.
  const out = new JSZip();
  const names = Object.keys(zip.files);
  const sheet = (n: string): boolean => n.startsWith('xl/worksheets/');
  for (const name of [...names.filter((n) => !sheet(n)), ...names.filter(sheet)]) {
    const entry = zip.files[name];
    if (entry.dir) continue;
    const bytes = await entry.async('nodebuffer');
    out.file(name, /^xl\/worksheets\/sheet\d+\.xml$/.test(name) ? bytes.toString('utf8').replace(/<row r="\d+"/g, '<row') : bytes);
  }
  writeFileSync(file, await out.generateAsync({ type: 'nodebuffer' }));
}

export function scratchFolder(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'clause-workbooks-'));
}

/** A calendar day as exceljs writes a date cell: the day's fields in UTC. */
export const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
