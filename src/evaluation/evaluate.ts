/**
 * The evaluation: a clause and a ledger → milestone statuses and the obligations they trigger.
 *
 * It runs as a two-pass aggregation so that a later streaming reader can evaluate ledgers far
 * larger than memory, in any row order:
 *   1. every row is read once and folded into per-local-day aggregates (window boundaries are
 *      local midnights, so day buckets are exact), plus each customer's first positive sale and a
 *      hash of each explicit id (id-index.ts);
 *   2. from those, each milestone instance's candidate crossing days are known; a second read
 *      keeps only rows on those days, and the exact crossing row is found by ordering just them
 *      (and ids whose hash repeated are compared as strings).
 * Results never depend on input order except to break ties between rows at the same instant
 * (field notes: "attainment that depends on processing order").
 */
import type { CellFormats } from '../ledger/cell-formats';
import {
  assertNever,
  type ClauseNode,
  type DocumentNode,
  type MilestoneNode,
  type PaymentNode,
  type TargetNode,
} from '../language/ast';
import { Dec, decimalString, formatMoney, moneyString, roundMoney } from '../values/money';
import {
  ContractCalendar,
  dayNumber,
  formatIsoDate,
  fromDayNumber,
  resolveContext,
  windowInstances,
  type ContractContext,
  type WindowInstance,
} from '../time/periods';
import { Accumulator, isPositive, SCALE, targetQuantity, toDec, type Quantity } from '../values/quantity';
import { confirmDuplicates, IdIndex } from './id-index';
import { dateCell, dateIndex, idCellText, idCellOfCells, RowNormalizer, type ColumnLayout, type NormalizeResult } from '../ledger/normalize';
import type { LedgerColumn, LedgerRecord, LedgerRow, RowIssue } from '../ledger/rows';
import { scheduledAmount, type Schedule } from './schedule';
import { metricOf, paymentFor, windowType, type Metric, type WindowType } from '../language/describe';
import { ZoneClock } from '../time/zone-clock';

export interface EvaluationOptions {
  /** Effective date E, `YYYY-MM-DD`. */
  effectiveDate: string;
  /** IANA zone; default UTC. */
  timeZone?: string;
  /** As-of date A, `YYYY-MM-DD`; default today in the zone. */
  asOf?: string;
  schedule?: Schedule | null;
  /** Problems found while reading the ledger text; those rows are not normalized again. */
  readIssues?: readonly RowIssue[];
  /** For tests: the clock that defines "today". */
  now?: () => number;
  /** How the ledger writes dates and amounts when not in the ledger's own forms (`CellFormats.of(reading)`). */
  cellFormats?: CellFormats | null;
}

export type { Metric };
export type Status = 'met' | 'missed' | 'pending';
export type IgnoreReason = 'before-effective-date' | 'after-as-of' | 'outside-every-window';

export interface ExplainRow {
  id: string;
  row: number;
  date: string;
  /** This row's contribution to the metric (decimal string). */
  contribution: string;
  /** Running total after this row. */
  runningTotal: string;
}

export interface MilestoneResult {
  clause: number;
  label: string | null;
  period: number | null;
  metric: Metric;
  /** For units, the product ("Widget") or null for any. */
  product: string | null;
  target: string;
  /** Currency of a revenue target, else null. */
  currency: string | null;
  /** `cumulative` from E, one `period`, or one instance of a `recurring` window. */
  windowType: WindowType;
  windowStart: string;
  deadline: string;
  status: Status;
  achievedAt: string | null;
  achievedBy: string | null;
  /** Row number of the crossing row. */
  achievedByRow: number | null;
  total: string;
  /** total / target in percent, one decimal, half-up. */
  progress: string;
  /** The crossing row and up to three contributing rows before it (that day or the last earlier active day), with running totals. */
  crossing: { runningTotalBeforeDay: string; rows: ExplainRow[] } | null;
}

/**
 * Where an obligation's amount came from: written in the milestone `item`, a fixed amount in a
 * payment `sentence`, the `schedule` for a section reference, a `rate` of revenue, or
 * `unresolved` (a section reference with no schedule given: amount null).
 */
export type ObligationBasis = 'item' | 'sentence' | 'schedule' | 'rate' | 'unresolved';

export interface Obligation {
  clause: number;
  label: string | null;
  period: number | null;
  /** Decimal string with the currency's minor digits, or null when the clause leaves it undefined. */
  amount: string | null;
  currency: string | null;
  triggeredAt: string;
  /** Row id of the sale that met the milestone. */
  triggeredBy: string;
  basis: ObligationBasis;
  /** How the amount was found, in words. */
  explanation: string;
}

export type EvaluationCode =
  | RowIssue['code']
  | 'invalid-context'
  | 'schedule-missing-label'
  | 'unresolved-payment'
  | 'schedule-currency'
  | 'no-payment'
  | 'unknown-rate-currency'
  | 'no-rows'
  | 'second-pass-mismatch'
  | 'zone-abbreviation'
  | 'seller-near-miss'
  | 'seller-not-found';

export interface EvaluationDiagnostic {
  code: EvaluationCode;
  severity: 'error' | 'warning' | 'info';
  message: string;
  row?: number;
  column?: string;
  value?: string;
  label?: string | null;
}

export interface RowCounts {
  total: number;
  used: number;
  ignored: Record<IgnoreReason, number>;
}

export interface EvaluationSuccess {
  ok: true;
  asOf: string;
  effectiveDate: string;
  timeZone: string;
  milestones: MilestoneResult[];
  obligations: Obligation[];
  /** Sum of obligation amounts per currency; `unresolved` counts obligations with no amount. */
  totals: Array<{ currency: string | null; amount: string | null; unresolved: number }>;
  rows: RowCounts;
  notes: string[];
  diagnostics: EvaluationDiagnostic[];
}

export interface EvaluationFailure {
  ok: false;
  asOf: string | null;
  effectiveDate: string;
  timeZone: string;
  /** The first `MAX_REPORTED_ERRORS` errors, in row order. */
  errors: EvaluationDiagnostic[];
  /** All errors, including those not listed. */
  errorCount: number;
  diagnostics: EvaluationDiagnostic[];
}

export type EvaluationReport = EvaluationSuccess | EvaluationFailure;

export const MAX_REPORTED_ERRORS = 20;

/** Rows shown up to and including the crossing row (`crossing.rows`, `--explain`). */
const EXPLAIN_ROWS = 4;

/** Per-local-day sums over the evaluated days; exact (scaled integers with a `Dec` overflow). */
class DaySeries {
  readonly small: Float64Array;
  readonly big = new Map<number, Dec>();

  constructor(days: number) {
    this.small = new Float64Array(days);
  }

  add(i: number, q: Quantity): void {
    if (typeof q === 'number') {
      const next = this.small[i] + q;
      if (next <= Number.MAX_SAFE_INTEGER && next >= -Number.MAX_SAFE_INTEGER) {
        this.small[i] = next;
        return;
      }
      this.big.set(i, (this.big.get(i) ?? new Dec(0)).plus(new Dec(this.small[i]).plus(q).dividedBy(SCALE)));
      this.small[i] = 0;
      return;
    }
    this.big.set(i, (this.big.get(i) ?? new Dec(0)).plus(q));
  }

  /** Whether anything was added on day `i`. */
  moves(i: number): boolean {
    return this.small[i] !== 0 || this.big.has(i);
  }

  addTo(acc: Accumulator, i: number): void {
    acc.add(this.small[i]);
    const big = this.big.get(i);
    if (big) acc.add(big);
  }
}

/** One milestone, with everything the passes need to know about it. */
interface Plan {
  clauseIndex: number;
  clause: ClauseNode;
  milestone: MilestoneNode;
  metric: Metric;
  productKey: string | null;
  target: Quantity;
  instances: InstancePlan[];
}

interface InstancePlan {
  window: WindowInstance;
  /** Evaluated day indices `[from, to)` relative to E (window ∩ [E, A]). */
  from: number;
  to: number;
  /** Candidate crossing days (indices) with the running total before each. */
  candidates: Array<{ index: number; before: Accumulator; previous: number }>;
  /** Pass 1 saw the total at the end of a day reach the target: pass 2 must find the crossing row. */
  reached: boolean;
}

const ANY_PRODUCT = '\u0000any';

interface FirstSale {
  time: number;
  row: number;
  day: number;
}

/** Row order: by instant, ties by row number (input order). */
function earlier(a: { time: number; row: number }, b: { time: number; row: number }): boolean {
  return a.time < b.time || (a.time === b.time && a.row < b.row);
}

function targetText(target: TargetNode): string {
  switch (target.kind) {
    case 'revenue':
      return target.amount.amount;
    case 'units':
    case 'deals':
    case 'new-customers':
      return target.count;
    default:
      return assertNever(target);
  }
}

function productKey(product: string | null): string {
  return product === null ? ANY_PRODUCT : product.trim().toLowerCase();
}

/** The clause currency rows must be in: the first revenue target's, else the first fixed payment's. */
export function documentCurrency(ast: DocumentNode): string | null {
  for (const clause of ast.clauses) {
    for (const m of clause.milestones) if (m.target.kind === 'revenue') return m.target.amount.currency;
  }
  for (const clause of ast.clauses) {
    for (const m of clause.milestones) if (m.payment?.kind === 'fixed') return m.payment.amount.currency;
    for (const p of clause.payments) if (p.payment.kind === 'fixed') return p.payment.amount.currency;
  }
  return null;
}

/** Which payment applies, with where it came from in words (the rule itself is shared with `validate`). */
function paymentSource(clause: ClauseNode, milestone: MilestoneNode): { payment: PaymentNode; source: string; inItem: boolean } | null {
  const found = paymentFor(milestone, clause);
  if (!found) return null;
  const term = found.term;
  const source =
    term === null
      ? 'stated in the milestone'
      : term.scope.kind === 'milestone'
        ? `the payment sentence for milestone (${term.scope.label})`
        : 'the payment sentence for each milestone';
  return { payment: found.payment, source, inItem: term === null };
}

/** How notes name a milestone: "(ii)", "Month 1", or "clause 2 (ii)" when the document has several clauses. */
function labelName(plan: Plan, index: number, clauses: number): string {
  const label = plan.milestone.label;
  const own = label === null ? `milestone ${index}` : /\s/.test(label) ? label : `(${label})`;
  return clauses > 1 ? `clause ${plan.clauseIndex} ${own}` : own;
}

/**
 * A two-pass evaluation. Call `addRecord` (or `addRow`) for every row, then `crossingDays`, then
 * `addCrossingRecord` (or `addCrossingRow`) for every row again, then `finish`.
 */
export class Evaluation {
  private readonly options: EvaluationOptions;
  private readonly context: ContractContext | null;
  private readonly contextError: string | null;
  private readonly clock: ZoneClock | null;
  private readonly normalizer: RowNormalizer | null;
  private readonly plans: Plan[] = [];
  private readonly clauseCount: number;
  private readonly currency: string | null;
  private readonly eDay: number;
  private readonly aDay: number;
  private readonly days: number;
  private readonly gross: DaySeries;
  private readonly net: DaySeries;
  private readonly deals: DaySeries;
  private readonly units = new Map<string, DaySeries>();
  private readonly rowsPerDay: Float64Array;
  private newCustomers: DaySeries | null = null;
  /**
   * Each customer's first positive-amount row, and customers with a row before E, keyed by the
   * name as written during pass 1 (one map lookup per row) and case-folded once after it.
   */
  private readonly firstSaleAsWritten: Map<string, FirstSale> | null;
  private readonly seenBeforeAsWritten: Set<string> | null;
  private firstSale: Map<string, FirstSale> | null = null;
  private seenBefore: Set<string> | null = null;
  /** Units series per product as written (null: a product no milestone counts). */
  private readonly productSeries = new Map<string, DaySeries | null>();
  private readonly readIssueRows: Set<number>;
  /** Duplicate ids: hashes in pass 1, suspects confirmed from their strings in pass 2. */
  private readonly ids: IdIndex;
  /** False when the index is shared and its owner adds each row's id (see the constructor). */
  private readonly addsIds: boolean;
  private readonly suspectRows: Array<{ row: number; id: string }> = [];
  /**
   * The local day (days since 1970-01-01) of the row last given to pass 1, NaN when it could not
   * be read: a reader that remembers where each row is can fetch pass 2's rows by day.
   */
  lastDay = Number.NaN;
  /** Whether a second pass was read (some row reached this evaluation, or `secondPassRead`). */
  private sawSecondPass = false;
  private readonly errors: EvaluationDiagnostic[] = [];
  private errorCount = 0;
  private rowTotal = 0;
  private before = 0;
  private after = 0;
  private firstRowCurrency: string | null = null;
  private phase: 'pass1' | 'pass2' | 'done' = 'pass1';
  private candidateDays: Set<number> | null = null;
  private readonly crossingRows = new Map<number, LedgerRow[]>();
  private pass2Normalizer: RowNormalizer | null = null;

  /**
   * `sharedIds`: an index that the caller fills with the id of every row it hands to this and
   * other evaluations (a portfolio: one index for all contracts, instead of hundreds of small ones
   * written at random). It only names suspects; each evaluation still confirms duplicates among
   * its own rows by comparing the ids, so an id repeated across contracts is never reported.
   */
  constructor(ast: DocumentNode, options: EvaluationOptions, sharedIds?: IdIndex) {
    this.options = options;
    this.ids = sharedIds ?? new IdIndex();
    this.addsIds = sharedIds === undefined;
    this.clauseCount = ast.clauses.length;
    const resolved = resolveContext(options, options.now);
    this.context = resolved.ok ? resolved.context : null;
    this.contextError = resolved.ok ? null : resolved.message;
    this.currency = documentCurrency(ast);
    this.readIssueRows = new Set((options.readIssues ?? []).map((i) => i.row));
    for (const issue of options.readIssues ?? []) this.error({ ...issue, severity: 'error' });

    const ctx = this.context;
    this.eDay = ctx ? dayNumber(ctx.effective) : 0;
    this.aDay = ctx ? dayNumber(ctx.asOf) : -1;
    this.days = Math.max(0, this.aDay - this.eDay + 1);
    this.gross = new DaySeries(this.days);
    this.net = new DaySeries(this.days);
    this.deals = new DaySeries(this.days);
    this.rowsPerDay = new Float64Array(this.days);
    this.clock = ctx ? ZoneClock.shared(ctx.zone) : null;

    const required = new Set<LedgerColumn>(['date']);
    let wantsCustomers = false;
    if (ctx) {
      const calendar = new ContractCalendar(ctx.effective);
      ast.clauses.forEach((clause, c) => {
        for (const milestone of clause.milestones) {
          const metric = metricOf(milestone.target);
          const key = milestone.target.kind === 'units' ? productKey(milestone.target.product) : null;
          if (metric === 'units') required.add('units');
          else required.add('amount');
          if (metric === 'new-customers') wantsCustomers = true;
          if (key !== null && !this.units.has(key)) this.units.set(key, new DaySeries(this.days));
          const instances = windowInstances(milestone.window, calendar, ctx.asOf).map((window) => ({
            window,
            from: Math.max(window.startDay, this.eDay) - this.eDay,
            to: Math.min(window.endDay, this.aDay + 1) - this.eDay,
            candidates: [],
            reached: false,
          }));
          this.plans.push({
            clauseIndex: c + 1,
            clause,
            milestone,
            metric,
            productKey: key,
            target: targetQuantity(targetText(milestone.target)),
            instances,
          });
        }
      });
    }
    this.firstSaleAsWritten = wantsCustomers ? new Map() : null;
    this.seenBeforeAsWritten = wantsCustomers ? new Set() : null;
    this.normalizer =
      ctx && this.clock
        ? new RowNormalizer({ timeZone: ctx.zone, clock: this.clock, required: [...required], currency: this.currency, checkDuplicates: false, reuseRow: true, formats: options.cellFormats })
        : null;
    if (ctx && this.clock) {
      this.pass2Normalizer = new RowNormalizer({ timeZone: ctx.zone, clock: this.clock, required: [...required], currency: this.currency, checkDuplicates: false, formats: options.cellFormats });
    }
  }

  private error(e: EvaluationDiagnostic): void {
    this.errorCount++;
    if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push(e);
  }

  /**
   * A problem the text reader found (streaming counterpart of `options.readIssues`): the
   * evaluation fails and lists it. If the row is then also given to `addRecord`, it is only counted.
   */
  addReadIssue(issue: RowIssue): void {
    this.error({ ...issue, severity: 'error' });
    this.readIssueRows.add(issue.row);
  }

  /** Pass 1: one input record, any order. */
  addRecord(record: LedgerRecord, row: number): void {
    const normalizer = this.startRow('addRecord', row);
    if (normalizer !== null) this.fold(normalizer.normalize(record, row), normalizer);
  }

  /**
   * Pass 1 for a row read as cells (a CSV row; `layout` from `columnLayout(header)`): exactly
   * `addRecord` without an object per row (issue 4, streaming).
   */
  addCells(cells: readonly string[], layout: ColumnLayout, row: number): void {
    const normalizer = this.startRow('addCells', row);
    if (normalizer !== null) this.fold(normalizer.normalizeCells(cells, layout, row), normalizer);
  }

  /** The normalizer for pass 1's next row, or null when the row is only counted (the reader could not read it). */
  private startRow(method: string, row: number): RowNormalizer | null {
    if (this.phase !== 'pass1') throw new Error(`${method} after crossingDays()`);
    this.lastDay = Number.NaN;
    if (this.readIssueRows.has(row)) {
      this.rowTotal++;
      return null;
    }
    return this.normalizer;
  }

  private fold(result: NormalizeResult, normalizer: RowNormalizer): void {
    // Ids are checked on every row, also one with other problems, so that all of them are listed.
    if (normalizer.explicitId !== null && this.addsIds) this.ids.add(normalizer.explicitId);
    if (!result.ok) {
      this.rowTotal++;
      for (const issue of result.issues) this.error({ ...issue, severity: 'error' });
      return;
    }
    this.lastDay = result.row.day;
    this.addRow(result.row);
  }

  /** Ends pass 1 (as `crossingDays`): whether the rows must be read again (crossing rows, or ids to compare). */
  needsSecondPass(): boolean {
    return this.crossingDays().length > 0 || this.ids.suspects.size > 0;
  }

  /**
   * For readers that can skip a row before reading it (after `needsSecondPass`): the written
   * dates (`YYYY-MM-DD` as the number YYYYMMDD) a date cell may start with to matter in pass 2 (a
   * written date is at most two days from the local day it denotes, whatever its offset), and the
   * `hashId` values of ids that may repeat (their rows are compared in pass 2), or null.
   */
  secondPassFilter(): { dateKeys: ReadonlySet<number>; idHashes: ReadonlySet<number> | null } {
    this.crossingDays();
    const dateKeys = new Set<number>();
    for (const i of this.candidateDays ?? []) {
      for (let k = -2; k <= 2; k++) {
        const d = fromDayNumber(i + this.eDay + k);
        dateKeys.add(d.year * 10_000 + d.month * 100 + d.day);
      }
    }
    return { dateKeys, idHashes: this.ids.suspects.size > 0 ? this.suspectIdHashes() : null };
  }

  /**
   * After pass 1, for a reader that can fetch rows by position: the local days (days since
   * 1970-01-01) whose rows pass 2 needs, or null when it needs more than rows by day (ids whose
   * hashes repeated are compared on every row that has them).
   */
  secondPassDays(): ReadonlySet<number> | null {
    this.crossingDays();
    if (this.ids.suspects.size > 0) return null;
    return new Set([...(this.candidateDays ?? [])].map((i) => i + this.eDay));
  }

  private readonly lowerCache = new Map<string, string>();

  /** Case-folded names: the same few thousand customers and products recur across millions of rows. */
  private lower(text: string): string {
    let folded = this.lowerCache.get(text);
    if (folded === undefined) {
      folded = text.toLowerCase();
      if (this.lowerCache.size < 100_000) this.lowerCache.set(text, folded);
    }
    return folded;
  }

  /** Pass 1 for an already normalized row. */
  addRow(r: LedgerRow): void {
    this.rowTotal++;
    if (this.firstRowCurrency === null && r.currency !== null) this.firstRowCurrency = r.currency;
    const amount = r.amount;
    const positive = amount !== null && isPositive(amount);
    if (positive && this.firstSaleAsWritten !== null && r.customer !== null) {
      const seen = this.firstSaleAsWritten.get(r.customer);
      if (seen === undefined || earlier(r, seen)) this.firstSaleAsWritten.set(r.customer, { time: r.time, row: r.row, day: r.day });
    }
    if (r.day < this.eDay) {
      this.before++;
      // Seen before E with any row, even a refund: such a customer is never new.
      if (this.seenBeforeAsWritten !== null && r.customer !== null) this.seenBeforeAsWritten.add(r.customer);
      return;
    }
    if (r.day > this.aDay) {
      this.after++;
      return;
    }
    const i = r.day - this.eDay;
    this.rowsPerDay[i]++;
    if (amount !== null) {
      this.net.add(i, amount);
      if (positive) {
        this.gross.add(i, amount);
        this.deals.add(i, SCALE);
      }
    }
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

  private seriesFor(plan: Plan): { up: DaySeries; net: DaySeries } {
    switch (plan.metric) {
      case 'gross-revenue':
        return { up: this.gross, net: this.gross };
      case 'net-revenue':
        return { up: this.gross, net: this.net };
      case 'deals':
        return { up: this.deals, net: this.deals };
      case 'units': {
        const s = this.units.get(plan.productKey ?? ANY_PRODUCT) as DaySeries;
        return { up: s, net: s };
      }
      case 'new-customers': {
        const s = this.newCustomers as DaySeries;
        return { up: s, net: s };
      }
      default:
        return assertNever(plan.metric);
    }
  }

  /**
   * Ends pass 1. A day is a candidate for an instance when the running total before it plus the
   * day's positive contributions reaches the target: the running total can only peak within a
   * day by that much. For monotone metrics this is exactly the one crossing day; for net revenue
   * a refund later that day may undo the peak, so candidates continue up to the first day whose
   * end-of-day total reaches the target (where crossing is certain).
   *
   * Returns the local days (in the contract zone) whose rows pass 2 keeps, plus days of rows whose
   * id hash repeated; an empty list means pass 2 can be skipped. A reader that filters pass 2 on
   * the written date must allow for a date-time with an offset (or `Z`) falling on the local day
   * before or after its written date.
   */
  crossingDays(): string[] {
    if (this.phase === 'pass1') {
      this.phase = 'pass2';
      this.candidateDays = new Set();
      if (this.errorCount === 0 && this.context) {
        if (this.firstSaleAsWritten && this.seenBeforeAsWritten) {
          this.firstSale = new Map();
          for (const [name, first] of this.firstSaleAsWritten) {
            const key = name.toLowerCase();
            const seen = this.firstSale.get(key);
            if (seen === undefined || earlier(first, seen)) this.firstSale.set(key, first);
          }
          this.seenBefore = new Set([...this.seenBeforeAsWritten].map((name) => name.toLowerCase()));
          this.newCustomers = new DaySeries(this.days);
          for (const [customer, first] of this.firstSale) {
            if (first.day >= this.eDay && first.day <= this.aDay && !this.seenBefore?.has(customer)) this.newCustomers.add(first.day - this.eDay, SCALE);
          }
        }
        for (const plan of this.plans) {
          const { up, net } = this.seriesFor(plan);
          for (const inst of plan.instances) {
            const acc = new Accumulator();
            // The last earlier day that moved the total: its rows are kept too, for --explain.
            let previous = -1;
            for (let i = inst.from; i < inst.to; i++) {
              if (this.rowsPerDay[i] === 0) continue;
              const peak = acc.clone();
              up.addTo(peak, i);
              if (peak.reaches(plan.target)) {
                inst.candidates.push({ index: i, before: acc.clone(), previous });
                this.candidateDays.add(i);
                if (previous >= 0) this.candidateDays.add(previous);
              }
              net.addTo(acc, i);
              if (inst.candidates.length > 0 && acc.reaches(plan.target)) {
                inst.reached = true;
                break;
              }
              if (up.moves(i) || net.moves(i)) previous = i;
            }
          }
        }
      }
    }
    return [...(this.candidateDays ?? [])].sort((a, b) => a - b).map((i) => formatIsoDate(fromDayNumber(i + this.eDay)));
  }

  /**
   * After pass 1: the `hashId` (src/evaluation/id-hash.ts) values of ids that may repeat. A reader that skips
   * rows in pass 2 without decoding them must still deliver every row whose id hashes into this
   * set (and every row on a day of `crossingDays()`).
   */
  suspectIdHashes(): ReadonlySet<number> {
    return this.ids.suspectHashIds();
  }

  /**
   * For a caller that routes rows among evaluations sharing one id index (a portfolio): the second
   * pass was read, even if none of its rows reached this evaluation.
   */
  secondPassRead(): void {
    this.sawSecondPass = true;
  }

  /** Pass 2: the same records again, any order; only rows on candidate days are kept. */
  addCrossingRecord(record: LedgerRecord, row: number): void {
    if (this.phase === 'pass1') this.crossingDays();
    this.sawSecondPass = true;
    if (this.ids.suspects.size > 0 && !this.readIssueRows.has(row)) {
      const id = idCellText(record);
      if (id !== null && this.ids.isSuspect(id)) this.suspectRows.push({ row, id });
    }
    if (!this.candidateDays || this.candidateDays.size === 0 || !this.pass2Normalizer || this.readIssueRows.has(row)) return;
    const cell = dateCell(record);
    if (typeof cell !== 'string') return;
    const dates = this.pass2Normalizer.dates;
    if (this.pass2Normalizer.readDate(cell.trim()) !== null || !this.candidateDays.has(dates.day - this.eDay)) return;
    const result = this.pass2Normalizer.normalize(record, row);
    if (result.ok) this.addCrossingRow(result.row);
  }

  /** Pass 2 for a row read as cells: exactly `addCrossingRecord` without an object per row. */
  addCrossingCells(cells: readonly string[], layout: ColumnLayout, row: number): void {
    if (this.phase === 'pass1') this.crossingDays();
    this.sawSecondPass = true;
    if (this.readIssueRows.has(row)) return;
    if (this.ids.suspects.size > 0) {
      const id = idCellOfCells(cells, layout);
      if (id !== null && this.ids.isSuspect(id)) this.suspectRows.push({ row, id });
    }
    if (!this.candidateDays || this.candidateDays.size === 0 || !this.pass2Normalizer) return;
    const at = dateIndex(layout);
    if (at < 0 || at >= cells.length) return;
    const dates = this.pass2Normalizer.dates;
    if (this.pass2Normalizer.readDate(cells[at].trim()) !== null || !this.candidateDays.has(dates.day - this.eDay)) return;
    const result = this.pass2Normalizer.normalizeCells(cells, layout, row);
    if (result.ok) this.addCrossingRow(result.row);
  }

  /** Pass 2 for an already normalized row. */
  addCrossingRow(r: LedgerRow): void {
    if (this.phase === 'pass1') this.crossingDays();
    const i = r.day - this.eDay;
    if (!this.candidateDays || !this.candidateDays.has(i)) return;
    let list = this.crossingRows.get(i);
    if (!list) this.crossingRows.set(i, (list = []));
    list.push(r);
  }

  private contribution(plan: Plan, r: LedgerRow): Quantity {
    switch (plan.metric) {
      case 'gross-revenue':
        return r.amount !== null && isPositive(r.amount) ? r.amount : 0;
      case 'net-revenue':
        return r.amount ?? 0;
      case 'deals':
        return r.amount !== null && isPositive(r.amount) ? SCALE : 0;
      case 'units':
        if (r.units === null || !isPositive(r.units)) return 0;
        if (plan.productKey === ANY_PRODUCT) return r.units;
        return r.product !== null && r.product.toLowerCase() === plan.productKey ? r.units : 0;
      case 'new-customers': {
        if (r.customer === null) return 0;
        const key = this.lower(r.customer);
        const first = this.firstSale?.get(key);
        return first !== undefined && first.row === r.row && !this.seenBefore?.has(key) ? SCALE : 0;
      }
      default:
        return assertNever(plan.metric);
    }
  }

  /** Ends the evaluation; later calls return the same report. */
  finish(): EvaluationReport {
    this.report ??= this.conclude();
    return this.report;
  }

  private report: EvaluationReport | null = null;

  private conclude(): EvaluationReport {
    if (this.phase === 'pass1') this.crossingDays();
    this.phase = 'done';
    const ctx = this.context;
    const base = {
      effectiveDate: this.options.effectiveDate,
      timeZone: this.options.timeZone ?? 'UTC',
    };
    if (!ctx) {
      const e: EvaluationDiagnostic = { code: 'invalid-context', severity: 'error', message: this.contextError ?? 'invalid context' };
      return { ok: false, asOf: this.options.asOf ?? null, ...base, errors: [e], errorCount: 1, diagnostics: [] };
    }
    const asOf = formatIsoDate(ctx.asOf);
    const diagnostics: EvaluationDiagnostic[] = [];
    const schedule = this.options.schedule ?? null;

    // A schedule that lacks a label the clause needs is an error whether or not the milestone was met.
    if (schedule) {
      this.plans.forEach((plan, index) => {
        const found = paymentSource(plan.clause, plan.milestone);
        if (found?.payment.kind === 'section') {
          const label = plan.milestone.label ?? String(index + 1);
          if (scheduledAmount(schedule, label) === undefined) {
            this.error({
              code: 'schedule-missing-label',
              severity: 'error',
              label: plan.milestone.label,
              message: `the schedule has no payment for milestone '${label}' (Section ${found.payment.ref} refers to it)`,
            });
          }
        }
      });
    }
    for (const d of confirmDuplicates(this.suspectRows)) {
      this.error({ code: 'duplicate-id', severity: 'error', row: d.row, column: 'id', value: d.id, message: `id ${d.id} was already used by row ${d.firstRow}; each sale must be counted once` });
    }
    if (this.ids.suspects.size > 0 && !this.sawSecondPass) {
      // The second pass never ran, so repeated hashes cannot be told from repeated ids: refuse.
      this.error({ code: 'duplicate-id', severity: 'error', message: 'some ids may repeat; run the second pass (addCrossingRecord for every row) to name them' });
    }
    // A target that pass 1 saw reached must be reached again by the rows of pass 2; if not, the two
    // passes did not read the same rows, and "missed" would be a wrong answer, not a cautious one.
    if (this.errorCount === 0) {
      this.plans.forEach((plan, index) => {
        for (const inst of plan.instances) {
          if (!inst.reached || this.findCrossing(plan, inst) !== null) continue;
          const day = formatIsoDate(fromDayNumber(inst.candidates[inst.candidates.length - 1].index + this.eDay));
          this.error({
            code: 'second-pass-mismatch',
            severity: 'error',
            label: plan.milestone.label,
            message:
              `${labelName(plan, index + 1, this.clauseCount)}: the first pass over the rows reached the target by ${day}, but the rows read again do not; ` +
              'the two passes did not read the same ledger (was it changed while being read, or were rows left out of the second pass?)',
          });
        }
      });
    }
    if (this.errorCount > 0) {
      const sorted = [...this.errors].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
      return { ok: false, asOf, ...base, timeZone: ctx.zone, errors: sorted, errorCount: this.errorCount, diagnostics };
    }

    if (this.rowTotal === 0) {
      diagnostics.push({
        code: 'no-rows',
        severity: 'warning',
        message: 'the ledger has no rows (a header and nothing else): every total is 0; check that the export is complete',
      });
    }

    const notes: string[] = [];
    const note = (text: string): void => {
      if (!notes.includes(text)) notes.push(text);
    };
    note(
      `dates are read in ${ctx.zone}: a date without a time is that whole local day; a date-time without an offset is local time ` +
        `in ${ctx.zone}; one with an offset or Z is converted`,
    );
    note(`as of ${asOf}: rows after the whole local day ${asOf} are not counted`);

    const covered = new Uint8Array(this.days);
    const milestones: MilestoneResult[] = [];
    const obligations: Obligation[] = [];
    const undefinedWarned = new Set<Plan>();
    // How each metric was read, once per reading: "(i), (ii): revenue read as gross …".
    const readings = new Map<string, string[]>();

    this.plans.forEach((plan, planIndex) => {
      const m = plan.milestone;
      const name = labelName(plan, planIndex + 1, this.clauseCount);
      const reading = this.metricReading(plan);
      readings.set(reading, [...(readings.get(reading) ?? []), name]);
      if (m.window.kind === 'recurring') {
        note(`${name} recurs each ${m.window.unit}: one instance per contract ${m.window.unit} that has started by ${asOf}, each counted on its own`);
      }
      const { net } = this.seriesFor(plan);
      for (const inst of plan.instances) {
        note(`${name}: ${inst.window.explanation}`);
        for (let i = Math.max(inst.from, 0); i < inst.to; i++) covered[i] = 1;
        const total = new Accumulator();
        for (let i = Math.max(inst.from, 0); i < inst.to; i++) net.addTo(total, i);
        const crossing = this.findCrossing(plan, inst);
        const totalDec = total.value();
        const deadlineDay = inst.window.endDay - 1;
        const status: Status = crossing ? 'met' : this.aDay >= deadlineDay ? 'missed' : 'pending';
        const targetDec = toDec(plan.target);
        const result: MilestoneResult = {
          clause: plan.clauseIndex,
          label: m.label,
          period: inst.window.period,
          metric: plan.metric,
          product: m.target.kind === 'units' ? m.target.product : null,
          target: decimalString(targetDec),
          currency: m.target.kind === 'revenue' ? m.target.amount.currency : null,
          windowType: windowType(m.window),
          windowStart: inst.window.windowStart,
          deadline: inst.window.deadline,
          status,
          achievedAt: crossing ? formatIsoDate(fromDayNumber(crossing.row.day)) : null,
          achievedBy: crossing ? crossing.row.id : null,
          achievedByRow: crossing ? crossing.row.row : null,
          total: decimalString(totalDec),
          progress: targetDec.isZero() ? '100.0' : totalDec.dividedBy(targetDec).times(100).toFixed(1, Dec.ROUND_HALF_UP),
          crossing: crossing ? { runningTotalBeforeDay: decimalString(crossing.beforeDay), rows: crossing.explain } : null,
        };
        milestones.push(result);
        const instName = inst.window.period === null ? name : `${name} instance ${inst.window.period}`;
        if (crossing && totalDec.lessThan(targetDec)) {
          note(
            `${instName} was met on ${result.achievedAt} by row ${crossing.row.id}; later refunds bring the total to ` +
              `${result.total}, below the target, but a milestone once met stays met (the refund is reported, not reversed)`,
          );
        }
        if (crossing) {
          const obligation = this.obligation(plan, planIndex, inst, result, diagnostics, undefinedWarned);
          if (obligation) {
            obligations.push(obligation);
            note(`${instName}: ${obligation.explanation}`);
          }
        }
      }
    });

    let outside = 0;
    let used = 0;
    for (let i = 0; i < this.days; i++) {
      if (covered[i]) used += this.rowsPerDay[i];
      else outside += this.rowsPerDay[i];
    }
    const rows: RowCounts = {
      total: this.rowTotal,
      used,
      ignored: { 'before-effective-date': this.before, 'after-as-of': this.after, 'outside-every-window': outside },
    };
    if (this.before > 0) {
      note(
        this.before === 1
          ? '1 row before the effective date is not counted, but still marks its customer as already seen'
          : `${this.before.toLocaleString('en-US')} rows before the effective date are not counted, but still mark their customers as already seen`,
      );
    }
    notes.splice(2, 0, ...[...readings].map(([text, names]) => `${names.join(', ')}: ${text}`));

    return {
      ok: true,
      asOf,
      effectiveDate: formatIsoDate(ctx.effective),
      timeZone: ctx.zone,
      milestones,
      obligations,
      totals: totalsOf(obligations),
      rows,
      notes,
      diagnostics,
    };
  }

  /** How the metric is computed, in words (the interpretation notes). */
  private metricReading(plan: Plan): string {
    const t = plan.milestone.target;
    switch (t.kind) {
      case 'revenue':
        if (t.basis === null) return 'revenue read as gross (the sum of positive amounts; refunds not deducted): the clause does not say net';
        if (t.basis === 'gross') return 'revenue read as gross, as the clause says: the sum of positive amounts';
        return 'revenue read as net, as the clause says: the sum of all amounts, refunds deducted';
      case 'units':
        return `units are the sum of positive units ${t.product === null ? 'of every row' : `of rows whose product is "${t.product}" (trimmed, case-insensitive)`}; returns are not deducted`;
      case 'deals':
        return `${t.noun} are counted as rows with a positive amount`;
      case 'new-customers':
        return (
          `a ${t.noun === 'clients' ? 'client' : 'customer'} is new in the window holding their first positive-amount row in the whole ledger; ` +
          'one seen before the effective date (in any row, even a refund) is never new; names compared trimmed and case-insensitively; rows without a customer are not counted'
        );
      default:
        return assertNever(t);
    }
  }

  /** The last `count` contributing rows of day `index`, whose running total ends at `endTotal`. */
  private explainDay(plan: Plan, index: number, endTotal: Dec, count: number): ExplainRow[] {
    if (index < 0) return [];
    const rows = (this.crossingRows.get(index) ?? []).slice().sort((a, b) => a.time - b.time || a.row - b.row);
    const out: ExplainRow[] = [];
    let running = endTotal;
    for (let k = rows.length - 1; k >= 0 && out.length < count; k--) {
      const c = this.contribution(plan, rows[k]);
      if (typeof c === 'number' && c === 0) continue;
      const r = rows[k];
      out.unshift({ id: r.id, row: r.row, date: formatIsoDate(fromDayNumber(r.day)), contribution: decimalString(toDec(c)), runningTotal: decimalString(running) });
      running = running.minus(toDec(c));
    }
    return out;
  }

  private findCrossing(
    plan: Plan,
    inst: InstancePlan,
  ): { row: LedgerRow; beforeDay: Dec; explain: ExplainRow[] } | null {
    for (const candidate of inst.candidates) {
      const rows = this.crossingRows.get(candidate.index) ?? [];
      rows.sort((a, b) => a.time - b.time || a.row - b.row);
      const acc = candidate.before.clone();
      const trail: ExplainRow[] = [];
      for (const r of rows) {
        const c = this.contribution(plan, r);
        if (typeof c === 'number' && c === 0) continue;
        acc.add(c);
        trail.push({
          id: r.id,
          row: r.row,
          date: formatIsoDate(fromDayNumber(r.day)),
          contribution: decimalString(toDec(c)),
          runningTotal: decimalString(acc.value()),
        });
        if (trail.length > EXPLAIN_ROWS) trail.shift();
        if (acc.reaches(plan.target)) {
          const earlier = trail.length < EXPLAIN_ROWS ? this.explainDay(plan, candidate.previous, candidate.before.value(), EXPLAIN_ROWS - trail.length) : [];
          return { row: r, beforeDay: candidate.before.value(), explain: [...earlier, ...trail] };
        }
      }
    }
    return null;
  }

  private obligation(
    plan: Plan,
    planIndex: number,
    inst: InstancePlan,
    result: MilestoneResult,
    diagnostics: EvaluationDiagnostic[],
    warned: Set<Plan>,
  ): Obligation | null {
    const m = plan.milestone;
    const name = labelName(plan, planIndex + 1, this.clauseCount);
    const found = paymentSource(plan.clause, m);
    const common = {
      clause: plan.clauseIndex,
      label: m.label,
      period: inst.window.period,
      triggeredAt: result.achievedAt as string,
      triggeredBy: result.achievedBy as string,
    };
    if (!found) {
      if (!warned.has(plan)) {
        warned.add(plan);
        diagnostics.push({ code: 'no-payment', severity: 'info', label: m.label, message: `${name} is met but the clause states no payment for it` });
      }
      return null;
    }
    const payment = found.payment;
    switch (payment.kind) {
      case 'fixed': {
        const amount = roundMoney(new Dec(payment.amount.amount), payment.amount.currency);
        return {
          ...common,
          amount: moneyString(amount, payment.amount.currency),
          currency: payment.amount.currency,
          basis: found.inItem ? 'item' : 'sentence',
          explanation: `${formatMoney(amount, payment.amount.currency)}, ${found.source}`,
        };
      }
      case 'section': {
        const schedule = this.options.schedule ?? null;
        if (!schedule) {
          if (!warned.has(plan)) {
            warned.add(plan);
            diagnostics.push({
              code: 'unresolved-payment',
              severity: 'warning',
              label: m.label,
              message:
                `${name} is paid ${payment.placeholder ? `under a placeholder, Section ${payment.ref}` : `as outlined in Section ${payment.ref}`}, ` +
                `and no schedule was given: the amount is undefined (not zero); pass --schedule`,
            });
          }
          return {
            ...common,
            amount: null,
            currency: this.currency,
            basis: 'unresolved',
            explanation: `amount undefined: Section ${payment.ref} is not available (${found.source}); supply a schedule`,
          };
        }
        const label = m.label ?? String(planIndex + 1);
        const amount = roundMoney(scheduledAmount(schedule, label) as Dec, schedule.currency);
        if (this.currency !== null && schedule.currency !== this.currency && !warned.has(plan)) {
          warned.add(plan);
          diagnostics.push({
            code: 'schedule-currency',
            severity: 'warning',
            label: m.label,
            message: `the schedule is in ${schedule.currency} but the clause is in ${this.currency}; obligations are reported in ${schedule.currency}`,
          });
        }
        return {
          ...common,
          amount: moneyString(amount, schedule.currency),
          currency: schedule.currency,
          basis: 'schedule',
          explanation: `${formatMoney(amount, schedule.currency)} from the schedule for '${label}' (Section ${payment.ref}, ${found.source})`,
        };
      }
      case 'rate': {
        // Like the clause's own revenue, an unqualified "sales revenue" in a rate reads as gross.
        const basis = payment.basis ?? 'gross';
        const currency = this.currency ?? this.firstRowCurrency;
        const revenue = new Accumulator();
        const series = basis === 'net' ? this.net : this.gross;
        for (let i = Math.max(inst.from, 0); i < inst.to; i++) series.addTo(revenue, i);
        const base = revenue.value();
        if (currency === null) {
          diagnostics.push({ code: 'unknown-rate-currency', severity: 'warning', label: m.label, message: `${name}: neither the clause nor the ledger names a currency for the ${payment.percent}% commission` });
          return { ...common, amount: null, currency: null, basis: 'rate', explanation: `${payment.percent}% of ${basis} revenue: currency unknown` };
        }
        const amount = roundMoney(base.times(new Dec(payment.percent)).dividedBy(100), currency);
        return {
          ...common,
          amount: moneyString(amount, currency),
          currency,
          basis: 'rate',
          explanation:
            `${payment.percent}% of ${basis} revenue ${decimalString(base)} in the milestone's window ${inst.window.windowStart} to ` +
            `${inst.window.deadline} counted up to ${formatIsoDate(fromDayNumber(Math.min(inst.window.endDay - 1, this.aDay)))} ` +
            `(the rate applies to the revenue of the milestone's whole window up to the as-of date, not only to the sales up to the ` +
            `crossing row) = ${formatMoney(amount, currency)}, rounded once half-up`,
        };
      }
      default:
        return assertNever(payment);
    }
  }
}

function totalsOf(obligations: Obligation[]): EvaluationSuccess['totals'] {
  const byCurrency = new Map<string | null, { amount: Dec | null; unresolved: number }>();
  for (const o of obligations) {
    const entry = byCurrency.get(o.currency) ?? { amount: null, unresolved: 0 };
    if (o.amount === null) entry.unresolved++;
    else entry.amount = (entry.amount ?? new Dec(0)).plus(o.amount);
    byCurrency.set(o.currency, entry);
  }
  return [...byCurrency].map(([currency, e]) => ({
    currency,
    amount: e.amount === null ? null : currency === null ? decimalString(e.amount) : moneyString(e.amount, currency),
    unresolved: e.unresolved,
  }));
}

export function createEvaluation(ast: DocumentNode, options: EvaluationOptions, sharedIds?: IdIndex): Evaluation {
  return new Evaluation(ast, options, sharedIds);
}

/** Both passes over an in-memory array; row numbers are array positions + 1. */
export function evaluate(ast: DocumentNode, records: readonly LedgerRecord[], options: EvaluationOptions): EvaluationReport {
  const evaluation = createEvaluation(ast, options);
  for (let i = 0; i < records.length; i++) evaluation.addRecord(records[i], i + 1);
  if (evaluation.needsSecondPass()) {
    for (let i = 0; i < records.length; i++) evaluation.addCrossingRecord(records[i], i + 1);
  }
  return evaluation.finish();
}
