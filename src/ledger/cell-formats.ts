/**
 * Dates and amounts as spreadsheets and CRMs write them, rewritten into the ledger's own forms
 * (`YYYY-MM-DD[THH:MM:SS]` local to the contract zone; a plain signed decimal) before a row is
 * normalized. Nothing is guessed: a day-month order comes from `--date-format`, a decimal comma from
 * `--decimal-comma`, a serial day number from `--date-format excel` (or a typed XLSX date cell);
 * currency symbols and codes are accepted only when they name the clause's currency.
 *
 * Pure and browser-safe.
 */

/** A date order with its separator ("MM/DD/YYYY"), the ISO default, or Excel serial day numbers. */
export type DateFormat = string;

export const DATE_FORMATS_SHOWN = 'YYYY-MM-DD (default), MM/DD/YYYY, DD/MM/YYYY, DD.MM.YYYY, DD-MM-YYYY, YYYY/MM/DD, excel';

/** A date format read: the order of day, month and year, and the separator. */
export interface DatePattern {
  text: string;
  order: 'DMY' | 'MDY' | 'YMD';
  separator: string;
}

/** Reads a `--date-format` value; null when it is not one of the supported shapes. */
export function parseDateFormat(text: string): DatePattern | 'excel' | null {
  const upper = text.trim().toUpperCase();
  if (upper === 'EXCEL') return 'excel';
  const m = /^(DD|MM|YYYY)([/.\-])(DD|MM|YYYY)\2(DD|MM|YYYY)$/.exec(upper);
  if (m === null) return null;
  const order = `${m[1][0]}${m[3][0]}${m[4][0]}`;
  if (order !== 'DMY' && order !== 'MDY' && order !== 'YMD') return null;
  return { text: upper, order, separator: m[2] };
}

export type CellResult = { ok: true; text: string } | { ok: false; message: string };

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/;
const pad = (n: number): string => String(n).padStart(2, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `01/06/2026 14:30` in `pattern` → `2026-01-06T14:30:00`; a date alone → `2026-01-06`. */
export function dateInFormat(cell: string, pattern: DatePattern): CellResult {
  const text = cell.trim();
  const space = text.search(/[ T]/);
  const datePart = space === -1 ? text : text.slice(0, space);
  const timePart = space === -1 ? '' : text.slice(space + 1).trim();
  const parts = datePart.split(pattern.separator);
  const expected = `a date written ${pattern.text}${pattern.text === 'MM/DD/YYYY' ? ' such as 01/31/2026' : ''}`;
  if (parts.length !== 3 || !parts.every((p) => /^\d+$/.test(p))) return { ok: false, message: `'${text}' is not ${expected} (--date-format ${pattern.text})` };
  const at = (c: string): string => parts[pattern.order.indexOf(c)];
  const y = at('Y'), mo = at('M'), d = at('D');
  if (y.length !== 4 || mo.length > 2 || d.length > 2) return { ok: false, message: `'${text}' is not ${expected}: the year needs four digits, the day and month one or two` };
  const year = Number(y), month = Number(mo), day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return { ok: false, message: `'${text}' read as ${pattern.text} is not a real calendar date` };
  const iso = `${y}-${pad(month)}-${pad(day)}`;
  if (timePart === '') return { ok: true, text: iso };
  const t = TIME.exec(timePart);
  if (t === null) return { ok: false, message: `'${text}': the time '${timePart}' is not HH:MM[:SS] (optionally AM/PM)` };
  let hour = Number(t[1]);
  const minute = Number(t[2]), second = t[3] === undefined ? 0 : Number(t[3]);
  if (t[4] !== undefined) {
    if (hour < 1 || hour > 12) return { ok: false, message: `'${text}': ${hour} is not an hour on a 12-hour clock` };
    hour = (hour % 12) + (t[4].toUpperCase() === 'PM' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, message: `'${text}': the time is not a real time of day` };
  return { ok: true, text: `${iso}T${pad(hour)}:${pad(minute)}:${pad(second)}` };
}

/** Excel's day 1 is 1900-01-01, but it counts a 1900-02-29 that never was: serials from 61 on are days since 1899-12-30. */
const EXCEL_EPOCH_DAYS = Date.UTC(1899, 11, 30) / 86_400_000;

/** An ISO date-time without an offset. */
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?$/;

/** A workbook in the 1904 date system counts its serials from 1904-01-01: 1462 days after the 1900 system's day 0. */
const DATE_1904_OFFSET_DAYS = 1462;

/**
 * An Excel serial day number (days since 1899-12-30, a fraction for the time of day; in a workbook of the
 * 1904 date system, days since 1904-01-01) as a local date-time.
 */
export function excelSerialDate(cell: string | number, date1904 = false): CellResult {
  const n = typeof cell === 'number' ? cell : Number(String(cell).trim());
  if (!Number.isFinite(n) || String(cell).trim() === '') return { ok: false, message: `'${cell}' is not an Excel serial day number (--date-format excel)` };
  if (n < 61 && !date1904) return { ok: false, message: `Excel serial day ${n} is before 1900-03-01, where Excel's calendar counts a day that never was` };
  const days = Math.floor(n) + (date1904 ? DATE_1904_OFFSET_DAYS : 0);
  const ms = Math.round((n - Math.floor(n)) * 86_400_000 / 1000) * 1000;
  const date = new Date((EXCEL_EPOCH_DAYS + days) * 86_400_000 + ms);
  return { ok: true, text: isoOfUtcFields(date, ms !== 0) };
}

/** The wall-clock fields of a Date read as UTC (how XLSX readers hand over zone-less cells) as local ISO text. */
export function isoOfUtcFields(date: Date, withTime: boolean): string {
  const iso = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  return withTime ? `${iso}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}` : iso;
}

/** Which day-month orders a date such as `01/06/2026` or `13.01.2026` fits; empty when it is not one. */
export function ordersThatFit(cell: string): DatePattern[] {
  const m = /^\s*(\d{1,4})([/.\-])(\d{1,2})\2(\d{1,4})(?:[ T].*)?$/.exec(cell);
  if (m === null) return [];
  const candidates = m[1].length === 4 ? ['YYYY?MM?DD'] : ['MM?DD?YYYY', 'DD?MM?YYYY'];
  const fits: DatePattern[] = [];
  for (const c of candidates) {
    const pattern = parseDateFormat(c.split('?').join(m[2]));
    if (pattern !== null && pattern !== 'excel' && dateInFormat(cell, pattern).ok) fits.push(pattern);
  }
  return fits;
}

// --- amounts ---------------------------------------------------------------------------------------

/** Symbols written before or after amounts, and the currencies each may stand for. */
const SYMBOLS: ReadonlyArray<[string, readonly string[]]> = [
  ['US$', ['USD']],
  ['CA$', ['CAD']],
  ['A$', ['AUD']],
  ['NZ$', ['NZD']],
  ['$', ['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN']],
  ['€', ['EUR']],
  ['£', ['GBP']],
  ['¥', ['JPY', 'CNY']],
  ['₹', ['INR']],
  ['CHF', ['CHF']],
  ['kr', ['SEK', 'NOK', 'DKK']],
];

export interface AmountStyle {
  /** `,` is the decimal mark and `.`, space or `'` group thousands (most of Europe). */
  decimalComma: boolean;
  /** The clause's currency: a symbol or code for another one is an error. Null accepts none. */
  currency: string | null;
}

export type AmountResult = { ok: true; text: string } | { ok: false; code: 'non-numeric-amount' | 'currency-mismatch' | 'decimal-comma'; message: string };

/** A plain signed decimal needs no rewriting (the common case: checked by character codes). */
export function isPlainDecimal(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  let i = text.charCodeAt(0) === 45 || text.charCodeAt(0) === 43 ? 1 : 0;
  let digits = 0;
  let dot = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !dot) dot = true;
    else return false;
  }
  return digits > 0;
}

/**
 * `$18,400.00`, `"18,400.00"`, `($4,200.00)`, `-1 234,50 €`, `EUR 1.200,00` → a plain decimal. The
 * grouping must be regular (groups of three), so that `1,5` in a decimal-point ledger is never read as
 * fifteen: it is the error `decimal-comma`, naming the option.
 */
export function amountInStyle(cell: string, style: AmountStyle): AmountResult {
  let text = cell.trim().replace(/[\u00a0\u202f]/g, ' ');
  let negative = false;
  const paren = /^\((.*)\)$/.exec(text);
  if (paren !== null) {
    negative = true;
    text = paren[1].trim();
  }
  if (text.startsWith('-') || text.startsWith('−')) {
    negative = !negative;
    text = text.slice(1).trim();
  } else if (/\d[-−]$/.test(text)) {
    // A trailing minus (`1234.00-`, `1.234,56-`), as SAP and older ledgers write a credit: only one reading.
    negative = !negative;
    text = text.slice(0, -1).trim();
  }
  const found = currencyMark(text);
  if (found !== null) {
    text = found.rest;
    if (style.currency !== null && !found.currencies.includes(style.currency)) {
      return { ok: false, code: 'currency-mismatch', message: `'${cell.trim()}' is in ${found.currencies.join(' or ')}, not the clause's ${style.currency}; amounts in different currencies are never summed` };
    }
    if (text.startsWith('-') || text.startsWith('−')) {
      negative = !negative;
      text = text.slice(1).trim();
    }
  }
  const plain = style.decimalComma ? decimalCommaNumber(text) : decimalPointNumber(text);
  if (plain === null) {
    if (!style.decimalComma && decimalCommaNumber(text) !== null && /,\d{1,2}$|\.\d{3},/.test(text)) {
      return { ok: false, code: 'decimal-comma', message: `'${cell.trim()}' is written with a decimal comma: pass --decimal-comma (then '.', space or ' group thousands)` };
    }
    const how = style.decimalComma ? 'such as 1.200,50 or -35 (--decimal-comma)' : 'such as 1200.50, 1,200.50, $1,200.50, (1,200.50) or -35';
    return { ok: false, code: 'non-numeric-amount', message: `'${cell.trim()}' is not an amount ${how}` };
  }
  return { ok: true, text: negative && !/^0(\.0*)?$/.test(plain) ? `-${plain}` : plain };
}

/**
 * An amount written with a currency mark (`€1.500`, `1.500 kr`, `-USD 2.000`, `(1.500 €)`): its figure without sign,
 * brackets and mark, and the currencies the mark may stand for; null when the cell has no mark.
 */
export function markedFigure(cell: string): { figure: string; currencies: readonly string[] } | null {
  let text = cell.trim().replace(/[\u00a0\u202f]/g, ' ');
  const paren = /^\((.*)\)$/.exec(text);
  if (paren !== null) text = paren[1].trim();
  if (text.startsWith('-') || text.startsWith('−')) text = text.slice(1).trim();
  else if (/\d[-−]$/.test(text)) text = text.slice(0, -1).trim();
  const found = currencyMark(text);
  if (found === null) return null;
  const figure = found.rest.startsWith('-') || found.rest.startsWith('−') ? found.rest.slice(1).trim() : found.rest;
  return { figure, currencies: found.currencies };
}

function currencyMark(text: string): { rest: string; currencies: readonly string[] } | null {
  const code = /^([A-Z]{3})\s*(.+)$|^(.+?)\s*([A-Z]{3})$/.exec(text);
  if (code !== null) {
    const c = code[1] ?? code[4];
    const rest = (code[2] ?? code[3]).trim();
    if (/\d/.test(rest)) return { rest, currencies: [c] };
  }
  for (const [symbol, currencies] of SYMBOLS) {
    if (text.startsWith(symbol)) return { rest: text.slice(symbol.length).trim(), currencies };
    if (text.endsWith(symbol)) return { rest: text.slice(0, -symbol.length).trim(), currencies };
  }
  return null;
}

function decimalPointNumber(text: string): string | null {
  if (/^\d+(\.\d+)?$/.test(text) || /^\.\d+$/.test(text)) return text.startsWith('.') ? `0${text}` : text;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return text.replace(/,/g, '');
  return null;
}

function decimalCommaNumber(text: string): string | null {
  if (/^\d+(,\d+)?$/.test(text)) return text.replace(',', '.');
  const grouped = /^\d{1,3}([. '])\d{3}(?:\1\d{3})*(,\d+)?$/.exec(text);
  if (grouped !== null) return text.split(grouped[1]).join('').replace(',', '.');
  return null;
}

/**
 * How a ledger writes its dates and amounts, for the row normalizer: dates that are not ISO are read
 * in the given order (or as Excel serials); amounts the plain reader refuses are read with symbols,
 * grouping, parentheses and the given decimal mark. Everything the plain reader accepts is read as
 * before, except that with a decimal comma a '.' groups thousands.
 */
export class CellFormats {
  /**
   * The date column's header says UTC ("Created date (UTC)"): a date-time without an offset is a UTC
   * instant, not local time in the contract zone. Set once the header is read.
   */
  utcTimes = false;

  constructor(
    readonly dates: DatePattern | 'excel' | null,
    readonly decimalComma: boolean,
  ) {}

  /**
   * `--amount-unit minor`: amounts are whole numbers of the currency's smallest unit (Stripe's API writes
   * $600.00 as 60000), and this is how many digits that unit has (2 for USD). Null: amounts are as written.
   */
  minorDigits: number | null = null;

  /** An XLSX workbook in the 1904 date system: serial day numbers (`--date-format excel`) count from 1904-01-01. */
  date1904 = false;

  /** `60000` → `600.00` with two minor digits; null when the cell is not a whole number. */
  fromMinorUnits(text: string): string | null {
    const m = /^([-+]?)(\d+)$/.exec(text);
    if (m === null || this.minorDigits === null) return null;
    const digits = this.minorDigits;
    if (digits === 0) return text;
    const whole = m[2].padStart(digits + 1, '0');
    return `${m[1] === '-' ? '-' : ''}${whole.slice(0, -digits)}.${whole.slice(-digits)}`;
  }

  /** A date-time without an offset, marked UTC when the header says so; any other text unchanged. */
  zoned(text: string): string {
    return this.utcTimes && text.length > 10 && LOCAL_DATE_TIME.test(text) ? `${text}Z` : text;
  }

  static of(reading: { dateFormat?: string; decimalComma?: boolean }): CellFormats {
    const pattern = reading.dateFormat === undefined ? null : parseDateFormat(reading.dateFormat);
    return new CellFormats(pattern, reading.decimalComma === true);
  }

  /** A date cell that does not start `YYYY-`: its ISO text or a problem; null when no format is given. */
  date(text: string): CellResult | null {
    if (this.dates === null) return null;
    return this.dates === 'excel' ? excelSerialDate(text, this.date1904) : dateInFormat(text, this.dates);
  }

  /** Whether a quantity the plain reader accepts must still be read here (a '.' that groups thousands). */
  rereads(text: string): boolean {
    return this.decimalComma && text.includes('.');
  }

  quantity(text: string, currency: string | null): AmountResult {
    return amountInStyle(text, { decimalComma: this.decimalComma, currency });
  }
}
