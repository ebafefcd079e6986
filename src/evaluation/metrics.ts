/**
 * The metrics a milestone can count (gross revenue, net revenue, units, deals, new customers), each
 * defined once: how pass 1 folds a row into per-day sums (`DaySums.fold`), which of those sums the
 * running total moves with (`series`), what one row contributes when the crossing row is searched
 * (`contribution`), how the metric is read in words (`reading`, the notes), and the per-day amounts a
 * chart draws (`chartSeries`). A new metric is a new entry in `METRICS` and, when it needs a sum
 * that no other metric keeps, a line in `DaySums.fold`.
 */
import type { TargetNode } from '../language/ast';
import type { Metric } from '../language/describe';
import type { LedgerRow } from '../ledger/rows';
import { Dec, decimalString } from '../values/money';
import { Accumulator, isPositive, SCALE, type Quantity } from '../values/quantity';
import { formatIsoDate, fromDayNumber } from '../time/periods';
import { CustomerTable } from './customer-table';
import type { ScratchFiles } from './scratch-file';
import { DaySeries } from './day-series';
import { inSet, nearMember, type RowSet } from '../language/item-sets';
import { normalizeText, textKey } from '../values/text-key';

/** The day sums of the rows of one defined set (src/language/item-sets.ts), for the metrics that count sales or units. */
export class SetSums {
  readonly gross: DaySeries;
  readonly net: DaySeries;
  readonly deals: DaySeries;
  /** Units of every row of the set. */
  readonly units: DaySeries;
  /** Cells already judged: whether each is a member (bounded, like the product series cache). */
  private readonly judged = new Map<string, boolean>();
  /** Cells that nearly match a member and are not counted, with that member (at most `MAX_NEAR`). */
  readonly near = new Map<string, string>();
  /** Rows in [E, A] with no cell in the set's column. */
  blank = 0;

  constructor(readonly set: RowSet, days: number) {
    this.gross = new DaySeries(days);
    this.net = new DaySeries(days);
    this.deals = new DaySeries(days);
    this.units = new DaySeries(days);
  }

  /** Pass 1: a row of the set on day index `i`. */
  add(r: LedgerRow, i: number, positive: boolean): void {
    const amount = r.amount;
    if (amount !== null) {
      this.net.add(i, amount);
      if (positive) {
        this.gross.add(i, amount);
        this.deals.add(i, SCALE);
      }
    }
    if (r.units !== null && isPositive(r.units)) this.units.add(i, r.units);
  }

  /** Whether a row belongs to the set (its product or customer cell names a member). */
  holds(r: LedgerRow): boolean {
    const cell = this.set.field === 'product' ? r.product : r.customer;
    if (cell === null) return false;
    let member = this.judged.get(cell);
    if (member === undefined) {
      member = inSet(this.set, cell);
      if (!member && this.near.size < MAX_NEAR) {
        const near = nearMember(this.set, cell);
        if (near !== null) this.near.set(cell, near);
      }
      if (this.judged.size < 100_000) this.judged.set(cell, member);
    }
    return member;
  }
}

/**
 * The most products one evaluation counts per product: each keeps its own day sums (four series over the evaluated
 * days), so a ledger of more distinct products is refused rather than summed in unbounded memory.
 */
export const MAX_PRODUCTS = 10_000;

/** One product of the ledger as a set of one member: its rows are those whose product cell names it (`textKey`). */
export function productSet(cell: string): RowSet {
  const key = textKey(cell);
  return { field: 'product', term: normalizeText(cell), members: new Set([key]), key: `product\u0000${key}` };
}

/** The most near matches one set reports: enough to show the problem, bounded for a ledger of millions of names. */
export const MAX_NEAR = 20;

/** The units key of a milestone that counts every product. */
export const ANY_PRODUCT = '\u0000any';

/** How units milestones name their product: trimmed and case-folded, or `ANY_PRODUCT`. */
export function productKey(product: string | null): string {
  return product === null ? ANY_PRODUCT : product.trim().toLowerCase();
}

/**
 * Pass 1's per-day sums of every metric over the evaluated days (index 0 is the effective date E),
 * and the counts of rows outside them.
 */
export class DaySums {
  readonly gross: DaySeries;
  readonly net: DaySeries;
  readonly deals: DaySeries;
  /** Units per product key (only the products some milestone counts). */
  readonly units = new Map<string, DaySeries>();
  readonly rowsPerDay: Float64Array;
  /** Built from the first sales at the end of pass 1. */
  newCustomers: DaySeries | null = null;
  before = 0;
  after = 0;
  firstRowCurrency: string | null = null;
  /** Each customer's first positive-amount row, and customers with a row before E (null: no milestone counts customers). */
  private readonly customers: CustomerTable | null;
  /** Units series per product as written (null: a product no milestone counts). */
  private readonly productSeries = new Map<string, DaySeries | null>();
  /** The day sums of each defined set a milestone counts, by `RowSet.key`. */
  readonly sets = new Map<string, SetSums>();
  /**
   * Each product's day sums, by its set's key, when a milestone counts per product ("of a Licensed Product"); null
   * when none does. A product is a value of the `product` column, trimmed, case and spacing ignored (`textKey`).
   */
  readonly products: Map<string, SetSums> | null;
  /** More products than `MAX_PRODUCTS`: the later ones are not summed, and the evaluation refuses. */
  tooManyProducts = false;

  /**
   * `firstDay`, `lastDay`: E and A as local days; `productKeys`: the units milestones' products;
   * `customers`: whether a milestone counts new customers; `scratch`: where their table may spill.
   */
  constructor(
    readonly firstDay: number,
    readonly lastDay: number,
    readonly days: number,
    productKeys: ReadonlySet<string>,
    customers: boolean,
    rowSets: readonly RowSet[] = [],
    scratch: ScratchFiles | null = null,
    perProduct = false,
  ) {
    this.products = perProduct ? new Map() : null;
    this.gross = new DaySeries(days);
    this.net = new DaySeries(days);
    this.deals = new DaySeries(days);
    this.rowsPerDay = new Float64Array(days);
    for (const key of productKeys) this.units.set(key, new DaySeries(days));
    this.customers = customers ? new CustomerTable(scratch) : null;
    for (const set of rowSets) if (!this.sets.has(set.key)) this.sets.set(set.key, new SetSums(set, days));
  }

  /** The day sums of a set (planned with the evaluation). */
  setSums(set: RowSet): SetSums {
    const found = this.sets.get(set.key) ?? this.products?.get(set.key);
    if (found === undefined) throw new Error(`the set "${set.term}" was not planned`);
    return found;
  }

  /** Pass 1: one normalized row, any order. */
  fold(r: LedgerRow): void {
    if (this.firstRowCurrency === null && r.currency !== null) this.firstRowCurrency = r.currency;
    const amount = r.amount;
    const positive = amount !== null && isPositive(amount);
    if (positive && this.customers !== null && r.customer !== null) this.customers.sale(r.customer, r.time, r.row, r.day);
    if (r.day < this.firstDay) {
      this.before++;
      // Seen before E with any row, even a refund: such a customer is never new.
      if (this.customers !== null && r.customer !== null) this.customers.seenBefore(r.customer);
      return;
    }
    if (r.day > this.lastDay) {
      this.after++;
      return;
    }
    const i = r.day - this.firstDay;
    this.rowsPerDay[i]++;
    if (amount !== null) {
      this.net.add(i, amount);
      if (positive) {
        this.gross.add(i, amount);
        this.deals.add(i, SCALE);
      }
    }
    for (const sums of this.sets.values()) {
      if (!sums.holds(r)) {
        if ((sums.set.field === 'product' ? r.product : r.customer) === null) sums.blank++;
        continue;
      }
      sums.add(r, i, positive);
    }
    if (this.products !== null && r.product !== null) this.productSums(r.product)?.add(r, i, positive);
    if (r.units !== null && this.units.size > 0 && isPositive(r.units)) {
      const any = this.units.get(ANY_PRODUCT);
      if (any) any.add(i, r.units);
      if (r.product !== null) {
        let series = this.productSeries.get(r.product);
        if (series === undefined) {
          series = this.units.get(r.product.toLowerCase()) ?? null;
          if (this.productSeries.size < 100_000) this.productSeries.set(r.product, series);
        }
        if (series !== null) series.add(i, r.units);
      }
    }
  }

  /** Product cells as written, to their day sums: a cell seen before costs one lookup, not a normalised key. */
  private readonly productByCell = new Map<string, SetSums | null>();

  /** The day sums of the product a cell names, made on its first row (null past `MAX_PRODUCTS`). */
  private productSums(cell: string): SetSums | null {
    const seen = this.productByCell.get(cell);
    if (seen !== undefined) return seen;
    const sums = this.productSumsOf(cell);
    if (this.productByCell.size < 100_000) this.productByCell.set(cell, sums);
    return sums;
  }

  private productSumsOf(cell: string): SetSums | null {
    // Past the limit the evaluation refuses: a new cell is no longer normalised, whichever product it names.
    if (this.tooManyProducts) return null;
    const products = this.products as Map<string, SetSums>;
    const set = productSet(cell);
    const found = products.get(set.key);
    if (found !== undefined) return found;
    if (products.size >= MAX_PRODUCTS) {
      this.tooManyProducts = true;
      return null;
    }
    const sums = new SetSums(set, this.days);
    products.set(set.key, sums);
    return sums;
  }

  /** Ends pass 1: new customers are known once every first sale is. */
  endPass1(): void {
    if (this.customers === null) return;
    const series = new DaySeries(this.days);
    this.customers.forEachNew(this.firstDay, this.lastDay, (day) => series.add(day - this.firstDay, SCALE));
    this.newCustomers = series;
  }

  /** Whether `r` is its customer's first positive sale and the customer is new (after `endPass1`). */
  isNewCustomer(r: LedgerRow): boolean {
    return r.customer !== null && this.customers !== null && this.customers.isFirstSaleOfNew(r.customer, r.row);
  }
}

/** One metric's rules. `product` is the units milestone's `productKey` (null for other metrics). */
export interface MetricRule {
  /**
   * The day sums the running total can peak with within a day (`up`: positive contributions) and
   * the one it ends each day with (`net`, also the reported total). `set`: only the rows of a defined set count.
   */
  series(sums: DaySums, product: string | null, set?: RowSet | null): { up: DaySeries; net: DaySeries };
  /** One row's contribution to the running total (0: it does not move it). */
  contribution(r: LedgerRow, product: string | null, sums: DaySums, set?: RowSet | null): Quantity;
  /** How the metric is read, in words, for the interpretation notes. */
  reading(target: TargetNode): string;
}

const revenueReading = (t: TargetNode): string => {
  if (t.kind !== 'revenue') throw new Error(`a revenue metric for a ${t.kind} target`);
  if (t.basis === null) return 'revenue read as gross (the sum of positive amounts; refunds not deducted): the clause does not say net';
  if (t.basis === 'gross') return 'revenue read as gross, as the clause says: the sum of positive amounts';
  return 'revenue read as net, as the clause says: the sum of all amounts, refunds deducted';
};

/** The metrics as they count every row of the ledger. */
const ALL_ROWS: Readonly<Record<Metric, MetricRule>> = {
  'gross-revenue': {
    series: (sums) => ({ up: sums.gross, net: sums.gross }),
    contribution: (r) => (r.amount !== null && isPositive(r.amount) ? r.amount : 0),
    reading: revenueReading,
  },
  'net-revenue': {
    series: (sums) => ({ up: sums.gross, net: sums.net }),
    contribution: (r) => r.amount ?? 0,
    reading: revenueReading,
  },
  deals: {
    series: (sums) => ({ up: sums.deals, net: sums.deals }),
    contribution: (r) => (r.amount !== null && isPositive(r.amount) ? SCALE : 0),
    reading: (t) => `${t.kind === 'deals' ? t.noun : 'deals'} are counted as rows with a positive amount`,
  },
  units: {
    series(sums, product) {
      const s = sums.units.get(product ?? ANY_PRODUCT) as DaySeries;
      return { up: s, net: s };
    },
    contribution(r, product) {
      if (r.units === null || !isPositive(r.units)) return 0;
      if (product === ANY_PRODUCT) return r.units;
      return r.product !== null && r.product.toLowerCase() === product ? r.units : 0;
    },
    reading(t) {
      const p = t.kind === 'units' ? t.product : null;
      return `units are the sum of positive units ${p === null ? 'of every row' : `of rows whose product is "${p}" (trimmed, case-insensitive)`}; returns are not deducted`;
    },
  },
  'new-customers': {
    series(sums) {
      const s = sums.newCustomers as DaySeries;
      return { up: s, net: s };
    },
    contribution: (r, _product, sums) => (sums.isNewCustomer(r) ? SCALE : 0),
    reading: (t) =>
      `a ${t.kind === 'new-customers' && t.noun === 'clients' ? 'client' : 'customer'} is new in the window holding their first positive-amount row in the whole ledger; ` +
      'one seen before the effective date (in any row, even a refund) is never new; names compared trimmed and case-insensitively; rows without a customer are not counted',
  },
};

/** A set's series for the metrics that count sales or units; new customers are never counted within a set (the checker refuses it). */
function setSeries(metric: Metric, s: SetSums): { up: DaySeries; net: DaySeries } {
  switch (metric) {
    case 'gross-revenue':
      return { up: s.gross, net: s.gross };
    case 'net-revenue':
      return { up: s.gross, net: s.net };
    case 'deals':
      return { up: s.deals, net: s.deals };
    case 'units':
      return { up: s.units, net: s.units };
    case 'new-customers':
      throw new Error('new customers are not counted within a defined set');
  }
}

/** The metrics, each counting only a set's rows when a milestone names a defined set (src/language/item-sets.ts). */
export const METRICS: Readonly<Record<Metric, MetricRule>> = Object.fromEntries(
  (Object.keys(ALL_ROWS) as Metric[]).map((metric) => {
    const rule = ALL_ROWS[metric];
    const filtered: MetricRule = {
      series: (sums, product, set) => (set ? setSeries(metric, sums.setSums(set)) : rule.series(sums, product)),
      contribution: (r, product, sums, set) => (set && !sums.setSums(set).holds(r) ? 0 : rule.contribution(r, set && metric === 'units' ? ANY_PRODUCT : product, sums)),
      reading: rule.reading,
    };
    return [metric, filtered];
  }),
) as Record<Metric, MetricRule>;

/** What a chart draws for one metric (and product): the exact amount each evaluated day adds to the total. */
export interface ChartSeries {
  metric: Metric;
  /** For units: the product as the milestone writes it; for a milestone counted per product, the product whose own rows the series counts; null for every product. */
  product: string | null;
  /** The defined set whose rows alone count ("Eligible Products"), when the milestone names one. */
  set?: string;
  /** Days with a non-zero amount, in order, within [effective date, as-of date]. */
  days: Array<{ date: string; amount: string }>;
}

/** The per-day amounts of the series whose running total is the reported total. */
export function chartSeries(sums: DaySums, metric: Metric, product: string | null, set: RowSet | null = null): ChartSeries['days'] {
  const { net } = METRICS[metric].series(sums, metric === 'units' ? productKey(product) : null, set);
  const days: ChartSeries['days'] = [];
  for (let i = 0; i < sums.days; i++) {
    if (!net.changedOn(i)) continue;
    const acc = new Accumulator();
    net.addTo(acc, i);
    const value = acc.value();
    if (!value.isZero()) days.push({ date: formatIsoDate(fromDayNumber(i + sums.firstDay)), amount: decimalString(value) });
  }
  return days;
}

/** Running totals of a chart series over the days [from, to] (ISO dates, inclusive): exact decimal strings. */
export function runningTotals(series: ChartSeries, from: string, to: string): { steps: Array<{ date: string; total: string }>; total: string } {
  const acc = new Accumulator();
  const steps: Array<{ date: string; total: string }> = [];
  for (const d of series.days) {
    if (d.date < from || d.date > to) continue;
    acc.add(new Dec(d.amount));
    steps.push({ date: d.date, total: decimalString(acc.value()) });
  }
  return { steps, total: decimalString(acc.value()) };
}
