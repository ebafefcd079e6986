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
import { amountInStyle, CellFormats, isPlainDecimal, markedFigure, ordersThatFit, parseDateFormat, type DatePattern } from './cell-formats';
import { resolveHeader, type ColumnMapping } from './column-mapping';
import { minorUnits } from '../values/money';
import { isNotASale, isWonStage, judgedStageColumns, notASaleIssue, openDealIssue } from './sale-states';
import { isSummaryLabel, recordRepeatsHeader, repeatedHeaderIssue, repeatsHeader, summaryRowIssue } from './summary-rows';
import { delimiterName, type Delimiter, type LedgerEncoding } from './ledger-dialect';
import type { LedgerColumn, LedgerFormat, LedgerRecord, ParsedLedger, RowIssue } from './rows';
import { netAmountCell, readsAsAmount, refundedIssue, refundedNote, refundedValue, unreadableRefundIssue, type RefundedReading } from './refunded-amounts';
import { hiddenColumnNote, hiddenRowsNote, workbookNotes, type HiddenRowFacts, type HiddenRows, type WorkbookFacts } from './workbook-reading';

/** The ledger's column names, as a header mapped to them reads. */
const LEDGER_NAMES: readonly LedgerColumn[] = ['id', 'date', 'amount', 'currency', 'units', 'product', 'customer', 'seller'];

/** A ledger file's format: the text formats, or an XLSX workbook (read by the streaming reader only). */
export type InputFormat = LedgerFormat | 'xlsx';

export interface LedgerReading {
  /** Ledger column → header name as written. */
  columns?: ColumnMapping;
  /** CSV delimiter; detected from the header line when not given. */
  delimiter?: Delimiter;
  encoding?: LedgerEncoding;
  /** `MM/DD/YYYY`, `DD.MM.YYYY`, … or `excel` (serial day numbers); ISO dates are always read. */
  dateFormat?: string;
  decimalComma?: boolean;
  /** XLSX: the worksheet to read (default: the first the workbook shows). */
  sheet?: string;
  /** XLSX: rows the sheet hides are counted or left out; not given, each is that row's error. */
  hiddenRows?: HiddenRows;
  /** A column of amounts refunded beside the amount: deducted on the row's date, or not read; not given, each refunded row is an error. */
  refunded?: RefundedReading;
  /** `minor`: amounts are whole numbers of the currency's smallest unit (60000 is 600.00 USD); `major`: as written. */
  amountUnit?: 'minor' | 'major';
}

/**
 * Columns of a payment API's objects written out as they are (Stripe's charges, payment intents,
 * invoices): beside them `amount` is a whole number of the currency's smallest unit, 60000 for $600.00
 * (Stripe API reference: "a positive integer representing how much to charge in the smallest currency unit").
 */
const MINOR_UNIT_COLUMNS = /^(amount_(refunded|captured|received|capturable|paid|due|remaining|subtotal|total)|unit_amount|application_fee_amount)$/;

/** Whether a column (as the evaluation names it) is one of a payment API's, beside which `amount` may be in minor units. */
export function isMinorUnitColumn(name: string): boolean {
  return MINOR_UNIT_COLUMNS.test(name);
}

export interface TranslatorContext {
  /** Columns the evaluation cannot do without. */
  required: readonly LedgerColumn[];
  /** The clause's currency (amount symbols and an "Amount (USD)" header must agree with it). */
  currency: string | null;
  /**
   * A portfolio's (`currency` null): the currencies its contracts name, asked when the header is read; with
   * `amountUnit: 'minor'` they must agree on their minor digits, since one number of digits reads the whole ledger.
   */
  currencies?: () => readonly string[];
}

const CODE_DASH = 45;

/** An amount whose only separators are points before groups of three digits (`1.234`, `12.500.000`). */
const THOUSANDS_WITH_POINT = /^\s*[-+]?\d{1,3}(\.\d{3})+\s*$/;

/** A figure that groups thousands with points if a point is no decimal point (`1.500`, `12.500.000`; not `0.125`). */
const POINT_GROUPED_FIGURE = /^[1-9]\d{0,2}(\.\d{3})+$/;

/** Whether a date cell holds something that may be a date (it starts with a digit), as a total row's does not. */
function isDated(text: string): boolean {
  let c = text.charCodeAt(0);
  if (c === 0x20 || c === 0x09) c = text.trimStart().charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** Whether a date cell starts `YYYY-` (ISO: read by the ledger as is). */
function isoLike(text: string): boolean {
  const c = text.charCodeAt(0);
  return text.length >= 10 && text.charCodeAt(4) === CODE_DASH && c >= 48 && c <= 57;
}

export class LedgerTranslator {
  readonly notes: string[] = [];
  /** The one error that stops the ledger (row 0 for the header), once found. */
  fatal: RowIssue | null = null;
  /** How the rows' dates and amounts are read (for the evaluation's row normalizer). */
  readonly formats: CellFormats;
  private readonly pattern: DatePattern | 'excel' | null;
  private readonly decimalComma: boolean;
  private readonly currency: string | null;
  private dateAt = -1;
  private amountAt = -1;
  private unitsAt = -1;
  /** The column of amounts refunded from the amount (`Amount Refunded`), its name as written and as a record's key; -1 when none. */
  private refundAt = -1;
  private refundName = '';
  private refundKey = '';
  /** JSON records: key as written → ledger name (or the key itself). */
  private readonly keyNames = new Map<string, string>();
  /** Whether some key of `keyNames` maps to another name. */
  private renamesKeys = false;
  private headerSeen = false;
  /** The header as the file names it (trimmed, lower-cased), to tell a repeat of it; and as the evaluation names it. */
  private fileHeader: readonly string[] = [];
  private mappedHeader: readonly string[] = [];
  /** Cell indices and names of stage or status columns, whose cells are checked for a state that is no sale. */
  private statusAt: number[] = [];
  /** Cell indices of the columns a total's label may be in (all but date, amount, units and currency). */
  private labelAt: Int32Array = new Int32Array(0);
  private statusNames: string[] = [];
  /** Per status column: a deal stage read by its won states (any other stage is the row's `open-deal` error). */
  private stageJudged: boolean[] = [];
  /** The CSV delimiter, once stated: with ';', an amount such as 1.234 may group thousands. */
  private delimiter: Delimiter = ',';
  /** A column that says amounts may be in minor units (`amount_refunded`), until the first amount settles it; null otherwise. */
  private minorUnitHint: string | null = null;
  /** The row problem `cells` or `record` found last (a summary row, a repeated header), or null. */
  rowIssue: RowIssue | null = null;
  /** Whether the header the evaluation sees names some column otherwise than the file does. */
  renamesColumns = false;

  constructor(
    private readonly reading: LedgerReading,
    private readonly context: TranslatorContext,
  ) {
    const pattern = reading.dateFormat === undefined ? null : parseDateFormat(reading.dateFormat);
    this.pattern = pattern;
    this.formats = CellFormats.of(reading);
    this.decimalComma = reading.decimalComma === true;
    this.currency = context.currency;
    if (pattern === 'excel') this.notes.push('dates are Excel serial day numbers (--date-format excel): days since 1899-12-30, a local calendar day in the contract zone');
    else if (pattern !== null) this.notes.push(`dates are read as ${pattern.text} (--date-format); ISO dates (YYYY-MM-DD) are read as well`);
    if (this.decimalComma) this.notes.push("amounts are read with a decimal comma (--decimal-comma): '.', space or ' group thousands");
  }

  /** States the delimiter used (given or detected); not for the default comma, which needs no note. */
  delimiterNote(delimiter: Delimiter, given: boolean): void {
    this.delimiter = delimiter;
    if (delimiter !== ',' || given) this.notes.push(`columns are separated by a ${delimiterName(delimiter)} (${given ? '--delimiter' : 'found in the header line'})`);
  }

  /** An XLSX workbook, before its first row: its date system, and which sheet is read (stated). */
  workbook(facts: WorkbookFacts): void {
    this.formats.date1904 = facts.date1904;
    if (facts.date1904 && this.pattern === 'excel') {
      const at = this.notes.findIndex((n) => n.startsWith('dates are Excel serial day numbers'));
      if (at !== -1) this.notes[at] = 'dates are Excel serial day numbers (--date-format excel) in the workbook\'s 1904 date system: days since 1904-01-01, a local calendar day in the contract zone';
    }
    this.notes.push(...workbookNotes(facts, this.reading.sheet));
  }

  /** The rows and columns an XLSX sheet hides, once it is read: the reading chosen for rows, and each hidden column, stated. */
  hiddenRows(facts: HiddenRowFacts): void {
    const note = this.reading.hiddenRows === undefined ? null : hiddenRowsNote(facts, this.reading.hiddenRows);
    if (note !== null) this.notes.push(note);
    for (const column of facts.columns ?? []) {
      const at = this.fileHeader.indexOf(column.header.toLowerCase());
      const read = at === -1 ? null : (this.mappedHeader[at] ?? null);
      this.notes.push(hiddenColumnNote(column, read !== null && (LEDGER_NAMES as readonly string[]).includes(read) ? read : null));
    }
  }

  /** Resolves a header (names as read); returns the names the evaluation sees. */
  header(names: readonly string[]): string[] {
    this.headerSeen = true;
    const resolved = resolveHeader(names, this.reading.columns ?? {}, this.context.required);
    this.fileHeader = names.map((n) => n.trim().toLowerCase());
    this.mappedHeader = resolved.names;
    this.notes.push(...resolved.notes);
    this.renamesColumns = resolved.names.some((n, i) => n !== names[i]);
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
    this.formats.utcTimes = resolved.datesInUtc;
    this.statusAt = resolved.statusColumns;
    this.statusNames = resolved.statusColumns.map((i) => names[i].trim());
    this.stageJudged = judgedStageColumns(this.statusNames);
    this.refundAt = resolved.refundColumn ?? -1;
    if (this.refundAt !== -1) {
      this.refundName = names[this.refundAt].trim();
      this.refundKey = resolved.names[this.refundAt];
      this.notes.push(refundedNote(this.refundName, this.reading.refunded));
    }
    if (this.reading.amountUnit === 'minor') {
      const currencies = this.currency !== null ? [this.currency] : [...new Set(this.context.currencies?.() ?? [])];
      const digits = [...new Set(currencies.map(minorUnits))];
      if (digits.length !== 1) {
        this.fatal = { row: 0, column: 'amount', value: '', code: 'amount-unit', message: this.minorUnitProblem(currencies) };
        return resolved.names;
      }
      this.formats.minorDigits = digits[0];
      this.notes.push(`amounts are whole numbers of the currency's smallest unit (--amount-unit minor): ${this.formats.fromMinorUnits('60000')} ${currencies.join(' or ')} is written 60000`);
    } else if (this.reading.amountUnit === undefined && resolved.names.includes('amount')) {
      const hint = resolved.names.find(isMinorUnitColumn);
      this.minorUnitHint = hint === undefined ? null : names[resolved.names.indexOf(hint)].trim();
    }
    this.dateAt = resolved.names.indexOf('date');
    this.amountAt = resolved.names.indexOf('amount');
    this.unitsAt = resolved.names.indexOf('units');
    // A total's label sits in a text column: in the date, amount, units or currency column it is already that cell's error.
    const numeric = new Set(['date', 'amount', 'units', 'currency']);
    this.labelAt = Int32Array.from(resolved.names.flatMap((n, i) => (numeric.has(n) ? [] : [i])));
    return resolved.names;
  }

  /** Why `--amount-unit minor` cannot tell the digits of the smallest unit: no currency, or currencies that differ in them. */
  private minorUnitProblem(currencies: readonly string[]): string {
    const whose = this.context.currencies === undefined ? "the clause's currency" : "the contracts' currency";
    if (currencies.length === 0) {
      const none = this.context.currencies === undefined ? 'the clause names none' : "no contract's clause names one";
      return `--amount-unit minor needs ${whose}, to know how many digits its smallest unit has; ${none}`;
    }
    const each = currencies.map((c) => `${c} (${minorUnits(c)} digit${minorUnits(c) === 1 ? '' : 's'})`).join(', ');
    return `--amount-unit minor reads the whole ledger with one number of digits in the smallest unit, and the contracts are in ${each}: split the ledger and the portfolio by currency`;
  }

  /**
   * Looks at a row for a problem that would repeat on every row (dates in a day-month order not
   * given, a decimal comma not announced); after it, `fatal` may be set and the row and the rest are
   * not to be fed. The cells themselves are read by the row normalizer (`CellFormats`).
   */
  cells(cells: readonly string[], row: number): RowIssue | null {
    const n = cells.length;
    this.rowIssue = null;
    const date = this.dateAt >= 0 && this.dateAt < n ? cells[this.dateAt] : '';
    if (date !== '' && !isoLike(date) && repeatsHeader(cells, this.fileHeader)) {
      return (this.rowIssue = repeatedHeaderIssue(row, this.mappedHeader.includes('id')));
    }
    for (let k = 0; k < this.statusAt.length; k++) {
      const at = this.statusAt[k];
      if (at < n && isNotASale(cells[at], this.statusNames[k])) return (this.rowIssue = notASaleIssue(row, this.statusNames[k], cells[at].trim()));
    }
    const summary = this.summaryCell(cells, isDated(date));
    if (summary !== -1) return (this.rowIssue = summaryRowIssue(row, this.mappedHeader[summary] || `column ${summary + 1}`, cells[summary].trim()));
    for (let k = 0; k < this.statusAt.length; k++) {
      const at = this.statusAt[k];
      if (this.stageJudged[k] && !isWonStage(at < n ? cells[at] : '')) return (this.rowIssue = openDealIssue(row, this.statusNames[k], at < n ? cells[at].trim() : ''));
    }
    if (this.pattern === null && this.dateAt >= 0 && this.dateAt < n) {
      const cell = cells[this.dateAt];
      if (cell !== '' && !isoLike(cell)) this.checkDate(cell, row);
    }
    if (this.minorUnitHint !== null && this.amountAt >= 0 && this.amountAt < n) this.checkMinorUnits(cells[this.amountAt], row);
    if (!this.decimalComma) {
      if (this.amountAt >= 0 && this.amountAt < n) this.checkQuantity(cells[this.amountAt], 'amount', row);
      if (this.unitsAt >= 0 && this.unitsAt < n) this.checkQuantity(cells[this.unitsAt], 'units', row);
    }
    if (this.refundAt >= 0 && this.refundAt < n && this.fatal === null && this.reading.refunded !== 'ignore') {
      const amount = this.amountAt >= 0 && this.amountAt < n ? cells[this.amountAt] : '';
      const read = this.refund(cells[this.refundAt], amount, row);
      if (read !== null && 'issue' in read) return (this.rowIssue = read.issue);
      // The array is the reader's own, handed on to the evaluation after this look.
      if (read !== null) (cells as string[])[this.amountAt] = read.cell;
    }
    return null;
  }

  /** A row's cells as pass 2 gives them to the evaluation: with --refunded deduct, the amount less the refund, as in pass 1. */
  crossingCells(cells: readonly string[]): readonly string[] {
    const n = cells.length;
    if (this.refundAt < 0 || this.refundAt >= n || this.amountAt < 0 || this.amountAt >= n || this.reading.refunded !== 'deduct') return cells;
    const read = this.refund(cells[this.refundAt], cells[this.amountAt], 0);
    if (read === null || !('cell' in read)) return cells;
    const out = cells.slice();
    out[this.amountAt] = read.cell;
    return out;
  }

  /**
   * A row's amount refunded, under the reading chosen: null when there is none (or it is not deducted), the row's
   * error, or (--refunded deduct) the amount cell less the refund.
   */
  private refund(refundCell: string, amountCell: string, row: number): { issue: RowIssue } | { cell: string } | null {
    if (refundCell === '') return null;
    const refunded = refundedValue(refundCell, this.formats, this.currency);
    if (refunded === null) return null;
    if ('problem' in refunded) {
      // An amount that does not read is the row's error already: the refund beside it is not a second one.
      return readsAsAmount(amountCell, this.formats, this.currency) ? { issue: unreadableRefundIssue(row, this.refundName, refundCell, refunded.problem) } : null;
    }
    const net = netAmountCell(amountCell, refunded.value, this.formats, this.currency);
    if (net !== null && 'problem' in net) return { issue: unreadableRefundIssue(row, this.refundName, refundCell, net.problem) };
    if (this.reading.refunded === undefined) return { issue: refundedIssue(row, this.refundName, refundCell.trim(), amountCell, net?.net ?? null) };
    return net === null ? null : { cell: net.cell };
  }

  /** Index of the first text cell that labels the row a total, or -1. */
  private summaryCell(cells: readonly string[], dated: boolean): number {
    const at = this.labelAt;
    for (let k = 0; k < at.length; k++) {
      const i = at[k];
      if (i < cells.length && isSummaryLabel(cells[i], dated)) return i;
    }
    return -1;
  }

  /** Records keyed by these names (a CSV read into objects): resolves them as the header. */
  recordKeys(keys: readonly string[]): void {
    const names = this.header(keys);
    keys.forEach((k, i) => {
      this.keyNames.set(k, names[i]);
      if (names[i] !== k) this.renamesKeys = true;
    });
  }

  /** A record with its keys renamed by the header (for JSON, resolved from the first record's keys); checked as `cells`. */
  record(record: LedgerRecord, row: number): LedgerRecord {
    this.rowIssue = null;
    if (!this.headerSeen) {
      this.recordKeys(Object.keys(record));
      if (this.fatal !== null) return record;
    }
    // A copy only when some key is renamed: otherwise the record is read as it is (no object per row).
    let out = record as Record<string, unknown>;
    if (this.renamesKeys) {
      out = {};
      for (const key in record) out[this.keyNames.get(key) ?? key] = record[key];
    }
    const date = out.date;
    if (typeof date === 'string' && date !== '' && !isoLike(date) && recordRepeatsHeader(record)) {
      this.rowIssue = repeatedHeaderIssue(row, this.mappedHeader.includes('id'));
      return out;
    }
    for (const name of this.statusNames) {
      const value = record[name] ?? out[name.toLowerCase()];
      if (typeof value === 'string' && isNotASale(value, name)) {
        this.rowIssue = notASaleIssue(row, name, value.trim());
        return out;
      }
    }
    const dated = typeof date === 'number' || (typeof date === 'string' && isDated(date));
    let at = 0;
    for (const key in out) {
      const value = out[key];
      at++;
      if (typeof value === 'string' && isSummaryLabel(value, dated)) {
        this.rowIssue = summaryRowIssue(row, key.trim() || `column ${at}`, value.trim());
        return out;
      }
    }
    for (let k = 0; k < this.statusNames.length; k++) {
      if (!this.stageJudged[k]) continue;
      const name = this.statusNames[k];
      const value = record[name] ?? out[name.toLowerCase()];
      const stage = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
      if (!isWonStage(stage)) {
        this.rowIssue = openDealIssue(row, name, stage.trim());
        return out;
      }
    }
    if (this.pattern === null && typeof date === 'string' && date !== '' && !isoLike(date)) this.checkDate(date, row);
    if (this.minorUnitHint !== null && (typeof out.amount === 'string' || typeof out.amount === 'number')) this.checkMinorUnits(String(out.amount), row);
    if (!this.decimalComma) {
      if (typeof out.amount === 'string') this.checkQuantity(out.amount, 'amount', row);
      if (typeof out.units === 'string') this.checkQuantity(out.units, 'units', row);
    }
    const refundCell = this.refundAt === -1 || this.fatal !== null || this.reading.refunded === 'ignore' ? undefined : out[this.refundKey];
    if (typeof refundCell === 'string' || typeof refundCell === 'number') {
      const amount = typeof out.amount === 'string' || typeof out.amount === 'number' ? String(out.amount) : '';
      const read = this.refund(String(refundCell), amount, row);
      if (read !== null && 'issue' in read) this.rowIssue = read.issue;
      else if (read !== null) {
        if (out === record) out = { ...record };
        out.amount = read.cell;
      }
    }
    return out;
  }

  /** A date that is not ISO while no format is given: one error naming the option, never a guess. */
  private checkDate(cell: string, row: number): void {
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
    } else if (/^\d{5}(\.\d+)?$/.test(text)) {
      this.fatal = {
        row,
        column: 'date',
        value: text,
        code: 'invalid-date',
        message: `dates are written like '${text}' (row ${row}), which looks like an Excel serial day number: pass --date-format excel if it is one`,
      };
    }
  }

  /**
   * Amounts beside a payment API's columns: the first one settles it. Written with a decimal point, they are
   * major units as everywhere else; a whole number may be cents, and the engine does not guess.
   */
  private checkMinorUnits(cell: string, row: number): void {
    const text = cell.trim();
    if (text === '') return;
    const hint = this.minorUnitHint;
    this.minorUnitHint = null;
    if (!/^[-+]?\d+$/.test(text)) return;
    const digits = this.currency === null ? 2 : minorUnits(this.currency);
    const asMinor = new CellFormats(null, false);
    asMinor.minorDigits = digits;
    this.fatal = {
      row,
      column: 'amount',
      value: text,
      code: 'amount-unit',
      message:
        `amounts are whole numbers such as '${text}' (row ${row}) beside the column '${hint}', as a payment API (Stripe's) writes them in the currency's smallest unit: ` +
        `${text} may be ${asMinor.fromMinorUnits(text)} or ${text}. The engine does not guess: pass --amount-unit minor (cents: ${text} is ${asMinor.fromMinorUnits(text)}) or --amount-unit major (${text} as written)`,
    };
  }

  /** An amount written with a decimal comma while none was announced: one error naming --decimal-comma. */
  private checkQuantity(cell: string, column: 'amount' | 'units', row: number): void {
    if (this.delimiter === ';' && column === 'amount' && THOUSANDS_WITH_POINT.test(cell) && (this.currency === null || minorUnits(this.currency) < 3)) {
      const text = cell.trim();
      this.fatal = {
        row,
        column,
        value: text,
        code: 'non-numeric-amount',
        message:
          `amount '${text}' (row ${row}) in a ';'-separated export may be ${text.replace(/\./g, '')} (a '.' grouping thousands, as most of Europe writes amounts) or ${text}: ` +
          `the engine does not guess; pass --decimal-comma if '.' groups thousands, or write three decimals with a fourth (${text}0) if they are decimals`,
      };
      return;
    }
    if (cell === '' || isPlainDecimal(cell)) return;
    if (column === 'amount' && this.checkMarkedGrouping(cell, row)) return;
    const read = amountInStyle(cell, { decimalComma: false, currency: null });
    if (!read.ok && read.code === 'decimal-comma') {
      this.fatal = { row, column, value: cell.trim(), code: column === 'units' ? 'non-numeric-units' : 'non-numeric-amount', message: `${column} ${read.message} (row ${row})` };
    }
  }

  /**
   * An amount with a currency mark and a point before three digits (`1.500 €`, `€12.500`, `$1.500`) in a currency not
   * written to three decimal places: most of Europe writes 1500 so, and the clause reader reads `€1.500` in a clause as
   * €1,500.00, so the ledger does not read it as 1.5 without a word, whatever the delimiter. A mark of another currency
   * than the clause's is left to the cell's own currency error.
   */
  private checkMarkedGrouping(cell: string, row: number): boolean {
    const marked = markedFigure(cell);
    if (marked === null || !POINT_GROUPED_FIGURE.test(marked.figure)) return false;
    if (this.currency !== null && !marked.currencies.includes(this.currency)) return false;
    const currencies = this.currency !== null ? [this.currency] : marked.currencies;
    const decimal = currencies.find((c) => minorUnits(c) < 3);
    if (decimal === undefined) return false;
    const text = cell.trim();
    const grouped = text.replace(marked.figure, marked.figure.replace(/\./g, ''));
    const fourth = text.replace(marked.figure, `${marked.figure}0`);
    this.fatal = {
      row,
      column: 'amount',
      value: text,
      code: 'non-numeric-amount',
      message:
        `amount '${text}' (row ${row}) may be ${grouped} (a '.' grouping thousands, as most of Europe writes amounts, and as a clause reads '${text}') or ${text} (a decimal point): ` +
        `${decimal} is not written to three decimal places, so the engine does not guess; pass --decimal-comma if '.' groups thousands, ` +
        `or write three decimals with a fourth (${fourth}) if they are decimals`,
    };
    return true;
  }
}

/**
 * The reading a library caller gives: `reading`, over what a `CellFormats` of theirs says (the library's older way to
 * give date and decimal formats, `CellFormats.of({ dateFormat, decimalComma })`).
 */
export function readingWith(reading: LedgerReading | undefined, formats: CellFormats | null | undefined): LedgerReading {
  const fromFormats: LedgerReading = {};
  if (formats != null) {
    if (formats.dates !== null) fromFormats.dateFormat = formats.dates === 'excel' ? 'excel' : formats.dates.text;
    if (formats.decimalComma) fromFormats.decimalComma = true;
    if (formats.minorDigits !== null) fromFormats.amountUnit = 'minor';
  }
  return { ...fromFormats, ...reading };
}

/** Whether a reading asks for anything beyond the plain ledger (so readers may keep their fast paths). */
export function isPlainReading(reading: LedgerReading): boolean {
  return (
    reading.columns === undefined &&
    (reading.delimiter === undefined || reading.delimiter === ',') &&
    (reading.encoding === undefined || reading.encoding === 'utf-8') &&
    reading.dateFormat === undefined &&
    reading.decimalComma !== true &&
    reading.amountUnit === undefined
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
  const issues = parsed.issues.slice();
  for (let i = 0; i < parsed.records.length; i++) {
    records.push(translator.record(parsed.records[i], i + 1));
    if (translator.fatal !== null) return { records: [], issues: [translator.fatal] };
    if (translator.rowIssue !== null) issues.push(translator.rowIssue);
  }
  return { records, issues };
}
