/**
 * One SQL query per contract that returns what `evaluate` returns: for each milestone instance its
 * total, status, crossing row (id, row, local day, running total), the running total before the
 * crossing day, up to four contributing rows up to the crossing row, the revenue a rate is paid
 * on and the obligation's amount; plus the row counts and the ledger's problems.
 *
 * The shape follows the in-memory evaluator: rows are folded into per-local-day sums (window
 * boundaries are local midnights, so day sums are exact), running totals over days find each
 * instance's candidate crossing days, and only the rows of those days are ordered (by instant,
 * then input order) to name the crossing row (for a period tested on its own total, the last row that
 * takes the total from below the target to meeting it). Windows, targets and payments come from plan.ts as
 * bound parameters; only the local day of each sale is computed in SQL, with `AT TIME ZONE`.
 *
 * Result rows (all in one result set, told apart by `kind`):
 *   instance: iid, row_id/row_number/day of the crossing row (null when not met), v1 total,
 *             v2 running total at the crossing row, v3 running total before the crossing day,
 *             v4 the window's revenue a rate or computed payment is on (gross or net as the payment says),
 *             v5 a constant's or a rate's amount (computed payments: in TypeScript), label 'met' or null
 *             (missed or pending is the window's rule, windowOver, applied in TypeScript); an amount owed
 *             increment by increment adds one such row per completed increment, its iid negative (increments.ts)
 *   explain:  iid, seq (1 = the crossing row, 2 = the row before, …), row_id, row_number, day,
 *             v1 contribution, v2 running total
 *   rows:     seq total rows, v1 before E, v2 after A, v3 used, v4 order-column repeats,
 *             label the first row's currency
 *   sum:      seq a planned total's index, v1 the total (period-sums.ts)
 *   issue:    row_number, label code (`cell`: an unreadable text cell, classified by
 *             cell-checks.ts), row_id column, day value as written, seq first row (duplicate ids),
 *             v1 count of all issues (on every issue row); the first MAX_REPORTED_ERRORS by row
 */
import type { SqlDialect } from './dialect';
import { quoteIdentifier } from './identifier';
import { SqlUnsupportedError } from './unsupported';
import { paysOnRevenue, type SqlInstance, type SqlPlan } from './plan';
import { minorUnits } from '../values/money';
import { formatIsoDate, fromDayNumber } from '../time/periods';
import { MAX_REPORTED_ERRORS } from '../evaluation/evaluate';
import { zoneSegments } from './zone-segments';
import { clawbackSql } from './clawback';
import { catchUpSql } from './catch-up';
import { incrementCtes } from './increments';
import { periodSumsSql } from './period-sums';
import { cellIn, setFields } from './item-sets';
import { requiredColumns } from '../evaluation/plan';
import { nameCellSql, UNUSUAL_NAME_FORM, type NameField } from './text-cells';
import { datedSql, summaryLabelSql, summarySql } from './summary-rows';
import { headerKey } from '../ledger/column-mapping';

const DAY_MS = 86_400_000;

/** How the ledger's date column is typed. Text holds `YYYY-MM-DD` or ISO date-times, as in a CSV. */
export type DateColumnType = 'date' | 'timestamp' | 'timestamptz' | 'text';

/**
 * Where the rows are: a table or view (optionally schema-qualified), a Parquet file the engine reads
 * itself, or the rows of another source whose text in one column is one of `values` (a portfolio
 * contract's seller cells, exactly as the ledger writes them; the row numbers stay the ledger's).
 */
export type LedgerSource =
  /** `numbered`: the engine numbered the rows itself (a file it loaded), so the order column cannot repeat. */
  | { kind: 'table'; name: string; numbered?: boolean }
  | { kind: 'parquet'; path: string }
  | { kind: 'rows-of'; source: LedgerSource; column: string; values: readonly string[] };

/** The columns a summary label may be in: their actual names, and the names the report gives (the reader's header keys). */
export function labelColumns(spec: LedgerTableSpec): Array<{ column: string; name: string }> {
  const c = spec.columns;
  const names = spec.labelColumns ?? [c.id, c.product, c.customer].filter((x): x is string => typeof x === 'string');
  return names.map((column) => ({ column, name: headerKey(column) }));
}

/** Whether the source's row numbers are the engine's own (a file's row numbers), unique by construction. */
function numberedRows(source: LedgerSource): boolean {
  return source.kind === 'parquet' || (source.kind === 'table' && source.numbered === true) || (source.kind === 'rows-of' && numberedRows(source.source));
}

/** The table or file a source reads, for messages. */
export function sourceName(source: LedgerSource): string {
  switch (source.kind) {
    case 'table':
      return source.name;
    case 'parquet':
      return source.path;
    case 'rows-of':
      return sourceName(source.source);
  }
}

export interface LedgerTableSpec {
  source: LedgerSource;
  /** Actual column names; absent optional columns are null or missing. */
  columns: {
    /** Input order: a unique integer per row (the row number reported for crossing rows). */
    order: string;
    date: string;
    id?: string | null;
    amount?: string | null;
    units?: string | null;
    currency?: string | null;
    product?: string | null;
    customer?: string | null;
  };
  dateType: DateColumnType;
  /** Actual names of the columns that hold text (their cells are checked before they are read as numbers or dates). */
  textColumns?: readonly string[];
  /**
   * Actual names of the text columns a summary row's label may be in (summary-rows.ts): every one but the order, date,
   * amount, units and currency columns. Absent: the id, product and customer columns.
   */
  labelColumns?: readonly string[];
}

export interface CompiledQuery {
  dialect: string;
  text: string;
  params: Array<string | number>;
}

/** Characters JavaScript's `trim` removes, so that SQL trims cells exactly as the ledger reader does. */
export const TRIM_CHARACTERS = ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/** Plain signed decimals that fit DECIMAL(38, 10): at most 28 whole digits and 10 decimals. */
export const NUMBER_FORM = '[+-]?([0-9]{1,28}([.][0-9]{0,10})?|[.][0-9]{1,10})';
/** The date forms the ledger reader accepts (after upper-casing and ',' → '.'). */
export const DATE_FORM =
  '[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?([Z]|[+-][0-9]{2}(:?[0-9]{2})?)?)?';

/** Metric codes in the query's `inst` table. */
const METRIC_CODE = { 'gross-revenue': 0, 'net-revenue': 1, deals: 2, 'new-customers': 3, units: 4 } as const;

/** Payment codes in the query's `inst` table. */
const PAYMENT_CODE = { none: 0, constant: 1, 'rate-gross': 2, 'rate-net': 3, 'computed-gross': 4, 'computed-net': 5 } as const;

export class Params {
  readonly values: Array<string | number> = [];
  constructor(private readonly dialect: SqlDialect) {}

  /** A bound value cast to `type`: user text only ever reaches the query this way. */
  bind(value: string | number, type: string): string {
    this.values.push(value);
    return `CAST(${this.dialect.placeholder(this.values.length)} AS ${type})`;
  }
}

function isoDay(day: number): string {
  return formatIsoDate(fromDayNumber(day));
}

/** A target or amount the dialect's decimal type cannot hold is refused, never cast into an error or a wrong value. */
function checkWidth(plan: SqlPlan, dialect: SqlDialect): void {
  const max = dialect.maxWholeDigits;
  if (max === null) return;
  const whole = (text: string): number => text.replace(/^-/, '').split('.')[0].replace(/^0+/, '').length;
  for (const m of plan.milestones) {
    const amounts = [m.target, ...m.instances.map((i) => i.target), ...(m.payment.kind === 'constant' ? [m.payment.amount] : [])];
    for (const a of amounts) {
      if (whole(a) > max) {
        throw new SqlUnsupportedError(
          'amount width',
          `${a} has more than ${max} whole digits, more than ${dialect.name}'s ${dialect.decimal} holds; evaluate this clause with the in-memory engine`,
        );
      }
    }
  }
}

export function compileEvaluation(plan: SqlPlan, spec: LedgerTableSpec, dialect: SqlDialect): CompiledQuery {
  checkWidth(plan, dialect);
  const p = new Params(dialect);
  const D = dialect.decimal;
  const T = dialect.text;
  const zone = p.bind(plan.context.zone, T);
  const eDay = p.bind(isoDay(plan.eDay), 'DATE');
  const aDay = p.bind(isoDay(plan.aDay), 'DATE');
  const trimSet = p.bind(TRIM_CHARACTERS, T);
  const col = (name: string | null | undefined): string | null => (name ? `s.${quoteIdentifier(name)}` : null);
  const c = spec.columns;
  const textColumns = new Set(spec.textColumns ?? (spec.dateType === 'text' ? [c.date] : []));
  // Where the engine has TRY_CAST, text cells are checked in this same pass (a bad cell becomes an
  // issue row, classified in TypeScript); elsewhere cell-checks.ts runs first and casts here are plain.
  const tryCast = dialect.tryCast;
  const cast = (expr: string, type: string): string => (tryCast ? tryCast(expr, type) : `CAST(${expr} AS ${type})`);
  const order = col(c.order) as string;
  const date = col(c.date) as string;
  // Trimmed as the ledger reader trims a cell: only when its first or last character is a space or
  // control character, and then of every whitespace JavaScript's trim removes.
  const trimmed = (text: string): string =>
    `CASE WHEN ascii(${text}) > 32 AND ascii(right(${text}, 1)) > 32 THEN ${text} ELSE ${dialect.trimChars(text, trimSet)} END`;
  const customers = plan.wantsCustomers;
  const products = plan.products.length > 0;
  const currencies = plan.currency !== null || plan.wantsRowCurrency;
  const nullText = `CAST(NULL AS ${T})`;

  // The rows go through four stages, each naming what the next one reads, so that no expression
  // is written (or computed) twice: raw cells as text or typed values; cells trimmed as the ledger
  // reader trims them; instants and exact decimals; local days and the problems found.
  const raw: string[] = [`CAST(${order} AS ${dialect.integer}) AS rn`];
  const cells: string[] = ['rn'];
  const values: string[] = ['rn', 'explicit_id', 'product_key', 'customer_key', 'currency'];
  const final: string[] = ['rn', 'explicit_id', 'product_key', 'customer_key', 'currency', 'date_missing', 'amount', 'amount_missing', 'units', 'units_missing'];
  const checked: Array<'date' | 'amount' | 'units'> = [];
  const textCell = (name: string, source: string | null, fold: (x: string) => string = (x) => x, field: NameField | null = null): void => {
    if (source === null) {
      cells.push(`${nullText} AS ${name}`);
      return;
    }
    raw.push(`CAST(${source} AS ${T}) AS ${name}_raw`);
    const read = fold(`NULLIF(${trimmed(`${name}_raw`)}, '')`);
    if (field === null) {
      cells.push(`${read} AS ${name}`);
    } else if (nameCells) {
      // A name cell the engine's trim and lower() may read otherwise is read by the reader's rule (text-cells.ts).
      cells.push(`${nameCellSql(`${name}_raw`, nameCells[field], read, (v) => p.bind(v, T), T)} AS ${name}`);
    } else {
      // Unread (a query compiled without the engine: clause sql): such a cell is the row's error, never a nearby reading.
      const form = p.bind(UNUSUAL_NAME_FORM, T);
      cells.push(`${read} AS ${name}`, `CASE WHEN ${dialect.fullMatch(`${name}_raw`, form)} THEN ${name}_raw END AS ${field}_unusual`);
      values.push(`${field}_unusual`);
      final.push(`${field}_unusual`);
      unusual.push(field);
    }
  };
  const nameCells = plan.nameCells ?? null;
  const unusual: NameField[] = [];
  textCell('explicit_id', col(c.id), undefined, 'id');
  textCell('product_key', products ? col(c.product) : null, (x) => `lower(${x})`, 'product');
  textCell('customer_key', customers ? col(c.customer) : null, (x) => `lower(${x})`, 'customer');
  textCell('currency', currencies ? col(c.currency) : null, (x) => `upper(${x})`);
  // A defined set's column, as written (its cells are matched by the in-memory rule before the query: item-sets.ts), and
  // whether it is empty: a set's column is required, as in memory.
  if (plan.sets.length > 0 && !plan.setCells) {
    throw new SqlUnsupportedError(
      'defined set without its ledger cells',
      "a defined set's rows are told by matching the ledger's cells of its column first (clause evaluate --engine does); a query alone cannot: evaluate this clause on the engine",
    );
  }
  const setCells = plan.setCells;
  for (const field of setFields(plan.sets)) {
    const source = col(c[field]);
    if (source === null) {
      values.push(`${nullText} AS ${field}_set_raw`, `TRUE AS ${field}_missing`);
    } else {
      raw.push(`CAST(${source} AS ${T}) AS ${field}_set_raw`);
      cells.push(`${field}_set_raw`, `NULLIF(${trimmed(`${field}_set_raw`)}, '') IS NULL AS ${field}_missing`);
      values.push(`${field}_set_raw`, `${field}_missing`);
    }
    final.push(`${field}_set_raw`, `${field}_missing`);
  }
  plan.sets.forEach((set, k) => final.push(`${cellIn(`${set.field}_set_raw`, setCells?.members[k] ?? [], (v) => p.bind(v, T))} AS s${k}`));

  if (spec.dateType === 'text') {
    // Upper case, and '.' for ',', only where a 't', 'z' or ',' is there (most cells need no copy).
    raw.push(
      `CAST(${date} AS ${T}) AS date_raw`,
      `CASE WHEN strpos(CAST(${date} AS ${T}), 't') > 0 OR strpos(CAST(${date} AS ${T}), 'z') > 0 OR strpos(CAST(${date} AS ${T}), ',') > 0 ` +
        `THEN replace(upper(CAST(${date} AS ${T})), ',', '.') ELSE CAST(${date} AS ${T}) END AS date_folded`,
    );
    cells.push('date_raw', `NULLIF(${trimmed('date_folded')}, '') AS date_text`);
    // `YYYY-MM-DD` is the start of that local day; with an offset or Z (a sign after the date), that
    // instant; else local wall-clock time.
    const offset = `(right(date_text, 1) = 'Z' OR strpos(substr(date_text, 11), '+') > 0 OR strpos(substr(date_text, 11), '-') > 0)`;
    const instant =
      `CASE WHEN length(date_text) = 10 THEN ${dialect.instantOfLocal(`CAST(${cast('date_text', 'DATE')} AS TIMESTAMP)`, zone)} ` +
      `WHEN ${offset} THEN ${cast('date_text', 'TIMESTAMPTZ')} ` +
      `ELSE ${dialect.instantOfLocal(cast('date_text', 'TIMESTAMP'), zone)} END`;
    if (tryCast) {
      // A date outside the reader's forms, or one the cast refuses (2026-02-30), has no instant: it is reported.
      const form = p.bind(DATE_FORM, T);
      values.push(`CASE WHEN ${dialect.fullMatch('date_text', form)} THEN ${instant} END AS instant`, 'date_text', 'date_raw');
      final.push(`CASE WHEN date_text IS NOT NULL AND instant IS NULL THEN date_raw END AS date_bad`);
      checked.push('date');
    } else {
      values.push(`${instant} AS instant`, 'date_text');
    }
    values.push('date_text IS NULL AS date_missing');
    // Only a fraction of a second can hold digits below the millisecond.
    final.push(dialect.epochMs ? `${dialect.epochMs('instant')} AS t` : `CASE WHEN strpos(date_text, '.') > 0 THEN ${dialect.toMillisecond('instant')} ELSE instant END AS t`);
  } else {
    raw.push(`${date} AS date_value`);
    cells.push('date_value');
    const instant =
      spec.dateType === 'timestamptz'
        ? 'date_value'
        : spec.dateType === 'timestamp'
          ? dialect.instantOfLocal('date_value', zone)
          : dialect.instantOfLocal('CAST(date_value AS TIMESTAMP)', zone);
    values.push(`date_value IS NULL AS date_missing`, `${instant} AS instant`);
    final.push(dialect.epochMs ? `${dialect.epochMs('instant')} AS t` : `${dialect.toMillisecond('instant')} AS t`);
  }
  // A summary row (`Total`, `Subtotal`, `Total for Contoso Ltd`) is that row's error, as in memory (summary-rows.ts): the
  // first label column whose cell labels it, and that cell trimmed.
  const labels = labelColumns(spec);
  labels.forEach((l, k) => raw.push(`CAST(${col(l.column)} AS ${T}) AS label_${k}`));
  // Bound only when some column may hold a label (every bound parameter must be used).
  const dated = labels.length === 0 ? 'FALSE' : spec.dateType === 'text' ? datedSql('date_raw', dialect, (v) => p.bind(v, T), trimSet) : 'date_value IS NOT NULL';
  const labelled = labels.map((l, k) => ({ name: l.name, cell: `label_${k}` }));
  const summary = summarySql(labelled, dated, dialect, (v) => p.bind(v, T), trimSet);
  if (summary) {
    // Tested once per row (the index of the column); named and trimmed in the next step.
    cells.push(`${summary} AS summary_at`, ...labels.map((_, k) => `label_${k}`));
    const named = summaryLabelSql(labelled, 'summary_at', dialect, (v) => p.bind(v, T), trimSet);
    values.push(`${named.column} AS summary_col`, `${named.value} AS summary_val`);
  } else {
    values.push(`${nullText} AS summary_col`, `${nullText} AS summary_val`);
  }
  final.push('summary_col', 'summary_val');
  // The local day of each row. Where the engine gives instants as integer milliseconds, a day within
  // the contract's days (and one either side) is found by arithmetic on the zone's offsets
  // (zone-segments.ts), without a time-zone conversion per row; other rows are converted.
  const converted = `CAST(${dialect.localTimestamp('instant', zone)} AS DATE)`;
  const segments = dialect.epochMs && dialect.exactDiv ? zoneSegments(plan.context.zone, plan.eDay - 1, plan.aDay + 1) : null;
  let localDay = converted;
  if (segments !== null && dialect.exactDiv) {
    const ms = (n: number): string => p.bind(n, dialect.integer);
    const offset =
      segments.starts.length === 1
        ? ms(segments.offsets[0])
        : `CASE ${segments.starts.slice(1).map((start, k) => `WHEN t < ${ms(start)} THEN ${ms(segments.offsets[k])}`).join(' ')} ELSE ${ms(segments.offsets[segments.offsets.length - 1])} END`;
    const local = `(t + ${offset})`;
    const dayNumber = dialect.exactDiv(`${local} - ((${local} % ${DAY_MS}) + ${DAY_MS}) % ${DAY_MS}`, String(DAY_MS));
    localDay = `CASE WHEN t >= ${ms(segments.lo)} AND t < ${ms(segments.hi)} THEN DATE '1970-01-01' + CAST(${dayNumber} AS INTEGER) ELSE ${converted} END`;
  }

  for (const name of ['amount', 'units'] as const) {
    // Units nobody counts are not read (nor checked: cell-checks.ts skips them too).
    const source = name === 'units' && !plan.wantsUnits ? null : col(c[name]);
    if (source === null) {
      values.push(`CAST(NULL AS ${D}) AS ${name}`, `TRUE AS ${name}_missing`);
    } else if (textColumns.has(c[name] as string)) {
      textCell(`${name}_text`, source);
      cells.push(`${name}_text_raw`);
      values.push(`${name}_text IS NULL AS ${name}_missing`);
      if (tryCast) {
        const form = p.bind(NUMBER_FORM, T);
        const bad = `(${name}_text IS NOT NULL AND NOT ${dialect.fullMatch(`${name}_text`, form)})`;
        values.push(`CASE WHEN ${bad} THEN NULL ELSE ${tryCast(`${name}_text`, D)} END AS ${name}`, `CASE WHEN ${bad} THEN ${name}_text_raw END AS ${name}_bad`);
        final.push(`${name}_bad`);
        checked.push(name);
      } else {
        values.push(`CAST(${name}_text AS ${D}) AS ${name}`);
      }
    } else {
      raw.push(`${source} AS ${name}_value`);
      cells.push(`${name}_value`);
      values.push(`CAST(${name}_value AS ${D}) AS ${name}`, `${name}_value IS NULL AS ${name}_missing`);
    }
  }

  // The rows, read once: every later step scans this (materialized) table, not the source, so the
  // per-row work (trimming, the time zone conversion) is done once. Columns no step needs are null.
  const ctes: string[] = [];
  const list = (items: string[], indent: string): string => items.join(`,\n${indent}`);
  // With arithmetic days, one more step reads `t`; else the day is converted beside it.
  const typedRows =
    `    SELECT ${list(values, '      ')}\n    FROM (\n` +
    `      SELECT ${list(cells, '        ')}\n      FROM (\n` +
    `        SELECT ${list(raw, '          ')}\n        FROM ${sourceSql(spec.source, p, dialect)} AS s\n` +
    `      ) AS raw_cells\n    ) AS trimmed_cells`;
  const byArithmetic = localDay !== converted;
  const rows = byArithmetic
    ? `  SELECT ${list([...final.map((f) => /AS (\w+)$/.exec(f)?.[1] ?? f), `${localDay} AS d`], '    ')}\n  FROM (\n` +
      `  SELECT ${list([...final, 'instant'], '    ')}\n  FROM (\n${typedRows}\n  ) AS typed\n  ) AS timed`
    : `  SELECT ${list([...final, `${converted} AS d`], '    ')}\n  FROM (\n${typedRows}\n  ) AS typed`;
  ctes.push(`dated AS ${dialect.materialized}(\n${rows}\n)`);

  if (customers) {
    ctes.push(
      `first_sales AS (\n  SELECT customer_key, rn FROM (\n    SELECT customer_key, rn, ROW_NUMBER() OVER (PARTITION BY customer_key ORDER BY t, rn) AS k\n` +
        `    FROM dated WHERE amount > 0 AND customer_key IS NOT NULL AND d IS NOT NULL\n  ) AS z WHERE k = 1\n)`,
      `seen_before AS (\n  SELECT DISTINCT customer_key FROM dated WHERE d < ${eDay} AND customer_key IS NOT NULL\n)`,
      `new_rows AS (\n  SELECT f.rn FROM first_sales AS f WHERE NOT EXISTS (SELECT 1 FROM seen_before AS b WHERE b.customer_key = f.customer_key)\n)`,
    );
  }
  const isNew = (r: string): string => (customers ? `EXISTS (SELECT 1 FROM new_rows AS nr WHERE nr.rn = ${r}.rn)` : 'FALSE');

  // Each metric's contribution of one row, by the `inst` table's metric code (units: per product slot).
  const productSlots = plan.products.map((key) => p.bind(key, T));
  // A set's slot is negative (-1 for the first set): only its rows count, and their units whatever their product.
  const bySet = (slot: string, pick: (k: number) => string, otherwise: string): string =>
    plan.sets.length === 0 ? otherwise : `CASE ${slot} ${plan.sets.map((_, k) => `WHEN ${-(k + 1)} THEN ${pick(k)}`).join(' ')} ELSE ${otherwise} END`;
  const contribution = (r: string, metric: string, slot: string): string =>
    bySet(slot, (k) => `CASE WHEN ${r}.s${k} THEN ${rowContribution(r, metric, [`WHEN TRUE THEN ${r}.units`])} ELSE CAST(0 AS ${D}) END`, rowContribution(r, metric, [
      `WHEN ${slot} = 0 THEN ${r}.units`,
      ...productSlots.map((key, k) => `WHEN ${slot} = ${k + 1} AND ${r}.product_key = ${key} THEN ${r}.units`),
    ]));
  function rowContribution(r: string, metric: string, units: string[]): string {
    return (
      `CASE ${metric}` +
      ` WHEN 0 THEN CASE WHEN ${r}.amount > 0 THEN ${r}.amount ELSE CAST(0 AS ${D}) END` +
      ` WHEN 1 THEN COALESCE(${r}.amount, CAST(0 AS ${D}))` +
      ` WHEN 2 THEN CASE WHEN ${r}.amount > 0 THEN CAST(1 AS ${D}) ELSE CAST(0 AS ${D}) END` +
      ` WHEN 3 THEN CASE WHEN ${isNew(r)} THEN CAST(1 AS ${D}) ELSE CAST(0 AS ${D}) END` +
      ` ELSE CASE WHEN ${r}.units > 0 THEN CASE ${units.join(' ')} ELSE CAST(0 AS ${D}) END ELSE CAST(0 AS ${D}) END END`
    );
  }
  const sum = (expr: string): string => `COALESCE(SUM(${expr}), CAST(0 AS ${D}))`;
  const unitSums = ['units_0', ...plan.products.map((_, k) => `units_${k + 1}`)];
  const unitSumExprs = [
    `${sum(`CASE WHEN units > 0 THEN units END`)} AS units_0`,
    ...productSlots.map((key, k) => `${sum(`CASE WHEN units > 0 AND product_key = ${key} THEN units END`)} AS units_${k + 1}`),
  ];
  // Each set's own sums, as in memory (SetSums.add): amounts and deals of its rows, and their positive units.
  const setSumExprs = plan.sets.flatMap((_, k) => [
    `${sum(`CASE WHEN s${k} AND amount > 0 THEN amount END`)} AS gross_s${k}`,
    `${sum(`CASE WHEN s${k} THEN amount END`)} AS net_s${k}`,
    `${sum(`CASE WHEN s${k} AND amount > 0 THEN CAST(1 AS ${D}) END`)} AS deals_s${k}`,
    `${sum(`CASE WHEN s${k} AND units > 0 THEN units END`)} AS units_s${k}`,
  ]);
  ctes.push(
    `days AS (\n  SELECT d, COUNT(*) AS n,\n` +
      `    ${sum('CASE WHEN amount > 0 THEN amount END')} AS gross,\n` +
      `    ${sum('amount')} AS net,\n` +
      `    ${sum(`CASE WHEN amount > 0 THEN CAST(1 AS ${D}) END`)} AS deals,\n` +
      `    CAST(${customers ? 'COUNT(nr.rn)' : '0'} AS ${D}) AS new_customers,\n` +
      `    ${[...unitSumExprs, ...setSumExprs].join(',\n    ')}\n` +
      `  FROM dated AS f${customers ? ' LEFT JOIN new_rows AS nr ON nr.rn = f.rn' : ''} WHERE f.d >= ${eDay} AND f.d <= ${aDay} GROUP BY f.d\n)`,
  );

  // The instances: windows, targets and payments, all bound.
  const rate = plan.milestones.some((m) => m.payment.kind === 'rate');
  const instanceRows = plan.instances.map((inst) => instanceRow(inst, plan, p, dialect));
  const emptyInst =
    `SELECT CAST(NULL AS ${dialect.integer}) AS iid, 0 AS metric, 0 AS slot, CAST(NULL AS ${D}) AS target, 0 AS strict, CAST(NULL AS DATE) AS from_day, CAST(NULL AS DATE) AS to_day, ` +
    `0 AS pay, CAST(NULL AS ${D}) AS pay_amount, CAST(NULL AS ${dialect.rateFactor}) AS factor, 0 AS ms, 0 AS ptotal, 0 AS once, CAST(NULL AS DATE) AS pay_from WHERE FALSE`;
  const dayMetric = (metric: string, slot: string): string =>
    bySet(
      slot,
      (k) => `CASE ${metric} WHEN 0 THEN dd.gross_s${k} WHEN 1 THEN dd.net_s${k} WHEN 2 THEN dd.deals_s${k} ELSE dd.units_s${k} END`,
      `CASE ${metric} WHEN 0 THEN dd.gross WHEN 1 THEN dd.net WHEN 2 THEN dd.deals WHEN 3 THEN dd.new_customers ELSE CASE ${slot} ${unitSums.map((u, k) => `WHEN ${k} THEN dd.${u}`).join(' ')} END END`,
    );
  // The revenue a rate is counted on: a set's rows when the milestone counts a set (as in memory), else every row.
  const dayRevenue = (basis: 'gross' | 'net', slot: string): string => bySet(slot, (k) => `dd.${basis}_s${k}`, `dd.${basis}`);
  // Amounts owed increment by increment add a step instance per completed increment (increments.ts).
  const increments = plan.instances.flatMap((i) => (i.milestone.payment.kind === 'increments' ? [{ iid: i.id, payment: i.milestone.payment.payment, target: i.milestone.target }] : []));
  const instTable = increments.length > 0 ? 'base_inst' : 'inst';
  ctes.push(
    instanceRows.length === 0
      ? `${instTable} AS (\n  ${emptyInst}\n)`
      : `${instTable} (iid, metric, slot, target, strict, from_day, to_day, pay, pay_amount, factor, ms, ptotal, once, pay_from) AS (\n  VALUES\n    ${instanceRows.join(',\n    ')}\n)`,
  );
  if (increments.length > 0) ctes.push(...incrementCtes(increments, (v, t) => p.bind(v, t), dialect, dayMetric));
  // Whether a total meets the target: passes it under a strict comparator ("exceed"), else reaches it.
  const meets = (total: string, strict: string, target = 'target'): string => `(${total} > ${target} OR (${strict} = 0 AND ${total} = ${target}))`;
  ctes.push(
    `inst_days AS (\n  SELECT i.iid, i.target, i.strict, dd.d, dd.n, ${dayRevenue('gross', 'i.slot')} AS gross, ${dayRevenue('net', 'i.slot')} AS net,\n` +
      `    ${dayMetric('i.metric', 'i.slot')} AS v,\n` +
      `    CASE WHEN i.metric = 1 THEN ${dayRevenue('gross', 'i.slot')} ELSE ${dayMetric('i.metric', 'i.slot')} END AS up\n` +
      `  FROM inst AS i JOIN days AS dd ON dd.d >= i.from_day AND dd.d < i.to_day\n)`,
    `running_days AS (\n  SELECT inst_days.*, SUM(v) OVER (PARTITION BY iid ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS run_end FROM inst_days\n)`,
    // A rate's revenue from `pay_from`: the window's first day, or the day after the previous milestone's deadline (a rate since it).
    `sums AS (\n  SELECT i.iid, COALESCE(SUM(v), CAST(0 AS ${D})) AS total,\n` +
      `    COALESCE(SUM(CASE WHEN x.d >= i.pay_from THEN x.gross END), CAST(0 AS ${D})) AS gross, COALESCE(SUM(CASE WHEN x.d >= i.pay_from THEN x.net END), CAST(0 AS ${D})) AS net\n` +
      `  FROM inst AS i LEFT JOIN inst_days AS x ON x.iid = i.iid GROUP BY i.iid\n)`,
    // The first day whose end-of-day total reaches the target: the crossing is certain by then.
    `reach AS (\n  SELECT iid, MIN(d) AS reach_day FROM running_days WHERE ${meets('run_end', 'strict')} GROUP BY iid\n)`,
    // Days that moved the total, each with the moving day before it (whose rows --explain shows).
    `moving AS (\n  SELECT iid, d, run_end - v AS before_day, LAG(d) OVER (PARTITION BY iid ORDER BY d) AS prev_d,\n` +
      `    ${meets('run_end - v + up', 'strict')} AS may_cross\n  FROM running_days WHERE v <> 0 OR up <> 0\n)`,
    // A period tested on its own total (crossing.ts, periodTotalCandidates): met when the period's total
    // passes the target; the crossing row takes the total from below to passing for the last time. It lies on
    // the last day that starts below the target, or on a later day whose refunds may dip below and back. The
    // day shown before it is the previous day with rows.
    `period_days AS (\n  SELECT iid, d, run_end - v AS before_day, LAG(d) OVER (PARTITION BY iid ORDER BY d) AS prev_d, up <> v AS dips,\n` +
      `    ${meets('run_end - v', 'strict')} AS starts_met\n  FROM running_days\n)`,
    `last_below AS (\n  SELECT iid, MAX(d) AS d FROM period_days WHERE NOT starts_met GROUP BY iid\n)`,
    // A day may hold the crossing when the total before it plus its positive contributions reaches the target.
    `candidates AS (\n  SELECT m.iid, m.d, m.prev_d FROM moving AS m JOIN inst AS i ON i.iid = m.iid LEFT JOIN reach AS r ON r.iid = m.iid\n` +
      `  WHERE i.ptotal = 0 AND m.may_cross AND (r.reach_day IS NULL OR m.d <= r.reach_day)\n  UNION ALL\n` +
      `  SELECT p.iid, p.d, p.prev_d FROM period_days AS p JOIN inst AS i ON i.iid = p.iid JOIN sums AS s ON s.iid = p.iid JOIN last_below AS l ON l.iid = p.iid\n` +
      `  WHERE i.ptotal = 1 AND ${meets('s.total', 'i.strict', 'i.target')} AND (p.d = l.d OR (p.d > l.d AND p.dips))\n)`,
    `wanted AS (\n  SELECT iid, d, TRUE AS candidate, prev_d FROM candidates\n  UNION ALL\n` +
      `  SELECT c.iid, c.prev_d, FALSE, CAST(NULL AS DATE) FROM candidates AS c WHERE c.prev_d IS NOT NULL AND NOT EXISTS (SELECT 1 FROM candidates AS o WHERE o.iid = c.iid AND o.d = c.prev_d)\n)`,
    `wanted_days AS (\n  SELECT w.iid, w.d, w.candidate, w.prev_d, m.before_day FROM wanted AS w JOIN moving AS m ON m.iid = w.iid AND m.d = w.d\n)`,
    `row_values AS (\n  SELECT w.iid, w.d, w.candidate, w.prev_d, w.before_day, i.target, i.strict, i.ptotal, f.rn, COALESCE(f.explicit_id, CAST(f.rn AS ${T})) AS id, f.t,\n` +
      `    ${contribution('f', 'i.metric', 'i.slot')} AS c\n` +
      `  FROM wanted_days AS w JOIN inst AS i ON i.iid = w.iid JOIN dated AS f ON f.d = w.d\n)`,
    `row_running AS (\n  SELECT row_values.*, before_day + SUM(c) OVER (PARTITION BY iid, d ORDER BY t, rn ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running\n` +
      `  FROM row_values WHERE c <> 0\n)`,
    // The first row whose running total meets the target; for a period total, the last row that takes it from below to meeting.
    `crossing AS (\n  SELECT z.* FROM (\n` +
      `    SELECT row_running.*, ROW_NUMBER() OVER (PARTITION BY iid ORDER BY d, t, rn) AS k_first, ROW_NUMBER() OVER (PARTITION BY iid ORDER BY d DESC, t DESC, rn DESC) AS k_last\n` +
      `    FROM row_running WHERE candidate AND ${meets('running', 'strict')} AND (ptotal = 0 OR NOT ${meets('running - c', 'strict')})\n` +
      `  ) AS z WHERE (z.ptotal = 0 AND z.k_first = 1) OR (z.ptotal = 1 AND z.k_last = 1)\n)`,
  );
  // Catch-up: instances triggered by a later milestone's achievement (catch-up.ts), met like those met on their own.
  const catchUp = catchUpSql(plan, p, dialect);
  ctes.push(
    ...catchUp.ctes,
    // Instances reported: a milestone paid once stops at its first met instance, one in instalments at the met instance owing
    // the last (the later ones are not tested, so their rows are not used). `once` is how many met instances it stops after.
    `live AS (\n  SELECT i.iid FROM inst AS i WHERE i.iid >= 0 AND (i.once = 0 OR (SELECT COUNT(*) FROM inst AS j JOIN ${catchUp.met} AS x ON x.iid = j.iid WHERE j.ms = i.ms AND j.iid < i.iid) < i.once)\n)`,
    `explained AS (\n  SELECT r.iid, r.rn, r.id, r.d, r.c, r.running,\n` +
      `    ROW_NUMBER() OVER (PARTITION BY r.iid ORDER BY r.d DESC, r.t DESC, r.rn DESC) AS back\n` +
      `  FROM row_running AS r JOIN crossing AS x ON x.iid = r.iid\n` +
      `  WHERE (r.d = x.d AND (r.t < x.t OR (r.t = x.t AND r.rn <= x.rn))) OR r.d = x.prev_d\n)`,
  );

  // Clawbacks: the refund row that undid a met instance (clawback.ts).
  const clawback = clawbackSql(plan, p, dialect, contribution, meets);
  ctes.push(...clawback.ctes);
  // Totals over days that are no instance's window: a level stop's periods, a growth's quarter a year before (period-sums.ts).
  const levels = periodSumsSql(plan.periodSums, p, dialect);
  ctes.push(...levels.ctes);

  // Row counts: every row is used, or ignored with a reason.
  ctes.push(
    `all_days AS (\n  SELECT d, COUNT(*) AS n FROM dated GROUP BY d\n)`,
    `counts AS (\n  SELECT COALESCE(SUM(n), 0) AS total,\n` +
      `    COALESCE(SUM(CASE WHEN d < ${eDay} THEN n END), 0) AS before_e,\n` +
      `    COALESCE(SUM(CASE WHEN d > ${aDay} AND d >= ${eDay} THEN n END), 0) AS after_a,\n` +
      `    COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM inst_days AS x JOIN live AS l ON l.iid = x.iid WHERE x.d = a.d) THEN n END), 0) AS used\n` +
      `  FROM all_days AS a\n)`,
    numberedRows(spec.source)
      ? `order_repeats AS (\n  SELECT 0 AS repeats\n)`
      : `order_repeats AS (\n  SELECT COUNT(*) - COUNT(DISTINCT rn) AS repeats FROM dated\n)`,
  );
  // Each set's near cells, with their first evaluated row, and the evaluated rows whose cell has no name (item-sets.ts).
  const evaluated = `d >= ${eDay} AND d <= ${aDay}`;
  const setSelects = [
    ...plan.sets.flatMap((set, k) => {
      const near = setCells?.near[k] ?? [];
      if (near.length === 0) return [];
      const cellsIn = cellIn(`${set.field}_set_raw`, near.map((x) => x.cell), (v) => p.bind(v, T));
      return [
        `SELECT 'near', CAST(NULL AS ${dialect.integer}), CAST(${k} AS ${dialect.integer}), ${nullText}, MIN(rn), ${nullText}, ${nullText}, ${nullText}, ${nullText}, ${nullText}, ${nullText}, ${set.field}_set_raw\n` +
          `  FROM dated WHERE ${evaluated} AND ${cellsIn} GROUP BY ${set.field}_set_raw`,
      ];
    }),
    ...setFields(plan.sets).flatMap((field) => {
      const blank = setCells?.blank[field] ?? [];
      if (blank.length === 0) return [];
      return [
        `SELECT 'blank', CAST(NULL AS ${dialect.integer}), CAST(NULL AS ${dialect.integer}), ${nullText}, CAST(NULL AS ${dialect.integer}), ${nullText}, CAST(COUNT(*) AS ${T}), ${nullText}, ${nullText}, ${nullText}, ${nullText}, '${field}'\n` +
          `  FROM dated WHERE ${evaluated} AND ${cellIn(`${field}_set_raw`, blank, (v) => p.bind(v, T))}`,
      ];
    }),
  ];
  const firstCurrency = plan.wantsRowCurrency ? `(SELECT currency FROM dated WHERE currency IS NOT NULL ORDER BY rn LIMIT 1)` : `CAST(NULL AS ${T})`;

  // Problems with the ledger's rows, as `evaluate` reports them.
  const issueParts: string[] = [];
  // Ranked as the ledger reader lists one row's problems: missing cells, unreadable cells, currency, id.
  const missing = (column: 'date' | 'amount' | 'units', name: string | null | undefined, rank: number): void => {
    const code = name ? 'missing-value' : 'missing-column';
    issueParts.push(
      `SELECT rn, ${rank} AS rank, '${column}' AS col, '${code}' AS code, CAST(NULL AS ${T}) AS val, CAST(NULL AS ${dialect.integer}) AS first_rn FROM dated WHERE ${column}_missing`,
    );
  };
  // The required columns in the reader's order (src/evaluation/plan.ts requiredColumns): a row's missing cells are listed so.
  const required = ['date', ...requiredColumns(plan.ast).filter((x) => x !== 'date')];
  for (const [rank, column] of required.entries()) {
    if (column === 'date' || column === 'amount' || column === 'units') missing(column, c[column], rank);
    else if (column === 'product' || column === 'customer') {
      const name = c[column];
      issueParts.push(
        `SELECT rn, ${rank} AS rank, '${column}' AS col, '${name ? 'missing-value' : 'missing-column'}' AS code, ${column}_set_raw AS val, CAST(NULL AS ${dialect.integer}) AS first_rn FROM dated WHERE ${column}_missing`,
      );
    }
  }
  const cellRank = { date: 10, amount: 11, units: 12 } as const;
  for (const column of checked) {
    if (column === 'amount' && !plan.wantsAmount && !plan.milestones.some((m) => paysOnRevenue(m.payment))) continue;
    if (column === 'units' && !plan.wantsUnits) continue;
    issueParts.push(`SELECT rn, ${cellRank[column]}, '${column}', 'cell', ${column}_bad, CAST(NULL AS ${dialect.integer}) FROM dated WHERE ${column}_bad IS NOT NULL`);
  }
  for (const field of unusual) {
    issueParts.push(`SELECT rn, 15, '${field}', 'unusual-name', ${field}_unusual, CAST(NULL AS ${dialect.integer}) FROM dated WHERE ${field}_unusual IS NOT NULL`);
  }
  if (plan.currency !== null && c.currency) {
    const clauseCurrency = p.bind(plan.currency, T);
    issueParts.push(
      `SELECT rn, 16, 'currency', 'currency-mismatch', currency, CAST(NULL AS ${dialect.integer}) FROM dated WHERE currency IS NOT NULL AND currency <> ${clauseCurrency}`,
    );
  }
  if (c.id) {
    ctes.push(
      // Ids are grouped by a 64-bit hash first (integers group far faster than strings); only
      // the ids whose hash repeats are compared as text.
      // A summary row is not read as a sale, so its id is no first use (as in memory).
      `repeated_hashes AS (\n  SELECT ${dialect.hash64('explicit_id')} AS h FROM dated WHERE explicit_id IS NOT NULL AND summary_col IS NULL GROUP BY ${dialect.hash64('explicit_id')} HAVING COUNT(*) > 1\n)`,
      `id_uses AS (\n  SELECT l.rn, l.explicit_id, MIN(l.rn) OVER (PARTITION BY l.explicit_id) AS first_rn\n` +
        `  FROM dated AS l JOIN repeated_hashes AS r ON r.h = ${dialect.hash64('l.explicit_id')} WHERE l.explicit_id IS NOT NULL AND l.summary_col IS NULL\n)`,
    );
    issueParts.push(`SELECT rn, 17, 'id', 'duplicate-id', explicit_id, first_rn FROM id_uses WHERE rn > first_rn`);
  }
  // A summary row's error is its only one: the reader does not read its cells.
  ctes.push(
    `issues AS (\n  SELECT * FROM (\n  ${issueParts.join('\n  UNION ALL\n  ')}\n  ) AS cell_issues WHERE NOT EXISTS (SELECT 1 FROM dated AS sr WHERE sr.rn = cell_issues.rn AND sr.summary_col IS NOT NULL)\n` +
      `  UNION ALL\n  SELECT rn, -1, summary_col, 'summary-row', summary_val, CAST(NULL AS ${dialect.integer}) FROM dated WHERE summary_col IS NOT NULL\n)`,
  );
  ctes.push(`issue_count AS (\n  SELECT COUNT(*) AS n FROM issues\n)`);

  const nullInt = `CAST(NULL AS ${dialect.integer})`;
  const nullDec = `CAST(NULL AS ${D})`;
  const dec = (e: string): string => `CAST(${e} AS ${T})`;
  const day = (e: string): string => `CAST(${e} AS ${T})`;
  const minor = plan.currency !== null ? minorUnits(plan.currency) : null;
  const rateAmount = (revenue: string): string =>
    minor === null ? `(${revenue} * i.factor)` : `ROUND(${revenue} * i.factor, ${Number(minor)})`;
  const selects = [
    `SELECT 'instance' AS kind, i.iid, ${nullInt} AS seq, x.id AS row_id, x.rn AS row_number, ${day('x.d')} AS day,\n` +
      `    ${dec('s.total')} AS v1, ${dec('x.running')} AS v2, ${dec('x.before_day')} AS v3,\n` +
      `    ${dec(`CASE WHEN i.pay IN (${PAYMENT_CODE['rate-net']}, ${PAYMENT_CODE['computed-net']}) THEN s.net ELSE s.gross END`)} AS v4,\n` +
      `    ${dec(
        `CASE WHEN x.iid IS NULL THEN ${nullDec} WHEN i.pay = ${PAYMENT_CODE.constant} THEN i.pay_amount ` +
          (rate
            ? `WHEN i.pay = ${PAYMENT_CODE['rate-gross']} THEN ${rateAmount('s.gross')} WHEN i.pay = ${PAYMENT_CODE['rate-net']} THEN ${rateAmount('s.net')} `
            : '') +
          `ELSE ${nullDec} END`,
      )} AS v5,\n` +
      // Met or not; missed or pending is the window's rule (windowOver), applied in TypeScript.
      `    CASE WHEN x.iid IS NOT NULL THEN 'met' END AS label\n` +
      `  FROM inst AS i JOIN sums AS s ON s.iid = i.iid LEFT JOIN crossing AS x ON x.iid = i.iid`,
    `SELECT 'explain', e.iid, e.back, e.id, e.rn, ${day('e.d')}, ${dec('e.c')}, ${dec('e.running')}, ${nullText}, ${nullText}, ${nullText}, ${nullText}\n` +
      `  FROM explained AS e WHERE e.back <= 4`,
    `SELECT 'rows', ${nullInt}, c.total, ${nullText}, ${nullInt}, ${nullText}, ${dec('c.before_e')}, ${dec('c.after_a')}, ${dec('c.used')}, ${dec('o.repeats')}, ${nullText}, ${firstCurrency}\n` +
      `  FROM counts AS c CROSS JOIN order_repeats AS o`,
    `SELECT 'issue', ${nullInt}, z.first_rn, z.col, z.rn, z.val, ${dec('n.n')}, ${nullText}, ${nullText}, ${nullText}, ${nullText}, z.code\n` +
      `  FROM (SELECT * FROM issues ORDER BY rn, rank LIMIT ${Number(MAX_REPORTED_ERRORS)}) AS z CROSS JOIN issue_count AS n`,
    ...clawback.selects,
    ...catchUp.selects,
    ...levels.selects,
    ...setSelects,
  ];
  // Increments are counted up by a recursive CTE (increments.ts), which the WITH must announce.
  const text = `WITH${increments.length > 0 ? ' RECURSIVE' : ''}\n${ctes.join(',\n')}\n${selects.join('\nUNION ALL\n')}\n`;
  return { dialect: dialect.name, text, params: p.values };
}

/** The FROM item for the ledger: a quoted name, or a file scan with its path bound. */
export function sourceSql(source: LedgerSource, p: { bind(value: string, type: string): string }, dialect: SqlDialect): string {
  switch (source.kind) {
    case 'table':
      return quoteIdentifier(source.name);
    case 'parquet':
      if (!dialect.parquetScan) throw new SqlUnsupportedError('parquet source', `${dialect.name} cannot read a Parquet file itself: load it into a table`);
      return dialect.parquetScan(p.bind(source.path, dialect.text));
    case 'rows-of': {
      // Values are bound one by one; none is a condition no row meets.
      const cell = `CAST(f.${quoteIdentifier(source.column)} AS ${dialect.text})`;
      const test = source.values.length === 0 ? 'FALSE' : `${cell} IN (${source.values.map((v) => p.bind(v, dialect.text)).join(', ')})`;
      return `(SELECT * FROM ${sourceSql(source.source, p, dialect)} AS f WHERE ${test})`;
    }
  }
}

function instanceRow(inst: SqlInstance, plan: SqlPlan, p: Params, dialect: SqlDialect): string {
  const m = inst.milestone;
  const D = dialect.decimal;
  // A defined set's slot is negative (its index, from -1); a product's is its units column; else 0.
  const slot = m.set !== null ? -(m.set + 1) : m.metric === 'units' ? (m.productKey === null ? 0 : plan.products.indexOf(m.productKey) + 1) : 0;
  const pay = m.payment;
  const payCode =
    pay.kind === 'constant'
      ? PAYMENT_CODE.constant
      : pay.kind === 'rate'
        ? PAYMENT_CODE[pay.basis === 'net' ? 'rate-net' : 'rate-gross']
        : pay.kind === 'computed'
          ? PAYMENT_CODE[pay.basis === 'net' ? 'computed-net' : 'computed-gross']
          : PAYMENT_CODE.none;
  return (
    `(${p.bind(inst.id, dialect.integer)}, ${p.bind(METRIC_CODE[m.metric], dialect.integer)}, ${p.bind(slot, dialect.integer)}, ` +
    `${p.bind(inst.target, D)}, ${p.bind(m.strict ? 1 : 0, dialect.integer)}, ${p.bind(isoDay(inst.fromDay), 'DATE')}, ${p.bind(isoDay(inst.toDay), 'DATE')}, ` +
    `${p.bind(payCode, dialect.integer)}, ` +
    `${pay.kind === 'constant' ? p.bind(pay.amount, D) : `CAST(NULL AS ${D})`}, ` +
    `${pay.kind === 'rate' ? p.bind(pay.factor, dialect.rateFactor) : `CAST(NULL AS ${dialect.rateFactor})`}, ` +
    `${p.bind(m.index, dialect.integer)}, ${p.bind(m.periodTotal ? 1 : 0, dialect.integer)}, ${p.bind(m.stopsAfterMet, dialect.integer)}, ${p.bind(isoDay(inst.payFrom), 'DATE')})`
  );
}
