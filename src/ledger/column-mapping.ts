/**
 * Which header column holds each ledger column. A mapping given by the user (`--columns
 * date="Close Date"` or a mapping file) wins; otherwise a column named as the ledger names it
 * (`date`, `amount`, …); otherwise a common CRM or spreadsheet name for it (`Close Date`, `Amount
 * (USD)`, `Invoice #`, `Opportunity ID`, `Owner`), but only when exactly one header column has such a name. Every
 * column taken by a name other than its own is stated in the notes.
 *
 * A header that lacks a required column is one error for the whole ledger (not one per row), showing
 * the header found and the closest names, with the option to write.
 *
 * Pure and browser-safe.
 */
import { judgedStageColumns } from './sale-states';
import { editDistance } from '../language/suggest';
import type { LedgerColumn, RowIssue } from './rows';

export const LEDGER_COLUMNS: readonly LedgerColumn[] = ['date', 'amount', 'id', 'currency', 'units', 'product', 'customer', 'seller'];

/** Common header names for each column (compared lower-cased, spaces collapsed, a trailing "(USD)" set aside). */
export const SYNONYMS: Readonly<Record<LedgerColumn, readonly string[]>> = {
  date: ['close date', 'closed date', 'closing date', 'invoice date', 'order date', 'sale date', 'transaction date', 'won time'],
  amount: ['total', 'net amount', 'amount', 'invoice amount', 'order total'],
  id: ['invoice', 'invoice #', 'invoice no', 'invoice number', 'order id', 'order #', 'order number', 'transaction id', 'opportunity id', 'deal id', 'record id'],
  currency: ['currency code', 'amount currency', 'opportunity currency', 'deal currency'],
  units: ['quantity', 'qty'],
  product: ['sku', 'item', 'product name'],
  customer: ['account', 'account name', 'customer name', 'client', 'associated company', 'organization'],
  seller: ['rep', 'owner', 'sales rep', 'opportunity owner', 'salesperson', 'account owner', 'deal owner'],
};

/**
 * Pipedrive writes each column of a deals export with its object's name in front (`Deal - Value`, `Deal - Won
 * time`, `Deal - Currency`, `Deal - Owner`, `Deal - Organization`): the name after it is matched, and a deal's
 * `Value` is its amount.
 */
const OBJECT_PREFIX = /^deal - /;
const PREFIXED_SYNONYMS: Readonly<Partial<Record<LedgerColumn, readonly string[]>>> = { amount: ['value'] };

/**
 * Names read only when no common name above fits: a payment processor's creation time (Stripe's `Created
 * (UTC)`, `Created date (UTC)`; Shopify's `Created at`). A CRM report with both `Created Date` and `Close
 * Date` reads the close date, as before.
 */
const FALLBACK_SYNONYMS: Readonly<Partial<Record<LedgerColumn, readonly string[]>>> = {
  date: ['created', 'created date', 'created at', 'date created'],
};

/** Ledger column → the header name (as written) that holds it. */
export type ColumnMapping = Partial<Record<LedgerColumn, string>>;

export type MappingParse = { ok: true; mapping: ColumnMapping } | { ok: false; message: string };

/** A header name for matching: trimmed, lower-cased, inner spaces collapsed. */
export function headerKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** `Amount (USD)` → `amount` and `USD`; names without a currency in brackets unchanged. */
function withoutCurrency(key: string): { key: string; currency: string | null } {
  const m = /^(.*?)\s*[([]([a-z]{3})[)\]]$/.exec(key);
  return m === null ? { key, currency: null } : { key: m[1], currency: m[2].toUpperCase() };
}

/** Reads `date="Close Date",amount="Amount (USD)",id=Invoice #` (quotes optional, needed around commas). */
export function parseColumnsOption(text: string): MappingParse {
  const mapping: ColumnMapping = {};
  const pair = /\s*([A-Za-z]+)\s*=\s*(?:"((?:[^"]|"")*)"|([^,]*))\s*(,|$)/y;
  let at = 0;
  while (at < text.length) {
    pair.lastIndex = at;
    const m = pair.exec(text);
    if (m === null) return { ok: false, message: `--columns '${text}' is not a list of column=header pairs such as date="Close Date",amount="Amount (USD)"` };
    const column = m[1].toLowerCase() as LedgerColumn;
    if (!LEDGER_COLUMNS.includes(column)) {
      return { ok: false, message: `--columns names '${m[1]}', which is not a ledger column: use ${LEDGER_COLUMNS.join(', ')}` };
    }
    const header = (m[2] !== undefined ? m[2].replace(/""/g, '"') : m[3]).trim();
    if (header === '') return { ok: false, message: `--columns gives no header name for ${column}` };
    mapping[column] = header;
    at = pair.lastIndex;
    if (m[4] === '') break;
  }
  return { ok: true, mapping };
}

/** The header resolved: cell index per ledger column, and what was read how. */
export interface HeaderReading {
  /** The header with each mapped column renamed to its ledger name (others lower-cased as before). */
  names: string[];
  notes: string[];
  /** Currency named in the amount column's header ("Amount (USD)"), checked against the clause's. */
  headerCurrency: string | null;
  /** The date column's header says its times are UTC ("Created date (UTC)", as Stripe names its columns). */
  datesInUtc: boolean;
  /** Cell indices of stage or status columns not read as ledger columns (their cells are checked for a state that is no sale). */
  statusColumns: number[];
  /** Cell index of the column of amounts refunded from the amount column's (`Amount Refunded` beside `Amount`), or -1. */
  refundColumn?: number;
  /** The one error for the whole ledger (row 0), or null. */
  problem: RowIssue | null;
}

/**
 * Resolves a header (names as read) against a mapping; `required` are the columns the evaluation
 * cannot do without.
 */
export function resolveHeader(header: readonly string[], mapping: ColumnMapping, required: readonly LedgerColumn[]): HeaderReading {
  const keys = header.map(headerKey);
  const names = keys.slice();
  const notes: string[] = [];
  const taken = new Map<number, LedgerColumn>();
  let headerCurrency: string | null = null;
  const shownHeader = header.map((h) => `'${h.trim()}'`).join(', ');
  const problem = (column: LedgerColumn, message: string): HeaderReading => ({
    names,
    notes,
    headerCurrency,
    datesInUtc: false,
    statusColumns: [],
    problem: { row: 0, column, value: header.join(','), code: 'missing-column', message },
  });

  for (const column of LEDGER_COLUMNS) {
    const wanted = mapping[column];
    if (wanted !== undefined) {
      const at = keys.indexOf(headerKey(wanted));
      if (at === -1) {
        const closest = closestNames(wanted, header);
        return problem(column, `the mapping names '${wanted}' for ${column}, but the header has no such column. Header found: ${shownHeader}${shownClosest(closest)}`);
      }
      take(at, column, `column '${header[at].trim()}' is read as ${column} (as mapped)`);
      continue;
    }
    const own = keys.indexOf(column);
    if (own !== -1 && !taken.has(own)) {
      taken.set(own, column);
      continue;
    }
    const matches: number[] = [];
    keys.forEach((key, i) => {
      if (taken.has(i)) return;
      const prefixed = OBJECT_PREFIX.test(key);
      const named = prefixed ? key.replace(OBJECT_PREFIX, '') : key;
      const bare = withoutCurrency(named).key;
      if (SYNONYMS[column].includes(named) || SYNONYMS[column].includes(bare) || bare === column || (prefixed && PREFIXED_SYNONYMS[column]?.includes(bare) === true)) matches.push(i);
    });
    const fallback = FALLBACK_SYNONYMS[column];
    if (matches.length === 0 && fallback !== undefined) {
      keys.forEach((key, i) => {
        if (!taken.has(i) && fallback.includes(withoutCurrency(key).key)) matches.push(i);
      });
    }
    if (matches.length === 1) {
      const at = matches[0];
      take(at, column, `column '${header[at].trim()}' is read as ${column} (a common name for it; --columns ${column}="…" chooses another)`);
    } else if (matches.length > 1) {
      const which = matches.map((i) => `'${header[i].trim()}'`).join(' and ');
      if (required.includes(column)) {
        return problem(column, `the header has no '${column}' column, and ${which} could each be it: say which with --columns ${column}="${header[matches[0]].trim()}"`);
      }
      notes.push(`no column is read as ${column}: ${which} could each be it; --columns ${column}="…" chooses one`);
    }
  }
  // A report's title line ("Acme Books LLC", "Sales by Customer Detail") above its header: QuickBooks, Xero and
  // spreadsheets with a merged title row export one or a few such lines first, each a single text.
  const filled = new Set(header.map((h) => h.trim()).filter((h) => h !== ''));
  const title =
    taken.size === 0 && filled.size <= 1 && !(header.length === 1 && /[;\t|]/.test(header[0]))
      ? `; the first line ('${[...filled][0] ?? ''}') is not a header but a title or note above it: delete the lines above the header row (or, in a workbook, the rows above it)`
      : '';
  for (const column of required) {
    if ([...taken.values()].includes(column)) continue;
    if (title !== '') return problem(column, `the header has no '${column}' column${title}`);
    const closest = closestNames(column, header, SYNONYMS[column]);
    const example = closest.length > 0 ? closest[0] : '<header>';
    return problem(
      column,
      `the header has no '${column}' column${required.length > 1 ? ` (this clause needs ${required.join(', ')})` : ''}. Header found: ${shownHeader}${shownClosest(closest)}; ` +
        `name the column with --columns ${column}="${example}"${header.length === 1 && /[;\t|]/.test(header[0]) ? ` (the header is one column: is the delimiter '${/[;\t|]/.exec(header[0])?.[0].replace('\t', '\\t')}'? pass --delimiter)` : ''}`,
    );
  }
  // A CRM's stage or status column says which deals were won, lost, open or cancelled; the ledger reads every row
  // as a sale or a refund, so a report over an unfiltered export would count lost deals without a word.
  const refundColumn = pairedRefundColumn(keys, taken, names.indexOf('amount'));
  const statusKeys = keys.filter((key, i) => !taken.has(i) && isStatusHeader(key));
  const judged = judgedStageColumns(statusKeys);
  keys.forEach((key, i) => {
    if (taken.has(i)) return;
    if (isStatusHeader(key) && judged[statusKeys.indexOf(key)]) notes.push(stageNote(header[i].trim()));
    else if (STATUS_HEADER.test(key)) notes.push(unreadStatusNote(header[i].trim()));
    else if (REFUND_HEADER.test(key) && i !== refundColumn) notes.push(unreadRefundNote(header[i].trim()));
  });
  const lineItems = names.findIndex((n, i) => !taken.has(i) && LINE_ITEM_HEADER.test(n));
  const amountAt = names.indexOf('amount');
  if (lineItems !== -1 && amountAt !== -1 && !LINE_ITEM_HEADER.test(keys[amountAt]) && !names.includes('id')) {
    return {
      names,
      notes,
      headerCurrency,
      datesInUtc: false,
      statusColumns: [],
      problem: {
        row: 0,
        column: 'amount',
        value: header[amountAt].trim(),
        code: 'order-total-per-line',
        message:
          `the export has one row per line item (column '${header[lineItems].trim()}'), and the amount column '${header[amountAt].trim()}' is the order's: ` +
          `Shopify writes an order's totals on its first line only, other tools repeat them on every line, so summed per row an order would count once per line item. ` +
          `Name the order number as the id (--columns id="Name") so that a repeated order is an error, and keep one row per order`,
      },
    };
  }
  const converted = convertedAmountProblem(header, keys, taken);
  if (converted !== null) return { names, notes, headerCurrency, datesInUtc: false, statusColumns: [], problem: converted };
  const dateAt = names.indexOf('date');
  const datesInUtc = dateAt !== -1 && UTC_HEADER.test(keys[dateAt]);
  if (datesInUtc) {
    notes.push(`column '${header[dateAt].trim()}' says its times are UTC: a date-time in it without an offset is read as UTC and converted to the contract's zone (a date alone is still that whole local day)`);
  }
  // A column named as a ledger column while another is read as it (`Amount` beside `--columns amount="Amount (converted)"`)
  // is renamed, so that the evaluation finds the column read, whether it looks cells up by position or records by name.
  const read = new Set(taken.values());
  keys.forEach((key, i) => {
    if (taken.has(i) || !read.has(key as LedgerColumn)) return;
    names[i] = `${key} (not read)`;
    const other = [...taken].find(([, c]) => c === key)?.[0] as number;
    notes.push(`column '${header[i].trim()}' is not read: '${header[other].trim()}' is read as ${key}`);
  });
  const statusColumns = keys.flatMap((key, i) => (!taken.has(i) && isStatusHeader(key) ? [i] : []));
  return { names, notes, headerCurrency, datesInUtc, statusColumns, refundColumn, problem: null };

  function take(at: number, column: LedgerColumn, note: string): void {
    taken.set(at, column);
    names[at] = column;
    notes.push(note);
    if (column === 'amount') headerCurrency = withoutCurrency(keys[at]).currency;
  }
}

/** A column of amounts converted into one currency (Salesforce's `Amount (converted)`, Stripe's `Converted Amount`). */
const CONVERTED_HEADER = /(^|[^a-z])converted([^a-z]|$)/;

/**
 * An export of several currencies: beside the amount, a column of the same amounts converted into the company's
 * currency (Salesforce writes `Amount (converted)` once multiple currencies are on). The amount column is then in
 * each row's own currency, and without a currency column read beside it rows in other currencies would be summed
 * as if in the clause's: one header error naming both ways out.
 */
function convertedAmountProblem(header: readonly string[], keys: readonly string[], taken: ReadonlyMap<number, LedgerColumn>): RowIssue | null {
  const amountAt = [...taken].find(([, c]) => c === 'amount')?.[0];
  if (amountAt === undefined || [...taken.values()].includes('currency') || CONVERTED_HEADER.test(keys[amountAt])) return null;
  if (withoutCurrency(keys[amountAt]).currency !== null) return null;
  const convertedAt = keys.findIndex((k, i) => !taken.has(i) && CONVERTED_HEADER.test(k) && /amount|value|total/.test(k) && !/currency|refund/.test(k));
  if (convertedAt === -1) return null;
  const amount = header[amountAt].trim();
  const other = header[convertedAt].trim();
  return {
    row: 0,
    column: 'currency',
    value: other,
    code: 'missing-column',
    message:
      `the export has '${amount}' and '${other}': its amounts are in several currencies, '${amount}' in each row's own, and no column read as currency says which. ` +
      `Read the converted figures with --columns amount="${other}" (they are in the company's currency, which must be the clause's), or name the currency column of '${amount}' with --columns currency="…"`,
  };
}

/** A stage or status column whose cells say whether a payment or deal happened (not Stripe's true/false `Captured`). */
const STATUS_VALUE_HEADER = /(^|[^a-z])(deal)?(stage|status)([^a-z]|$)/;

/** Whether a header (trimmed, lower-cased) names a stage or status column, whose cells may say a row is no sale. */
export function isStatusHeader(key: string): boolean {
  return STATUS_VALUE_HEADER.test(key);
}

/** A date header that names UTC as its zone: "Created (UTC)", "Created date (UTC)", "Date [UTC]", "Date UTC". */
const UTC_HEADER = /(^|[^a-z])(utc|gmt)([^a-z]|$)/;

/** Line-item columns of an order export ("Lineitem quantity" in Shopify's, "Line Item Price", "line_item_sku"). */
const LINE_ITEM_HEADER = /^line[ _-]?item/;

/** A column of amounts refunded ("Amount Refunded" in Stripe's payments export, Shopify's "Refunded Amount"). */
const REFUND_HEADER = /(^|[^a-z])(amount[ _]refunded|refunded[ _]amount|refunds?)([^a-z]|$)/;

/**
 * The column of amounts refunded from the amount column's: named after it (`Amount Refunded` beside `Amount`,
 * `Converted Amount Refunded` beside `Converted Amount`), else the only such column (Shopify's `Refunded Amount`
 * beside `Total`); -1 when there is none, or several and none named after the amount.
 */
function pairedRefundColumn(keys: readonly string[], taken: ReadonlyMap<number, LedgerColumn>, amountAt: number): number {
  if (amountAt === -1) return -1;
  const refunds = keys.flatMap((key, i) => (!taken.has(i) && REFUND_HEADER.test(key) ? [i] : []));
  const bare = (key: string): string =>
    withoutCurrency(key)
      .key.replace(/_/g, ' ')
      .replace(/\brefund(ed|s)?\b/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const named = refunds.filter((i) => bare(keys[i]) === bare(keys[amountAt]));
  if (named.length === 1) return named[0];
  return refunds.length === 1 ? refunds[0] : -1;
}

/** What the report says of a column of refunded amounts it does not read. */
export function unreadRefundNote(name: string): string {
  return `column '${name}' is not read: amounts refunded there are not deducted (a refund counts only as a row of its own, with a negative amount); a refunded sale counts in full`;
}

/** Header names of a deal's stage or status ("Stage", "Deal Stage", "Order Status"): words, not a substring of another word. */
const STATUS_HEADER = /(^|[^a-z])(deal)?(stage|status|captured)([^a-z]|$)/;

/** What the report says of a stage or status column it does not read as a ledger column. */
export function unreadStatusNote(name: string): string {
  return `column '${name}' is not read as a ledger column: a row it marks failed, declined, cancelled, voided, lost or (a deal's) open or deleted is that row's error, and every other row counts as a sale or a refund whatever it says there; filter the export to the rows that count first`;
}

/** What the report says of a deal stage column, read for whether each deal is won. */
export function stageNote(name: string): string {
  return `column '${name}' is read as each deal's stage: a deal counts as a sale only at a won stage ('Closed Won', 'Won'); a row at any other stage (an open deal such as 'Negotiation' or 'Qualification') is that row's error open-deal, and a lost one is not-a-sale`;
}

const shownClosest = (names: string[]): string => (names.length === 0 ? '' : `; closest: ${names.map((n) => `'${n}'`).join(', ')}`);

/** Up to three header names nearest the wanted name or its synonyms, nearest first. */
function closestNames(wanted: string, header: readonly string[], synonyms: readonly string[] = []): string[] {
  const targets = [headerKey(wanted), ...synonyms];
  const scored = header
    .map((h) => ({ h: h.trim(), d: Math.min(...targets.map((t) => editDistance(headerKey(h), t) / Math.max(t.length, 1))) }))
    .filter((s) => s.h !== '' && s.d <= 0.5)
    .sort((a, b) => a.d - b.d);
  return scored.slice(0, 3).map((s) => s.h);
}
