/**
 * How to read a ledger exported by a spreadsheet or a CRM: which header column is which ledger column,
 * the delimiter and encoding, the date order, the decimal mark. `LedgerTranslator` applies it between a
 * reader (CSV cells, JSON records, XLSX cells) and the evaluation, for the in-memory and the streamed
 * readers alike: it renames the header and rewrites date and amount cells into the ledger's own forms,
 * so that everything after it (normalization, the second pass's filters) is unchanged.
 *
 * A problem that would repeat on every row (a missing column, dates that fit two orders, a decimal comma
 * without `--decimal-comma`) is `fatal`: one error, and the reader stops feeding rows. A problem with one
 * cell is that row's read issue.
 *
 * Pure and browser-safe.
 */
import { amountInStyle, dateInFormat, excelSerialDate, isPlainDecimal, ordersThatFit, parseDateFormat, type DatePattern } from './cell-formats';
import { resolveHeader, type ColumnMapping } from './column-mapping';
import { delimiterName, type Delimiter, type LedgerEncoding } from './ledger-dialect';
import type { LedgerColumn, LedgerRecord, ParsedLedger, RowIssue } from './rows';

export interface LedgerReading {
  /** Ledger column → header name as written. */
  columns?: ColumnMapping;
  /** CSV delimiter; detected from the header line when not given. */
  delimiter?: Delimiter;
  encoding?: LedgerEncoding;
  /** `MM/DD/YYYY`, `DD.MM.YYYY`, … or `excel` (serial day numbers); ISO dates are always read. */
  dateFormat?: string;
  decimalComma?: boolean;
  /** XLSX: the worksheet to read (default: the first). */
  sheet?: string;
}

export interface TranslatorContext {
  /** Columns the evaluation cannot do without. */
  required: readonly LedgerColumn[];
  /** The clause's currency (amount symbols and an "Amount (USD)" header must agree with it). */
  currency: string | null;
}

const CODE_DASH = 45;

/** Whether a date cell starts `YYYY-` (ISO: read by the ledger as is). */
function isoLike(text: string): boolean {
  const c = text.charCodeAt(0);
  return text.length >= 10 && text.charCodeAt(4) === CODE_DASH && c >= 48 && c <= 57;
}

export class LedgerTranslator {
  readonly notes: string[] = [];
  /** The one error that stops the ledger (row 0 for the header), once found. */
  fatal: RowIssue | null = null;
  private readonly pattern: DatePattern | 'excel' | null;
  private readonly decimalComma: boolean;
  private readonly currency: string | null;
  private dateAt = -1;
  private amountAt = -1;
  private unitsAt = -1;
  /** JSON records: key as written → ledger name (or the key itself). */
  private readonly keyNames = new Map<string, string>();
  private headerSeen = false;

  constructor(
    private readonly reading: LedgerReading,
    private readonly context: TranslatorContext,
  ) {
    const pattern = reading.dateFormat === undefined ? null : parseDateFormat(reading.dateFormat);
    this.pattern = pattern;
    this.decimalComma = reading.decimalComma === true;
    this.currency = context.currency;
    if (pattern === 'excel') this.notes.push('dates are Excel serial day numbers (--date-format excel): days since 1899-12-30, a local calendar day in the contract zone');
    else if (pattern !== null) this.notes.push(`dates are read as ${pattern.text} (--date-format); ISO dates (YYYY-MM-DD) are read as well`);
    if (this.decimalComma) this.notes.push("amounts are read with a decimal comma (--decimal-comma): '.', space or ' group thousands");
  }

  /** States the delimiter used (given or detected); not for the default comma, which needs no note. */
  delimiterNote(delimiter: Delimiter, given: boolean): void {
    if (delimiter !== ',' || given) this.notes.push(`columns are separated by a ${delimiterName(delimiter)} (${given ? '--delimiter' : 'found in the header line'})`);
  }

  /** Resolves a header (names as read); returns the names the evaluation sees. */
  header(names: readonly string[]): string[] {
    this.headerSeen = true;
    const resolved = resolveHeader(names, this.reading.columns ?? {}, this.context.required);
    this.notes.push(...resolved.notes);
    if (resolved.problem !== null) {
      this.fatal = resolved.problem;
      return resolved.names;
    }
    if (resolved.headerCurrency !== null && this.currency !== null && resolved.headerCurrency !== this.currency) {
      this.fatal = {
        row: 0,
        column: 'amount',
        value: resolved.headerCurrency,
        code: 'currency-mismatch',
        message: `the amount column's header names ${resolved.headerCurrency}, and the clause is in ${this.currency}; amounts in different currencies are never summed`,
      };
    }
    this.dateAt = resolved.names.indexOf('date');
    this.amountAt = resolved.names.indexOf('amount');
    this.unitsAt = resolved.names.indexOf('units');
    return resolved.names;
  }

  /**
   * Rewrites a row's date and amount cells in place; returns the row's problems (null: none). After
   * it, `fatal` may be set: the row and the rest are not to be fed.
   */
  cells(cells: string[], row: number): RowIssue[] | null {
    let issues: RowIssue[] | null = null;
    const n = cells.length;
    if (this.dateAt >= 0 && this.dateAt < n) {
      const cell = cells[this.dateAt];
      if (cell !== '' && !isoLike(cell)) {
        const problem = this.date(cell, row);
        if (typeof problem === 'string') cells[this.dateAt] = problem;
        else if (problem !== null) (issues ??= []).push(problem);
      }
    }
    if (this.amountAt >= 0 && this.amountAt < n) {
      const problem = this.quantity(cells, this.amountAt, 'amount', row);
      if (problem !== null) (issues ??= []).push(problem);
    }
    if (this.unitsAt >= 0 && this.unitsAt < n) {
      const problem = this.quantity(cells, this.unitsAt, 'units', row);
      if (problem !== null) (issues ??= []).push(problem);
    }
    return issues;
  }

  /** Records keyed by these names (a CSV read into objects): resolves them as the header. */
  recordKeys(keys: readonly string[]): void {
    const names = this.header(keys);
    keys.forEach((k, i) => this.keyNames.set(k, names[i]));
  }

  /** A record: keys renamed by the header (for JSON, resolved from the first record's keys), cells rewritten. */
  record(record: LedgerRecord, row: number): { record: LedgerRecord; issues: RowIssue[] | null } {
    if (!this.headerSeen) {
      this.recordKeys(Object.keys(record));
      if (this.fatal !== null) return { record, issues: null };
    }
    const out: Record<string, unknown> = {};
    for (const key in record) out[this.keyNames.get(key) ?? key] = record[key];
    let issues: RowIssue[] | null = null;
    const date = out.date;
    if (typeof date === 'string' && date !== '' && !isoLike(date)) {
      const problem = this.date(date, row);
      if (typeof problem === 'string') out.date = problem;
      else if (problem !== null) (issues ??= []).push(problem);
    } else if (typeof date === 'number' && this.pattern === 'excel') {
      const serial = excelSerialDate(date);
      if (serial.ok) out.date = serial.text;
      else (issues ??= []).push({ row, column: 'date', value: String(date), code: 'invalid-date', message: serial.message });
    }
    for (const column of ['amount', 'units'] as const) {
      const value = out[column];
      if (typeof value !== 'string') continue;
      const cells = [value];
      const problem = this.quantity(cells, 0, column, row);
      if (problem !== null) (issues ??= []).push(problem);
      out[column] = cells[0];
    }
    return { record: out, issues };
  }

  /** The ISO text for a date cell that is not ISO, a row problem, or null (left for the ledger to judge). */
  private date(cell: string, row: number): string | RowIssue | null {
    const pattern = this.pattern;
    if (pattern === 'excel') {
      const serial = excelSerialDate(cell);
      return serial.ok ? serial.text : { row, column: 'date', value: cell, code: 'invalid-date', message: serial.message };
    }
    if (pattern !== null) {
      const read = dateInFormat(cell, pattern);
      return read.ok ? read.text : { row, column: 'date', value: cell, code: 'invalid-date', message: read.message };
    }
    const text = cell.trim();
    const fits = ordersThatFit(text);
    if (fits.length > 0) {
      const options = fits.map((f) => `--date-format ${f.text}`).join(' or ');
      this.fatal = {
        row,
        column: 'date',
        value: text,
        code: 'invalid-date',
        message:
          fits.length > 1
            ? `dates are written like '${text}' (row ${row}), which fits both ${fits.map((f) => f.text).join(' and ')}: the engine does not guess a day-month order; pass ${options}`
            : `dates are written like '${text}' (row ${row}), not YYYY-MM-DD: pass ${options}`,
      };
      return null;
    }
    if (/^\d{5}(\.\d+)?$/.test(text)) {
      this.fatal = {
        row,
        column: 'date',
        value: text,
        code: 'invalid-date',
        message: `dates are written like '${text}' (row ${row}), which looks like an Excel serial day number: pass --date-format excel if it is one`,
      };
    }
    return null;
  }

  private quantity(cells: string[], at: number, column: 'amount' | 'units', row: number): RowIssue | null {
    const cell = cells[at];
    if (cell === '') return null;
    if (isPlainDecimal(cell) && !(this.decimalComma && cell.includes('.'))) return null;
    if (cell.trim() === '') return null;
    const read = amountInStyle(cell, { decimalComma: this.decimalComma, currency: column === 'amount' ? this.currency : null });
    if (read.ok) {
      cells[at] = read.text;
      return null;
    }
    if (read.code === 'decimal-comma') {
      this.fatal = { row, column, value: cell.trim(), code: column === 'units' ? 'non-numeric-units' : 'non-numeric-amount', message: `${column} ${read.message} (row ${row})` };
      return null;
    }
    const code = read.code === 'currency-mismatch' ? 'currency-mismatch' : column === 'units' ? 'non-numeric-units' : 'non-numeric-amount';
    return { row, column, value: cell.trim(), code, message: `${column} ${read.message}` };
  }
}

/** Whether a reading asks for anything beyond the plain ledger (so readers may keep their fast paths). */
export function isPlainReading(reading: LedgerReading): boolean {
  return (
    reading.columns === undefined &&
    (reading.delimiter === undefined || reading.delimiter === ',') &&
    (reading.encoding === undefined || reading.encoding === 'utf-8') &&
    reading.dateFormat === undefined &&
    reading.decimalComma !== true
  );
}

/**
 * A ledger read whole (text-readers.ts) through a translator: records renamed and rewritten, each
 * row's problems with the reader's own; after a fatal problem, that one error and no rows.
 */
export function translateLedger(parsed: ParsedLedger & { header?: string[] }, translator: LedgerTranslator): ParsedLedger {
  if (parsed.header !== undefined) translator.recordKeys(parsed.header);
  else {
    // JSON: the keys of the first records, since a record may leave out an optional column.
    const keys = new Set<string>();
    for (const record of parsed.records.slice(0, 1000)) for (const key in record) keys.add(key);
    if (keys.size > 0) translator.recordKeys([...keys]);
  }
  if (translator.fatal !== null) return { records: [], issues: [translator.fatal] };
  const records: LedgerRecord[] = [];
  const issues: RowIssue[] = [...parsed.issues];
  for (let i = 0; i < parsed.records.length; i++) {
    const read = translator.record(parsed.records[i], i + 1);
    if (translator.fatal !== null) return { records: [], issues: [translator.fatal] };
    if (read.issues !== null) issues.push(...read.issues);
    records.push(read.record);
  }
  issues.sort((a, b) => a.row - b.row);
  return { records, issues };
}
