/**
 * Records into normalized rows: column names in any case, trimmed cells, exact quantities, dates in
 * the contract's zone, one currency, no repeated id.
 *
 * Pure functions and small stateful normalizers only: no Node built-ins, so the playground runs the
 * same normalizer in a browser.
 */
import { normalizeText } from '../values/text-key';
import { DateReader, type DateProblem } from '../time/date-reader';
import { ClockShifts } from '../time/clock-shifts';
import { ZoneClock } from '../time/zone-clock';
import { MAX_LEDGER_DECIMALS, MAX_LEDGER_DIGITS, parseQuantity, quantityFromNumber, tooLong, type Quantity } from '../values/quantity';
import type { LedgerColumn, LedgerRecord, LedgerRow, RowIssue, RowIssueCode } from './rows';
import type { CellFormats } from './cell-formats';

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
  /** How an export writes dates and amounts (cell-formats.ts); without it, only the ledger's own forms. */
  formats?: CellFormats | null;
  /**
   * The name cells the caller reads (default: all). A name cell cannot make a row invalid, so one
   * the caller never reads is left null instead of normalized: pass 1 of an evaluation reads the
   * product only for units milestones, the customer only for new-customer ones, the seller never.
   */
  reads?: { product: boolean; customer: boolean; seller: boolean };
}

export type NormalizeResult = { ok: true; row: LedgerRow } | { ok: false; issues: RowIssue[] };

function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    // Most cells need no trimming; checking the ends first avoids a copy per cell. Only printable ASCII
    // ends are taken as they are: a no-break space (U+00A0) or another Unicode space at an end is trimmed.
    const n = value.length;
    if (n === 0) return null;
    const first = value.charCodeAt(0), last = value.charCodeAt(n - 1);
    if (first > 32 && first < 127 && last > 32 && last < 127) return value;
    const text = value.trim();
    return text === '' ? null : text;
  }
  const text = String(value);
  return text === '' ? null : text;
}

/**
 * A cell compared as a name (id, product, customer, seller): `normalizeText`, the rule the clause's product
 * names follow too, so that a no-break space at an end, a curly apostrophe or a doubled space inside never
 * makes two names a reader sees as one compare different.
 */
function nameText(value: unknown): string | null {
  const text = cellText(value);
  if (text === null) return null;
  const normal = normalizeText(text);
  return normal === '' ? null : normal;
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

/**
 * The `id` cell of a record read as pass 1 reads it (`nameText`), or null (for a cheap second pass): the ids pass 1
 * found repeated are looked up by this text, so `A 1` and `A  1` are the one id in both passes.
 */
export function idCellText(record: LedgerRecord): string | null {
  for (const key in record) if (columnOf(key) === Col.Id) return nameText(record[key]);
  return null;
}

/** The `id` cell of a row read as cells (`layout` from `columnLayout`) read as pass 1 reads it, or null. */
export function idCellOfCells(cells: readonly string[], layout: ColumnLayout): string | null {
  const at = layout[Col.Id];
  return at >= 0 && at < cells.length ? nameText(cells[at]) : null;
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

/** Index of the `date` or `seller` cell in a layout (-1 when absent). */
export function dateIndex(layout: ColumnLayout): number {
  return layout[Col.Date];
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
  /** Local times a daylight-saving change skips or repeats, as read in the rows so far. */
  readonly clockShifts = new ClockShifts();
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

  private readonly formats: CellFormats | null;
  private readonly reads: { product: boolean; customer: boolean; seller: boolean };

  constructor(options: NormalizerOptions) {
    this.formats = options.formats ?? null;
    this.dates = DateReader.shared(options.clock ?? ZoneClock.shared(options.timeZone));
    this.required = ['date', ...(options.required ?? []).filter((c) => c !== 'date')];
    this.currency = options.currency ?? null;
    this.checkDuplicates = options.checkDuplicates ?? true;
    this.reads = options.reads ?? { product: true, customer: true, seller: true };
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
    const keys = this.recordKeys;
    const codes = this.recordCodes;
    let k = 0;
    for (const key in record) {
      // The k-th key of most records is the k-th key of the one before (a ledger's rows share their keys).
      let column: Col | -1;
      if (k < keys.length && keys[k] === key) column = codes[k];
      else {
        column = columnOf(key);
        keys[k] = key;
        codes[k] = column;
      }
      k++;
      if (column !== -1) cells[column] = record[key];
    }
    return this.normalizeFilled(row);
  }

  /** The keys of the record last normalized, in order, and `columnOf` each (a cache of it). */
  private readonly recordKeys: string[] = [];
  private readonly recordCodes: Array<Col | -1> = [];

  /**
   * `normalize` for a row read as an array of cells (a CSV row), with `layout` from
   * `columnLayout(header)`: no object per row. A cell past the row's end is absent, as
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
      const problem = this.readDate(dateText);
      if (problem === null) {
        time = this.dates.time;
        day = this.dates.day;
        if (this.dates.shift !== 0) this.clockShifts.record(this.dates, row, dateText);
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

    const explicitId = idCell === ABSENT ? null : nameText(idCell);
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
      const reads = this.reads;
      r.product = productCell === ABSENT || !reads.product ? null : nameText(productCell);
      r.customer = customerCell === ABSENT || !reads.customer ? null : nameText(customerCell);
      r.seller = sellerCell === ABSENT || !reads.seller ? null : nameText(sellerCell);
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
        product: productCell === ABSENT || !this.reads.product ? null : nameText(productCell),
        customer: customerCell === ABSENT || !this.reads.customer ? null : nameText(customerCell),
        seller: sellerCell === ABSENT || !this.reads.seller ? null : nameText(sellerCell),
      },
    };
  }

  /**
   * Reads a (trimmed) date cell into `dates.time` and `dates.day`, in the ledger's own forms or, for
   * one that does not start `YYYY-`, in the export's format; null on success, else the problem.
   */
  readDate(text: string): DateProblem | null {
    const formats = this.formats;
    if (formats !== null) {
      if (!(text.length >= 10 && text.charCodeAt(4) === 45)) {
        const read = formats.date(text);
        if (read !== null) return read.ok ? this.dates.parse(formats.zoned(read.text)) : { ok: false, code: 'invalid-date', message: read.message };
      } else if (formats.utcTimes) {
        return this.dates.parse(formats.zoned(text));
      }
    }
    return this.dates.parse(text);
  }

  private quantity(value: unknown, column: LedgerColumn, code: RowIssueCode): Quantity | null {
    if (value === ABSENT) return null;
    if (column === 'amount' && this.formats !== null && this.formats.minorDigits !== null) return this.minorAmount(value, code);
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
    const formats = this.formats;
    let q = typeof value === 'string' && (formats === null || !formats.rereads(text)) ? parseQuantity(text) : null;
    if (q === null && formats !== null) {
      const read = formats.quantity(text, column === 'amount' ? this.currency : null);
      if (!read.ok) {
        this.fail(column, value, read.code === 'currency-mismatch' ? 'currency-mismatch' : code, `${column} ${read.message}`);
        return null;
      }
      q = parseQuantity(read.text);
    }
    if (q === null) {
      this.fail(column, value, code, `${column} '${text}' is not a plain signed decimal such as 1200.50 or -35 (no currency symbols or thousands separators)`);
      return null;
    }
    return typeof q === 'number' ? q : this.withinLimit(q, column, value);
  }

  /** An amount in minor units (`--amount-unit minor`): a whole number, shifted by the currency's minor digits. */
  private minorAmount(value: unknown, code: RowIssueCode): Quantity | null {
    const text = typeof value === 'number' ? String(value) : cellText(value);
    if (text === null) return null;
    const major = (this.formats as CellFormats).fromMinorUnits(text);
    const q = major === null ? null : parseQuantity(major);
    if (q === null) {
      this.fail('amount', value, code, `amount '${text}' is not a whole number of the currency's smallest unit, such as 60000 for 600.00 (--amount-unit minor)`);
      return null;
    }
    return typeof q === 'number' ? q : this.withinLimit(q, 'amount', value);
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
