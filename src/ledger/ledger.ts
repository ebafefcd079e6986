/**
 * The sales ledger: reading texts into records, and records into normalized rows.
 *
 * Pure functions and small stateful normalizers only: no Node built-ins, so the playground can run
 * the same reader in a browser. Row numbers are 1-based and count data records (row 1 is the first
 * record after a CSV header, the first element of a JSON array, the first non-blank NDJSON line).
 */
import Papa from 'papaparse';
import { civilDay, daysInMonth } from '../time/periods';
import { MAX_LEDGER_DECIMALS, MAX_LEDGER_DIGITS, parseQuantity, quantityFromNumber, tooLong, type Quantity } from '../values/quantity';
import { ZoneClock } from '../time/zone-clock';

/** One input record as read: column name (any case) → cell. */
export type LedgerRecord = Readonly<Record<string, unknown>>;

export type LedgerFormat = 'csv' | 'json' | 'ndjson';

/** A row after normalization. Quantities are exact (see quantity.ts). */
export interface LedgerRow {
  /** 1-based record number, the tie-breaker for rows at the same instant. */
  row: number;
  /** The `id` cell, or the row number when there is none. */
  id: string;
  /** Epoch milliseconds. */
  time: number;
  /** The local day in the contract zone (days since 1970-01-01). */
  day: number;
  amount: Quantity | null;
  currency: string | null;
  units: Quantity | null;
  /** Trimmed as written. */
  product: string | null;
  customer: string | null;
  seller: string | null;
}

export type RowIssueCode =
  | 'impossible-date'
  | 'invalid-date'
  | 'non-numeric-amount'
  | 'non-numeric-units'
  | 'currency-mismatch'
  | 'duplicate-id'
  | 'missing-column'
  | 'missing-value'
  | 'malformed-row'
  | 'empty-ledger'
  | 'inexact-json-number'
  | 'number-too-long';

/** What is wrong with one cell (or one whole row, column `*`). */
export interface RowIssue {
  row: number;
  column: string;
  value: string;
  code: RowIssueCode;
  message: string;
}

export type LedgerColumn = 'id' | 'date' | 'amount' | 'currency' | 'units' | 'product' | 'customer' | 'seller';

export interface NormalizerOptions {
  /** IANA zone for dates without an offset. */
  timeZone: string;
  /** Columns whose absence (or empty cell) is an error: `date` always, `amount`/`units` when a metric reads them. */
  required?: ReadonlyArray<LedgerColumn>;
  /** The clause's currency; a row in any other is an error. Null accepts any. */
  currency?: string | null;
  /** Detect duplicate explicit ids (pass 1 only: a second pass over the same rows must not). */
  checkDuplicates?: boolean;
  /** Shared with the evaluator so both see the same cached midnights. */
  clock?: ZoneClock;
  /**
   * Return the same result object, overwritten, from every successful call: for callers that
   * use each row before the next call and keep nothing of it (pass 1 of the evaluation), so that
   * millions of rows allocate no row objects.
   */
  reuseRow?: boolean;
}

export type NormalizeResult = { ok: true; row: LedgerRow } | { ok: false; issues: RowIssue[] };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Result of reading a date cell: the instant and local day, or what is wrong. */
export type DateReading = { ok: true; time: number; day: number } | DateProblem;
export type DateProblem = { ok: false; code: 'impossible-date' | 'invalid-date'; message: string };

const DAY_MS = 86_400_000;

/**
 * Reads date cells for one zone. `YYYY-MM-DD` is the start of that local day; a date-time with an
 * offset or `Z` is that instant; one without is local wall-clock time in the zone.
 */
export class DateReader {
  readonly clock: ZoneClock;
  /** Set by a successful `parse`: the instant (epoch ms) and the local day (days since 1970-01-01). */
  time = 0;
  day = 0;
  private readonly dateOnly = new Map<string, number>();

  constructor(clock: ZoneClock) {
    this.clock = clock;
  }

  private static readonly byClock = new WeakMap<ZoneClock, DateReader>();

  /**
   * One reader per clock (issue 4): its cache of plain dates depends on the zone alone, so the
   * hundreds of evaluations of a portfolio share it. `time`/`day` are read right after `parse`.
   */
  static shared(clock: ZoneClock): DateReader {
    let reader = DateReader.byClock.get(clock);
    if (reader === undefined) {
      reader = new DateReader(clock);
      DateReader.byClock.set(clock, reader);
    }
    return reader;
  }

  read(text: string): DateReading {
    const problem = this.parse(text);
    return problem ?? { ok: true, time: this.time, day: this.day };
  }

  /** Reads into `time` and `day` without allocating; null on success, else the problem. */
  parse(text: string): DateProblem | null {
    if (text.length === 10) {
      const day = this.dateOnly.get(text);
      if (day !== undefined) {
        this.day = day;
        this.time = this.clock.midnight(day);
        return null;
      }
    } else if (this.readDateTime(text)) {
      return null;
    }
    let m = DATE_ONLY.exec(text);
    if (m) {
      const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
      if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return impossible(text);
      const day = civilDay(y, mo, d);
      this.dateOnly.set(text, day);
      this.day = day;
      this.time = this.clock.midnight(day);
      return null;
    }
    m = DATE_TIME.exec(text);
    if (!m) {
      return { ok: false, code: 'invalid-date', message: 'not a date: use YYYY-MM-DD or an ISO date-time such as 2026-03-01T14:30:00-05:00' };
    }
    const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
    const h = Number(m[4]), mi = Number(m[5]), s = m[6] ? Number(m[6]) : 0;
    // Sub-millisecond digits are dropped: rows closer than 1 ms are ordered by input order.
    const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return impossible(text);
    const zone = m[8];
    if (zone === undefined) {
      this.setLocal(civilDay(y, mo, d), h, mi, s, ms);
      return null;
    }
    let offsetMinutes = 0;
    if (zone !== 'Z' && zone !== 'z') {
      const digits = zone.slice(1).replace(':', '');
      const oh = Number(digits.slice(0, 2)), om = digits.length > 2 ? Number(digits.slice(2)) : 0;
      if (oh > 23 || om > 59) return impossible(text);
      offsetMinutes = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
    }
    this.setInstant(civilDay(y, mo, d) * DAY_MS + h * 3_600_000 + mi * 60_000 + s * 1000 + ms - offsetMinutes * 60_000);
    return null;
  }

  private setLocal(day: number, h: number, mi: number, s: number, ms: number): void {
    this.time = this.clock.localTime(day, h, mi, s, ms);
    // A wall-clock time moved forward by a DST gap may cross midnight.
    this.day = this.clock.dayOf(this.time);
  }

  private setInstant(time: number): void {
    this.time = time;
    this.day = this.clock.dayOf(time);
  }

  /**
   * The common shape `YYYY-MM-DD(T| )HH:MM:SS[.fff][Z|±HH:MM]`, read by character codes (the regex
   * path in `parse` handles every other accepted form, and all errors). False: not this shape.
   */
  private readDateTime(text: string): boolean {
    const n = text.length;
    const t = text.charCodeAt(10);
    if (n < 19 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || (t !== 84 && t !== 32) || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) {
      return false;
    }
    const y = two(text, 0) * 100 + two(text, 2), mo = two(text, 5), d = two(text, 8);
    const h = two(text, 11), mi = two(text, 14), s = two(text, 17);
    let i = 19;
    let ms = 0;
    if (i < n && text.charCodeAt(i) === 46) {
      let scale = 100;
      for (i++; i < n; i++) {
        const c = digit(text, i);
        if (Number.isNaN(c)) break;
        ms += c * scale;
        scale /= 10;
      }
      ms = Math.floor(ms);
    }
    if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) && h <= 23 && mi <= 59 && s <= 59)) return false;
    if (i === n) {
      this.setLocal(civilDay(y, mo, d), h, mi, s, ms);
      return true;
    }
    let offsetMinutes = 0;
    const sign = text.charCodeAt(i);
    if (sign === 90 && i + 1 === n) offsetMinutes = 0; // 'Z'
    else if ((sign === 43 || sign === 45) && i + 6 === n && text.charCodeAt(i + 3) === 58) {
      const oh = two(text, i + 1), om = two(text, i + 4);
      if (!(oh <= 23 && om <= 59)) return false;
      offsetMinutes = (sign === 45 ? -1 : 1) * (oh * 60 + om);
    } else return false;
    this.setInstant(civilDay(y, mo, d) * DAY_MS + h * 3_600_000 + mi * 60_000 + s * 1000 + ms - offsetMinutes * 60_000);
    return true;
  }
}

const digit = (text: string, i: number): number => {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
};
const two = (text: string, i: number): number => digit(text, i) * 10 + digit(text, i + 1);

function impossible(text: string): DateProblem {
  return { ok: false, code: 'impossible-date', message: `${text} is not a real calendar date or time` };
}

function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    // Most cells need no trimming; checking the ends first avoids a copy per cell.
    const n = value.length;
    if (n === 0) return null;
    if (value.charCodeAt(0) > 32 && value.charCodeAt(n - 1) > 32) return value;
    const text = value.trim();
    return text === '' ? null : text;
  }
  const text = String(value);
  return text === '' ? null : text;
}

/** Column codes, so that the per-row loop compares small integers, not strings. */
const enum Col {
  Id,
  Date,
  Amount,
  Currency,
  Units,
  Product,
  Customer,
  Seller,
}
const COLUMN_CODES: ReadonlyMap<string, Col> = new Map([
  ['id', Col.Id],
  ['date', Col.Date],
  ['amount', Col.Amount],
  ['currency', Col.Currency],
  ['units', Col.Units],
  ['product', Col.Product],
  ['customer', Col.Customer],
  ['seller', Col.Seller],
]);
const COLUMN_INDEX: Readonly<Record<LedgerColumn, Col>> = {
  id: Col.Id,
  date: Col.Date,
  amount: Col.Amount,
  currency: Col.Currency,
  units: Col.Units,
  product: Col.Product,
  customer: Col.Customer,
  seller: Col.Seller,
};
const canonicalNames = new Map<string, Col | -1>();

/** The column a record key names (any case, surrounding spaces ignored), or -1 for other columns. */
function columnOf(key: string): Col | -1 {
  let code = canonicalNames.get(key);
  if (code === undefined) {
    code = COLUMN_CODES.get(key.trim().toLowerCase()) ?? -1;
    if (canonicalNames.size < 10_000) canonicalNames.set(key, code);
  }
  return code;
}

/** The trimmed `id` cell of a record, or null (for a cheap second pass). */
export function idCellText(record: LedgerRecord): string | null {
  for (const key in record) if (columnOf(key) === Col.Id) return cellText(record[key]);
  return null;
}

/** The trimmed `id` cell of a row read as cells (`layout` from `columnLayout`), or null. */
export function idCellOfCells(cells: readonly string[], layout: ColumnLayout): string | null {
  const at = layout[Col.Id];
  return at >= 0 && at < cells.length ? cellText(cells[at]) : null;
}

/** The `date` cell of a record, without normalizing the rest (for a cheap second pass). */
export function dateCell(record: LedgerRecord): unknown {
  for (const key in record) if (columnOf(key) === Col.Date) return record[key];
  return undefined;
}

const ABSENT = Symbol('absent');

/** Where each known column is in a CSV row's cells (-1: absent), indexed by the internal column code. */
export type ColumnLayout = Int32Array;

/** The layout of a CSV header (names in any case, surrounding spaces ignored; the first of duplicates wins). */
export function columnLayout(header: readonly string[]): ColumnLayout {
  const layout = new Int32Array(8).fill(-1);
  header.forEach((name, i) => {
    const c = columnOf(name);
    if (c !== -1 && layout[c] === -1) layout[c] = i;
  });
  return layout;
}

/** Index of the `date`, `id` or `seller` cell in a layout (-1 when absent). */
export function dateIndex(layout: ColumnLayout): number {
  return layout[Col.Date];
}
export function idIndex(layout: ColumnLayout): number {
  return layout[Col.Id];
}
export function sellerIndex(layout: ColumnLayout): number {
  return layout[Col.Seller];
}

/**
 * Normalizes records one at a time. Stateful only for duplicate ids, and for caches that make
 * the per-row work a few map lookups.
 */
export class RowNormalizer {
  readonly dates: DateReader;
  private readonly required: ReadonlyArray<LedgerColumn>;
  private readonly currency: string | null;
  private readonly checkDuplicates: boolean;
  /** Explicit id → the row that first used it. */
  private readonly seenIds = new Map<string, number>();
  private issues: RowIssue[] | null = null;
  private row = 0;
  /** The `id` cell of the record last normalized (null when it had none, so its id is its row number). */
  explicitId: string | null = null;
  /** Cells of the current record by column code; reused, so a row allocates no lookup object. */
  private readonly cells: unknown[] = new Array(8).fill(ABSENT);

  constructor(options: NormalizerOptions) {
    this.dates = DateReader.shared(options.clock ?? ZoneClock.shared(options.timeZone));
    this.required = ['date', ...(options.required ?? []).filter((c) => c !== 'date')];
    this.currency = options.currency ?? null;
    this.checkDuplicates = options.checkDuplicates ?? true;
    this.requiredCodes = this.required.map((c) => COLUMN_INDEX[c]);
    this.reused = options.reuseRow
      ? { ok: true, row: { row: 0, id: '', time: 0, day: 0, amount: null, currency: null, units: null, product: null, customer: null, seller: null } }
      : null;
  }

  private readonly reused: { ok: true; row: LedgerRow } | null;
  private readonly requiredCodes: readonly number[];

  private fail(column: string, value: unknown, code: RowIssueCode, message: string): void {
    (this.issues ??= []).push({ row: this.row, column, value: value === undefined || value === null || value === ABSENT ? '' : String(value), code, message });
  }

  normalize(record: LedgerRecord, row: number): NormalizeResult {
    const cells = this.cells;
    cells.fill(ABSENT);
    for (const key in record) {
      const column = columnOf(key);
      if (column !== -1) cells[column] = record[key];
    }
    return this.normalizeFilled(row);
  }

  /**
   * `normalize` for a row read as an array of cells (a CSV row), with `layout` from
   * `columnLayout(header)`: no object per row (issue 4). A cell past the row's end is absent, as
   * the key would be in a record.
   */
  normalizeCells(values: readonly string[], layout: ColumnLayout, row: number): NormalizeResult {
    const cells = this.cells;
    const n = values.length;
    for (let c = 0; c < 8; c++) {
      const at = layout[c];
      cells[c] = at >= 0 && at < n ? values[at] : ABSENT;
    }
    return this.normalizeFilled(row);
  }

  private normalizeFilled(row: number): NormalizeResult {
    this.issues = null;
    this.row = row;
    const cells = this.cells;
    const required = this.required;
    for (let k = 0; k < required.length; k++) {
      const value = cells[this.requiredCodes[k]];
      if (value === ABSENT) this.fail(required[k], undefined, 'missing-column', `required column '${required[k]}' is missing`);
      else if (cellText(value) === null) this.fail(required[k], value, 'missing-value', `required column '${required[k]}' is empty`);
    }
    const date = cells[Col.Date], amountCell = cells[Col.Amount], unitsCell = cells[Col.Units], currencyCell = cells[Col.Currency];
    const idCell = cells[Col.Id], productCell = cells[Col.Product], customerCell = cells[Col.Customer], sellerCell = cells[Col.Seller];

    let time = 0, day = 0;
    const dateText = date === ABSENT ? null : cellText(date);
    if (dateText !== null) {
      const problem = this.dates.parse(dateText);
      if (problem === null) {
        time = this.dates.time;
        day = this.dates.day;
      } else {
        this.fail('date', date, problem.code, problem.message);
      }
    }

    const amount = this.quantity(amountCell, 'amount', 'non-numeric-amount');
    const units = this.quantity(unitsCell, 'units', 'non-numeric-units');

    let currency = currencyCell === ABSENT ? null : cellText(currencyCell);
    // The clause's code as written needs no case folding (the common case: no copy per row).
    if (currency !== null && currency !== this.currency) {
      currency = currency.toUpperCase();
      if (this.currency !== null && currency !== this.currency) {
        this.fail('currency', currencyCell, 'currency-mismatch', `currency ${currency} differs from the clause's ${this.currency}; amounts in different currencies are never summed`);
      }
    }

    const explicitId = idCell === ABSENT ? null : cellText(idCell);
    this.explicitId = explicitId;
    if (explicitId !== null && this.checkDuplicates) {
      const first = this.seenIds.get(explicitId);
      if (first !== undefined) this.fail('id', explicitId, 'duplicate-id', `id ${explicitId} was already used by row ${first}; each sale must be counted once`);
      else this.seenIds.set(explicitId, row);
    }

    if (this.issues !== null) return { ok: false, issues: this.issues };
    const reused = this.reused;
    if (reused !== null) {
      const r = reused.row;
      r.row = row;
      r.id = explicitId ?? String(row);
      r.time = time;
      r.day = day;
      r.amount = amount;
      r.currency = currency;
      r.units = units;
      r.product = productCell === ABSENT ? null : cellText(productCell);
      r.customer = customerCell === ABSENT ? null : cellText(customerCell);
      r.seller = sellerCell === ABSENT ? null : cellText(sellerCell);
      return reused;
    }
    return {
      ok: true,
      row: {
        row,
        id: explicitId ?? String(row),
        time,
        day,
        amount,
        currency,
        units,
        product: productCell === ABSENT ? null : cellText(productCell),
        customer: customerCell === ABSENT ? null : cellText(customerCell),
        seller: sellerCell === ABSENT ? null : cellText(sellerCell),
      },
    };
  }

  private quantity(value: unknown, column: LedgerColumn, code: RowIssueCode): Quantity | null {
    if (value === ABSENT) return null;
    if (typeof value === 'number') {
      if (inexactJsonNumber(value)) {
        this.fail(
          column,
          value,
          'inexact-json-number',
          `${column} ${String(value)} is a JSON number with more digits than JSON.parse keeps exactly (15 significant digits; integers below 10^15), ` +
            `so it may already have been rounded: quote the ${column === 'units' ? 'units' : 'amount'} as a string to keep every digit`,
        );
        return null;
      }
      const q = quantityFromNumber(value);
      if (q === null) this.fail(column, value, code, `${column} must be a finite number`);
      return q === null ? null : this.withinLimit(q, column, value);
    }
    const text = cellText(value);
    if (text === null) return null;
    const q = typeof value === 'string' ? parseQuantity(text) : null;
    if (q === null) {
      this.fail(column, value, code, `${column} '${text}' is not a plain signed decimal such as 1200.50 or -35 (no currency symbols or thousands separators)`);
      return null;
    }
    return typeof q === 'number' ? q : this.withinLimit(q, column, value);
  }

  /** A slow-path (Dec) value beyond the documented length limit is a row error, not a rounded sum. */
  private withinLimit(q: Quantity, column: LedgerColumn, value: unknown): Quantity | null {
    const long = tooLong(q);
    if (long === null) return q;
    this.fail(
      column,
      value,
      'number-too-long',
      `${column} has ${long.digits} digits, ${long.decimals} of them decimals: the limit is ${MAX_LEDGER_DIGITS} digits, at most ` +
        `${MAX_LEDGER_DECIMALS} decimals, so that sums over up to 10^9 rows stay exact (60 significant digits)`,
    );
    return null;
  }
}

/**
 * Whether a JSON number cell may not be what its author wrote: JSON.parse rounds to the nearest
 * double, which keeps every decimal of at most 15 significant digits. So a value whose shortest
 * form has more than 15, or any integer of 16 digits or more however short its form (even a safe
 * one such as 9007199254740991, which 9007199254740990.6 also parses to; 1e20 may have been
 * written 100000000000000000001), is refused. A fraction written with more than 17 digits that
 * rounds to a short form (0.10000000000000000001 → 0.1) cannot be told from the value alone.
 */
export function inexactJsonNumber(value: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (Number.isInteger(value)) return !Number.isSafeInteger(value) || Math.abs(value) >= 1e15;
  const text = String(value);
  // More than 15 digits and a '.' (or an exponent) take at least 17 characters: most cells stop here.
  return text.length > 16 && significantDigits(text) > 15;
}

/** Significant digits of a number's shortest form ("-0.00012345" → 5, "1.5e-7" → 2). */
function significantDigits(text: string): number {
  let digits = text;
  const e = digits.search(/[eE]/);
  if (e >= 0) digits = digits.slice(0, e);
  digits = digits.replace(/[-+.]/g, '').replace(/^0+/, '').replace(/0+$/, '');
  return digits.length;
}

/** Records read from a text, plus problems found while reading (which make the ledger invalid). */
export interface ParsedLedger {
  records: LedgerRecord[];
  issues: RowIssue[];
}

/**
 * A ledger with nothing in it: a CSV file without even a header row (0 bytes, or only blank
 * lines), a JSON `[]`, an NDJSON file without a record. Almost always an export that went wrong,
 * so it is an error (row 0: the ledger as a whole), never "every milestone missed". A CSV with a
 * header and no rows is read (0 rows) and the evaluation warns (`no-rows`).
 */
export function emptyLedgerIssue(format: LedgerFormat): RowIssue {
  const what =
    format === 'csv'
      ? 'the CSV ledger is empty: not even a header row (expected one such as id,date,amount, then one sale per line)'
      : format === 'json'
        ? 'the JSON ledger is an empty array: it holds no sales'
        : 'the NDJSON ledger holds no records: expected one JSON object per line';
  return { row: 0, column: '*', value: '', code: 'empty-ledger', message: `${what}; refusing to evaluate as if no sale had been made` };
}

/** CSV with a header row; BOM, CRLF and quoted fields (with commas, quotes and line breaks) are handled. */
export function parseCsvLedger(text: string): ParsedLedger {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { records: [], issues: [emptyLedgerIssue('csv')] };
  const result = Papa.parse<Record<string, string>>(body, {
    header: true,
    delimiter: ',',
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const issues: RowIssue[] = [];
  for (const error of result.errors) {
    const row = (error.row ?? 0) + 1;
    issues.push({ row, column: '*', value: '', code: 'malformed-row', message: `malformed CSV: ${error.message}` });
  }
  return { records: result.data, issues };
}

/** A JSON array of objects. */
export function parseJsonLedger(text: string): ParsedLedger {
  let data: unknown;
  try {
    data = JSON.parse(stripBom(text));
  } catch (e) {
    return { records: [], issues: [{ row: 0, column: '*', value: '', code: 'malformed-row', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  if (!Array.isArray(data)) {
    return { records: [], issues: [{ row: 0, column: '*', value: '', code: 'malformed-row', message: 'a JSON ledger must be an array of objects' }] };
  }
  if (data.length === 0) return { records: [], issues: [emptyLedgerIssue('json')] };
  return collect(data.map((item, i) => ({ item, row: i + 1 })));
}

/** One JSON object per line; blank lines are skipped and do not count as rows. */
export function parseNdjsonLedger(text: string): ParsedLedger {
  const items: Array<{ item: unknown; row: number; error?: string }> = [];
  let row = 0;
  for (const line of stripBom(text).split(/\r?\n/)) {
    if (line.trim() === '') continue;
    row++;
    try {
      items.push({ item: JSON.parse(line), row });
    } catch (e) {
      items.push({ item: undefined, row, error: (e as Error).message });
    }
  }
  if (items.length === 0) return { records: [], issues: [emptyLedgerIssue('ndjson')] };
  return collect(items);
}

export function parseLedgerText(text: string, format: LedgerFormat): ParsedLedger {
  switch (format) {
    case 'csv':
      return parseCsvLedger(text);
    case 'json':
      return parseJsonLedger(text);
    case 'ndjson':
      return parseNdjsonLedger(text);
  }
}

function collect(items: Array<{ item: unknown; row: number; error?: string }>): ParsedLedger {
  const records: LedgerRecord[] = [];
  const issues: RowIssue[] = [];
  for (const { item, row, error } of items) {
    if (error !== undefined) {
      issues.push({ row, column: '*', value: '', code: 'malformed-row', message: `not valid JSON: ${error}` });
      records.push({});
    } else if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      issues.push({ row, column: '*', value: JSON.stringify(item) ?? '', code: 'malformed-row', message: 'each row must be a JSON object' });
      records.push({});
    } else {
      records.push(item as LedgerRecord);
    }
  }
  return { records, issues };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
