/**
 * One contract's evaluation, as a two-pass aggregation (two-pass.ts) so that ledgers far larger than
 * memory are evaluated in any row order:
 *   1. every row is read once and folded into per-local-day sums (metrics.ts; window boundaries
 *      are local midnights, so day buckets are exact), plus each customer's first positive sale and
 *      a hash of each explicit id (id-index.ts);
 *   2. from those, each milestone instance's candidate crossing days are known (crossing.ts); a
 *      second read keeps only rows on those days, and the exact crossing row is found by ordering
 *      just them (and ids whose hash repeated are compared as strings).
 * Results never depend on input order except to break ties between rows at the same instant.
 */
import { ledgerHoldsReading } from '../language/ledger-holds';
import type { DocumentNode, PaymentDayNode, PaymentTimingNode } from '../language/ast';
import { timingWarnings } from './payments/pay-day';
import { finalSettlement } from './final-settlement';
import { windowType } from '../language/describe';
import { itemSetNotes, setMetricReading } from './item-set-notes';
import { catchUpNote, catchUpTriggers, crossesBefore } from './catch-up';
import { productOutcome, productPlans, tooManyProducts, type ProductOutcome } from './per-product';
import { perProductNote } from '../language/per-product';
import { columnLayout, dateCell, dateIndex, idCellOfCells, idCellText, RowNormalizer, type ColumnLayout, type NormalizeResult } from '../ledger/normalize';
import type { LedgerRecord, LedgerRow, RowIssue } from '../ledger/rows';
import { Dec, decimalString, NO_CURRENCY } from '../values/money';
import { Accumulator, meets, toDec } from '../values/quantity';
import { dayNumber, formatIsoDate, fromDayNumber, resolveContext, type ContractContext } from '../time/periods';
import { asOfBeforeEffective } from './as-of-before-effective';
import { quarterReadingWarnings } from './quarter-reading';
import { windowOver } from '../time/window-instance';
import { ZoneClock } from '../time/zone-clock';
import { candidateDays, findCrossing, type Crossing } from './crossing';
import { InstalmentSeries, instalmentsNote } from './instalments';
import { progressOf } from './progress';
import { instalmentsOf } from '../language/check-instalments';
import { countedNote, eachIncrementOf, incrementCandidates, incrementObligation, MAX_INCREMENTS, noIncrementNote, tooManyIncrements } from './increments';
import { confirmDuplicates, IdIndex } from './id-index';
import { chartSeries, DaySums, METRICS, type ChartSeries } from './metrics';
import { Notes } from './notes';
import { compoundOutcome, partCandidates } from './compound';
import { applyCarryForward, carriesForward, carryNotes, carryReading } from './carry-forward';
import { returnsNote } from './returns-note';
import { clawbackCandidates, clawbackNote, clawbackObligation, clawedBasis, clawsBack, undoingRefund } from './clawback';
import { compoundNote, compoundReading } from '../language/compound-condition';
import { missingScheduleLabels, obligationFor, paymentSource } from './obligations';
import { milestoneParties, partiesNote, UNNAMED_PARTIES } from './parties';
import { minimumStatus, shortfallObligation } from './minimum';
import { attainmentObligation } from './attainment';
import { partialPeriodMinimum } from './partial-period';
import { periodAmount, topUpCapReading, topUpOwed, topUpReading, topUpStatus } from './top-up';
import { payableAnnuallyWarning, topUpNote } from './top-up-note';
import { paymentParts } from '../language/payment-parts';
import type { PaymentObligation } from './payments/obligation-terms';
import { paymentBaseMetric } from './payments/computed-payment';
import { currencyReading } from './ledger-currency';
import { isBaseQuarter, priorPeriodOf, priorPeriodTotal } from './payments/prior-period';
import { growthNote, growthStatus } from './growth';
import { plainStatus } from './plain-status';
import { escalationNote } from './escalation';
import { metFromStart, metFromStartNote } from './met-from-start';
import { isSettledAtWindowEnd, settlementOf } from './payments/settlement';
import { chosenRateNote } from './payments/chosen-rate-note';
import { tierNote } from './payments/tier-note';
import { planLevelsNote } from './payments/plan-level-note';
import { seriesTotal, settleLevelStop } from './payments/level-stop';
import { accrue, accruingTiers, firstBoundary } from './payments/accrual';
import { figure } from './payments/calculation';
import { planTableGaps } from './plan-table-note';
import { documentReadings, readPeriods } from './document-readings';
import { planBandsOwed } from './plan-bands';
import { quotaNote } from './quota-note';
import { salesMinimumNote } from './sales-minimum-note';
import { commitmentNote } from './commitment-note';
import { instanceCount, instanceTarget, labelName, MAX_MILESTONE_INSTANCES, planEvaluation, tooManyInstances, type InstancePlan, type Plan } from './plan';
import {
  MAX_REPORTED_ERRORS,
  totalsOf,
  type EvaluationDiagnostic,
  type EvaluationOptions,
  type EvaluationReport,
  type MilestoneResult,
  type Obligation,
  type RowCounts,
  type Status,
} from './report';
import type { SecondPassNeeds, TwoPassEvaluation } from './two-pass';


export class ContractEvaluation implements TwoPassEvaluation<EvaluationReport> {
  readonly rowDays = true;
  private readonly options: EvaluationOptions;
  private readonly context: ContractContext | null;
  private readonly contextError: string | null;
  private readonly normalizer: RowNormalizer | null = null;
  /** "in the second quarter" where a calendar quarter could be meant (quarter-reading.ts). */
  private readonly quarterReadings: EvaluationDiagnostic[];
  private readonly pass2Normalizer: RowNormalizer | null = null;
  private readonly plans: Plan[];
  /** For each milestone counted per product: one plan per product of the ledger, made when pass 1 ends (per-product.ts). */
  private readonly productPlans = new Map<Plan, Plan[]>();
  private readonly clauseCount: number;
  private readonly currency: string | null;
  /** The effective date E and the as-of date A, as local days (days since 1970-01-01). */
  private readonly effectiveDay: number;
  private readonly asOfDay: number;
  private readonly sums: DaySums;
  private readonly readIssueRows: Set<number>;
  /** Duplicate ids: hashes in pass 1, suspects confirmed from their strings in pass 2. */
  private readonly ids: IdIndex;
  /** False when the index is shared and its owner adds each row's id (see the constructor). */
  private readonly addsIds: boolean;
  private readonly suspectRows: Array<{ row: number; id: string }> = [];
  /** The local day of the row last given to pass 1, NaN when it could not be read. */
  private lastDay = Number.NaN;
  /** Whether a second pass was read (some row reached this evaluation, or `secondPassRead`). */
  private sawSecondPass = false;
  private readonly errors: EvaluationDiagnostic[] = [];
  private errorCount = 0;
  private rowTotal = 0;
  private phase: 'pass1' | 'pass2' | 'done' = 'pass1';
  /** Candidate crossing days, as indices from E (after pass 1). */
  private candidates: Set<number> | null = null;
  private readonly crossingRows = new Map<number, LedgerRow[]>();
  private layout: ColumnLayout = columnLayout([]);
  private report: EvaluationReport | null = null;
  /** How fiscal periods were dated and what the ledger holds, for the notes. */
  private readonly contextNotes: string[];
  /** How each sentence's opening phrase is read, for the notes. */
  private readonly openingNotes: string[];
  /** Evaluated quarters a plan table sets out no plan for (plan-table-note.ts): a warning each. */
  private readonly planTableGaps: string[];

  /**
   * `sharedIds`: an index that the caller fills with the id of every row it hands to this and
   * other evaluations (a portfolio: one index for all contracts, instead of hundreds of small ones
   * written at random). It only names suspects; each evaluation still confirms duplicates among
   * its own rows by comparing the ids, so an id repeated across contracts is never reported.
   */
  /** Each clause's "Each amount is payable within …" sentence, or null. */
  private readonly timings: (PaymentTimingNode | null)[];
  private readonly payDays: (PaymentDayNode | null)[];

  constructor(ast: DocumentNode, options: EvaluationOptions, sharedIds?: IdIndex) {
    this.options = options;
    this.ids = sharedIds ?? new IdIndex();
    this.addsIds = sharedIds === undefined;
    this.clauseCount = ast.clauses.length;
    this.timings = ast.clauses.map((clause) => clause.timing ?? null);
    this.payDays = ast.clauses.map((clause) => clause.payDay ?? null);
    const resolved = resolveContext(options, options.now);
    this.context = resolved.ok ? resolved.context : null;
    this.contextError = resolved.ok ? null : resolved.message;
    const currency = currencyReading(ast, options.ledgerCurrency);
    this.currency = currency.ok ? currency.currency : null;
    if (!currency.ok) this.error({ code: currency.code, severity: 'error', message: currency.message });
    this.readIssueRows = new Set((options.readIssues ?? []).map((i) => i.row));
    for (const issue of options.readIssues ?? []) this.error({ ...issue, severity: 'error' });

    const ctx = this.context;
    this.quarterReadings = ctx ? quarterReadingWarnings(ast, ctx.effective) : [];
    // Openings, fiscal periods (or the evaluation fails saying why), event periods and defined calendar periods are read first.
    const periods = readPeriods(ast, options.fiscalYearStart);
    this.openingNotes = periods.openingNotes;
    if (periods.fiscalError) this.error({ code: periods.fiscalError.code, severity: 'error', message: periods.fiscalError.message });
    ast = periods.document;
    const holds = ledgerHoldsReading(ast, options.ledgerHolds);
    if (!holds.ok) this.error({ code: holds.code, severity: 'error', message: holds.message });
    this.contextNotes = documentReadings(ast, periods.periodNotes, holds.ok ? holds.note : null, currency.ok ? currency.note : null);

    this.planTableGaps = ctx ? planTableGaps(ast, ctx.effective, ctx.asOf) : [];
    this.effectiveDay = ctx ? dayNumber(ctx.effective) : 0;
    this.asOfDay = ctx ? dayNumber(ctx.asOf) : -1;
    const days = Math.max(0, this.asOfDay - this.effectiveDay + 1);
    // The instances are counted before any is made: past the limit, none is.
    const instances = ctx ? instanceCount(ast, ctx) : 0;
    if (instances > MAX_MILESTONE_INSTANCES) {
      this.error(tooManyInstances(instances));
    }
    const plan = ctx && !periods.fiscalError && instances <= MAX_MILESTONE_INSTANCES ? planEvaluation(ast, ctx, this.effectiveDay, this.asOfDay) : null;
    this.plans = plan?.plans ?? [];
    this.sums = new DaySums(this.effectiveDay, this.asOfDay, days, plan?.productKeys ?? new Set(), plan?.countsCustomers ?? false, plan?.rowSets ?? [], options.scratchFiles ?? null, plan?.perProduct ?? false);
    if (ctx && plan) {
      const clock = ZoneClock.shared(ctx.zone);
      const common = { timeZone: ctx.zone, clock, required: plan.required, currency: this.currency, checkDuplicates: false, formats: options.cellFormats };
      // Pass 1 folds rows into day sums (DaySums.fold): it reads the product only for units milestones and the customer only for new-customer ones.
      const reads = { product: plan.perProduct || plan.productKeys.size > 0 || plan.rowSets.some((x) => x.field === 'product'), customer: plan.countsCustomers || plan.rowSets.some((x) => x.field === 'customer'), seller: false };
      this.normalizer = new RowNormalizer({ ...common, reuseRow: true, reads });
      this.normalizer.clockShifts.within(this.effectiveDay, this.asOfDay);
      // Pass 2 keeps every row of its candidate days until the crossings are found (thousands a day
      // on a busy ledger): the name cells no contribution reads are left out of them as in pass 1.
      this.pass2Normalizer = new RowNormalizer({ ...common, reads });
    }
  }

  private error(e: EvaluationDiagnostic): void {
    this.errorCount++;
    if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push(e);
  }

  /**
   * A problem the text reader found (streaming counterpart of `options.readIssues`): the
   * evaluation fails and lists it. If the row is then also given to pass 1, it is only counted.
   */
  readIssue(issue: RowIssue): void {
    this.error({ ...issue, severity: 'error' });
    this.readIssueRows.add(issue.row);
  }

  header(names: readonly string[]): void {
    this.layout = columnLayout(names);
  }

  record(record: LedgerRecord, row: number): number {
    const normalizer = this.startRow(row);
    if (normalizer !== null) this.fold(normalizer.normalize(record, row), normalizer);
    return this.lastDay;
  }

  /** Exactly `record` without an object per row. */
  cells(cells: readonly string[], row: number): number {
    const normalizer = this.startRow(row);
    if (normalizer !== null) this.fold(normalizer.normalizeCells(cells, this.layout, row), normalizer);
    return this.lastDay;
  }

  /** The normalizer for pass 1's next row, or null when the row is only counted (the reader could not read it). */
  private startRow(row: number): RowNormalizer | null {
    if (this.phase !== 'pass1') throw new Error('a pass 1 row after endPass1()');
    this.lastDay = Number.NaN;
    if (this.readIssueRows.size > 0 && this.readIssueRows.has(row)) {
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
    this.rowTotal++;
    this.sums.fold(result.row);
  }

  endPass1(): SecondPassNeeds | null {
    const candidates = this.endFirstPass();
    const suspects = this.ids.suspects.size > 0;
    if (candidates.size === 0 && !suspects) return null;
    return {
      days: new Set([...candidates].map((i) => i + this.effectiveDay)),
      suspectIdHashes: suspects ? this.ids.suspectHashIds() : null,
    };
  }

  /** Ends pass 1 once; the candidate crossing days as indices from E. */
  private endFirstPass(): Set<number> {
    if (this.candidates === null) {
      this.phase = 'pass2';
      this.candidates = new Set();
      if (this.errorCount === 0 && this.context) {
        this.sums.endPass1();
        if (this.sums.tooManyProducts) this.error(tooManyProducts());
        // The amounts carried from period to period are known from the day sums; each period's crossing depends on them.
        applyCarryForward(this.plans, this.sums, this.asOfDay);
        for (const plan of this.plans) if (plan.perProduct) this.productPlans.set(plan, productPlans(plan, this.sums));
        const evaluated = this.evaluatedPlans();
        this.candidates = candidateDays(evaluated, this.sums);
        partCandidates(evaluated, this.sums, this.candidates);
        clawbackCandidates(evaluated, this.sums, this.candidates);
        const increments = incrementCandidates(evaluated, this.sums, this.candidates);
        if (increments > MAX_INCREMENTS) this.error(tooManyIncrements(increments));
      }
    }
    return this.candidates;
  }

  /** The plans whose crossings are searched: a plan counted per product is its per-product plans. */
  private evaluatedPlans(): Plan[] {
    return this.plans.flatMap((p) => this.productPlans.get(p) ?? [p]);
  }

  /**
   * For a caller that routes rows among evaluations sharing one id index (a portfolio): the second
   * pass was read, even if none of its rows reached this evaluation.
   */
  secondPassRead(): void {
    this.sawSecondPass = true;
  }

  crossingRecord(record: LedgerRecord, row: number): void {
    const candidates = this.endFirstPass();
    this.sawSecondPass = true;
    if (this.ids.suspects.size > 0 && !this.readIssueRows.has(row)) {
      const id = idCellText(record);
      if (id !== null && this.ids.isSuspect(id)) this.suspectRows.push({ row, id });
    }
    if (candidates.size === 0 || !this.pass2Normalizer || this.readIssueRows.has(row)) return;
    const cell = dateCell(record);
    if (typeof cell !== 'string') return;
    const dates = this.pass2Normalizer.dates;
    if (this.pass2Normalizer.readDate(cell.trim()) !== null || !candidates.has(dates.day - this.effectiveDay)) return;
    const result = this.pass2Normalizer.normalize(record, row);
    if (result.ok) this.addCrossingRow(result.row);
  }

  /** Exactly `crossingRecord` without an object per row. */
  crossingCells(cells: readonly string[], row: number): void {
    const candidates = this.endFirstPass();
    this.sawSecondPass = true;
    if (this.readIssueRows.has(row)) return;
    const layout = this.layout;
    if (this.ids.suspects.size > 0) {
      const id = idCellOfCells(cells, layout);
      if (id !== null && this.ids.isSuspect(id)) this.suspectRows.push({ row, id });
    }
    if (candidates.size === 0 || !this.pass2Normalizer) return;
    const at = dateIndex(layout);
    if (at < 0 || at >= cells.length) return;
    const dates = this.pass2Normalizer.dates;
    if (this.pass2Normalizer.readDate(cells[at].trim()) !== null || !candidates.has(dates.day - this.effectiveDay)) return;
    const result = this.pass2Normalizer.normalizeCells(cells, layout, row);
    if (result.ok) this.addCrossingRow(result.row);
  }

  private addCrossingRow(r: LedgerRow): void {
    const i = r.day - this.effectiveDay;
    if (!(this.candidates as Set<number>).has(i)) return;
    let list = this.crossingRows.get(i);
    if (!list) this.crossingRows.set(i, (list = []));
    list.push(r);
  }

  /** Ends the evaluation; later calls return the same report. */
  finish(): EvaluationReport {
    this.report ??= this.conclude();
    return this.report;
  }

  /** After `finish`: per milestone metric (and product, or each product of a milestone counted per product), the exact amount each evaluated day adds, for a chart. */
  chartSeries(): ChartSeries[] {
    const out: ChartSeries[] = [];
    const seen = new Set<string>();
    if (this.context === null || this.errorCount > 0) return out;
    for (const plan of this.plans) {
      // A milestone counted per product is reported per product, and charted so: one series of each product's own rows.
      const products = this.productPlans.get(plan);
      if (products) {
        for (const p of products) {
          const product = p.rowSet?.term ?? null;
          const key = `${plan.metric}\u0000per product\u0000${product ?? ''}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({ metric: plan.metric, product, days: chartSeries(this.sums, plan.metric, null, p.rowSet) });
        }
        continue;
      }
      const product = plan.milestone.target.kind === 'units' ? plan.milestone.target.product : null;
      const key = `${plan.metric}\u0000${plan.productKey ?? ''}\u0000${plan.rowSet?.key ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const set = plan.rowSet ? { set: plan.rowSet.term } : {};
      out.push({ metric: plan.metric, product, ...set, days: chartSeries(this.sums, plan.metric, product, plan.rowSet) });
    }
    // The metric a computed payment counts on, when no milestone counts it: a chart draws the payment's bands against it.
    for (const plan of this.plans) {
      const found = paymentSource(plan.clause, plan.milestone);
      const metric = found ? paymentBaseMetric(paymentParts(found.payment).base) : null;
      const setKey = plan.rowSet?.key ?? '';
      if (metric === null || seen.has(`${metric}\u0000\u0000${setKey}`)) continue;
      seen.add(`${metric}\u0000\u0000${setKey}`);
      const set = plan.rowSet ? { set: plan.rowSet.term } : {};
      out.push({ metric, product: null, ...set, days: chartSeries(this.sums, metric, null, plan.rowSet) });
    }
    return out;
  }

  private conclude(): EvaluationReport {
    this.endFirstPass();
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

    if (schedule) for (const e of missingScheduleLabels(this.plans, schedule)) this.error(e);
    for (const d of confirmDuplicates(this.suspectRows)) {
      this.error({ code: 'duplicate-id', severity: 'error', row: d.row, column: 'id', value: d.id, message: `id ${d.id} was already used by row ${d.firstRow}; each sale must be counted once` });
    }
    if (this.ids.suspects.size > 0 && !this.sawSecondPass) {
      // The second pass never ran, so repeated hashes cannot be told from repeated ids: refuse.
      this.error({ code: 'duplicate-id', severity: 'error', message: 'some ids may repeat; run the second pass (crossingRecord for every row) to name them' });
    }
    // A target that pass 1 saw reached must be reached again by the rows of pass 2; if not, the two
    // passes did not read the same rows, and "missed" would be a wrong answer, not a cautious one.
    if (this.errorCount === 0) {
      this.plans.forEach((parent, index) => {
        for (const plan of this.productPlans.get(parent) ?? [parent]) {
        // Each increment owed one by one is a target of its own, held to the same rule.
        const targets = plan.instances.flatMap((inst) => [{ plan, inst }, ...(inst.increments ?? []).map((step) => ({ plan: step.plan, inst: step.inst }))]);
        for (const { plan: p, inst } of targets) {
          if (!inst.reached || findCrossing(p, inst, this.crossingRows, this.sums) !== null) continue;
          const day = formatIsoDate(fromDayNumber(inst.candidates[inst.candidates.length - 1].index + this.effectiveDay));
          this.error({
            code: 'second-pass-mismatch',
            severity: 'error',
            label: plan.milestone.label,
            message:
              `${labelName(plan, index + 1, this.clauseCount)}: the first pass over the rows reached the target by ${day}, but the rows read again do not; ` +
              'the two passes did not read the same ledger (was it changed while being read, or were rows left out of the second pass?)',
          });
        }
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
    const notStarted = asOfBeforeEffective(ctx.effective, ctx.asOf);
    if (notStarted) diagnostics.push(notStarted);
    diagnostics.push(...this.quarterReadings);

    const notes = new Notes(ctx.zone, asOf);
    for (const text of this.openingNotes) notes.add(text);
    for (const text of this.contextNotes) notes.add(text);
    if (this.normalizer !== null) {
      for (const text of this.normalizer.clockShifts.notes(ctx.zone)) notes.add(text);
      const nextDay = this.normalizer.clockShifts.nextDayWarning(ctx.zone);
      if (nextDay !== null) {
        diagnostics.push({ code: 'skipped-time-next-day', severity: 'warning', message: nextDay });
        notes.add(nextDay);
      }
    }
    const sums = this.sums;
    const covered = new Uint8Array(sums.days);
    const milestones: MilestoneResult[] = [];
    const obligations: Obligation[] = [];
    const warned = new Set<Plan>();
    const timing: PaymentObligation[] = [];
    const settledAtEnd = new Map<Obligation, string>();
    const incrementsOwed = new Map<Obligation, string>();

    for (const warning of timingWarnings(this.timings)) {
      diagnostics.push(warning);
      notes.add(warning.message);
    }

    for (const message of this.planTableGaps) {
      diagnostics.push({ code: 'plan-table-ends', severity: 'warning', message });
      notes.add(message);
    }

    const nearWarned = new Set<string>();
    // Each milestone's payment, looked up once: a recurring milestone has one obligation per met instance.
    const payments = new Map(this.plans.map((plan) => [plan, paymentSource(plan.clause, plan.milestone)]));

    // Each instance's own crossing (for a plan counted per product, the earliest among its products', with the outcome
    // it comes from), searched once: catch-up asks for it before the instance is reported below.
    const ownCrossings = new Map<InstancePlan, { crossing: Crossing | null; perProduct: ProductOutcome | null }>();
    const ownOf = (p: Plan, k: number): { crossing: Crossing | null; perProduct: ProductOutcome | null } => {
      const inst = p.instances[k];
      let own = ownCrossings.get(inst);
      if (own === undefined) {
        const products = this.productPlans.get(p);
        const perProduct = products ? productOutcome(products, k, this.crossingRows, sums) : null;
        own = { crossing: perProduct ? perProduct.crossing : findCrossing(p, inst, this.crossingRows, sums), perProduct };
        ownCrossings.set(inst, own);
      }
      return own;
    };
    // Catch-up: each milestone's own first achievement, for the earlier milestones of its list it triggers.
    const caughtUp = catchUpTriggers(this.plans, (p) => {
      for (let k = 0; k < p.instances.length; k++) {
        const own = ownOf(p, k).crossing;
        if (own) return own;
      }
      return null;
    });
    this.plans.forEach((plan, planIndex) => {
      const m = plan.milestone;
      const name = labelName(plan, planIndex + 1, this.clauseCount);
      const found = payments.get(plan) ?? null;
      const parties = milestoneParties(plan.clause, m);
      if (parties) notes.add(partiesNote(name, parties));
      const base = found ? paymentParts(found.payment).base : null;
      const shortfall = base?.kind === 'shortfall' ? base : null;
      const table = base?.kind === 'attainment' ? base : null;
      const topUp = topUpReading(plan.clause, m);
      const topUpCurrency = topUp ? this.currency ?? sums.firstRowCurrency ?? topUp.terms.minimum.currency : null;
      const rule = METRICS[plan.metric];
      // Within a defined set, the metric counts that set's rows, stated in the set's own note below.
      const reading = rule.reading(m.target);
      notes.reading(setMetricReading(reading, plan.rowSet), name);
      if (base?.kind === 'tiered') notes.add(tierNote(name, base));
      if (base?.kind === 'chosen-rate') notes.add(chosenRateNote(name, base));
      if (plan.clause.planLevels && plan.milestone === plan.clause.milestones[0]) {
        notes.add(planLevelsNote(this.clauseCount > 1 ? `clause ${plan.clauseIndex}: ` : '', plan.clause.planLevels));
      }
      // With no condition written, the comparator is the payment's threshold, stated in its calculation.
      if (m.comparator && m.condition !== 'payment') notes.comparator(name, m.comparator.words, m.comparator.strict);
      if (plan.periodWordNote !== null) notes.add(`${name}: ${plan.periodWordNote}`);
      if (topUp) notes.add(topUpNote(name, plan.clause, topUp, plan.target));
      const capOrder = topUp && found ? topUpCapReading(name, topUp, found.payment) : null;
      if (capOrder) {
        diagnostics.push({ code: 'top-up-cap-reading', severity: 'warning', label: m.label, message: capOrder });
        notes.add(capOrder);
      }
      const annually = topUp ? payableAnnuallyWarning(name, m.label, topUp, plan.window, ctx.effective) : null;
      if (annually) {
        diagnostics.push(annually);
        notes.add(annually.message);
      }
      notes.windowReading(name, plan.window, asOf);
      const counted = eachIncrementOf(m)?.counted;
      if (counted !== undefined) notes.add(countedNote(name, counted));
      if (m.quota) notes.add(quotaNote(name, m.quota, toDec(plan.target)));
      notes.periodsReading(name, m, plan.once && !plan.firstAchievement);
      if (plan.clause.salesMinimum) notes.add(salesMinimumNote(name, plan.clause.salesMinimum));
      const committed = plan.clause.commitment ? commitmentNote(name, plan.clause.commitment) : null;
      if (committed) notes.add(committed);
      if (plan.perProduct) notes.add(`${name}: ${perProductNote(plan.perProduct)}${plan.once ? '; paid once, for the first product and period that meet it, whatever other products meet later' : ''}`);
      if (plan.setUse !== null && plan.rowSet !== null) {
        const kind = found ? paymentParts(found.payment).base.kind : null;
        const paysOnRows = kind === 'rate' || kind === 'rate-on-excess' || kind === 'tiered' || kind === 'per-increment';
        const setSums = sums.setSums(plan.rowSet);
        itemSetNotes(name, plan.setUse, plan.rowSet, paysOnRows, { near: setSums.near, blank: setSums.blank }, { notes, diagnostics, nearWarned });
      }
      const { net } = rule.series(sums, plan.productKey, plan.rowSet);
      const growth = priorPeriodOf(base);
      const growthSeries = growth && base ? METRICS[paymentBaseMetric(base) ?? 'gross-revenue'].series(sums, null, plan.rowSet).net : null;
      if (growth) notes.add(`${name}: ${growthNote(growth)}`);
      const compound = m.compound ? compoundReading(m.compound) : null;
      const clawback = clawsBack(plan);
      if (plan.clause.clawback) notes.add(`${name}: ${clawbackNote(plan.clause.clawback)}`);
      if (plan.clause.returns) notes.add(`${name}: ${returnsNote(plan.clause.returns)}`);
      if (compound) notes.add(`${name}: ${compoundNote(m, compound)}`);
      const parted = instalmentsOf(m);
      const dueAtYearEnd = !plan.clause.timing && !plan.clause.payDay;
      const series = parted ? new InstalmentSeries(parted.instalments, parted.payment, dueAtYearEnd) : null;
      if (parted) notes.add(instalmentsNote(name, parted.instalments, parted.payment, dueAtYearEnd));
      const carrying = carriesForward(plan);
      if (carrying) notes.add(`${name}: ${carryReading(plan)}`);
      // A rate owed per period until a level: its obligations are the milestone's, made once after its instances.
      const level = plan.clause.definition?.stop;
      const levelStop =
        level && found && plan.levelPeriods && base?.kind === 'rate'
          ? { level, found, periods: plan.levelPeriods, percent: base.percent, metric: paymentBaseMetric(base), crossing: null as Crossing | null, instName: null as string | null }
          : null;
      for (const [instIndex, inst] of plan.instances.entries()) {
        // A base year's quarter is only what a later quarter is compared with: its rows are used, the quarter is not tested.
        if (growth && isBaseQuarter(growth, inst.window)) {
          for (let i = Math.max(inst.from, 0); i < inst.to; i++) covered[i] = 1;
          continue;
        }
        notes.add(`${name}: ${inst.window.explanation}`);
        if (inst.escalated) {
          const raised = escalationNote(name, m, plan.clause.commitment?.escalation, inst.window, inst.escalated);
          if (raised !== null) notes.add(raised);
        }
        for (let i = Math.max(inst.from, 0); i < inst.to; i++) covered[i] = 1;
        const { crossing: own, perProduct } = ownOf(plan, instIndex);
        const total = new Accumulator();
        if (perProduct) total.add(perProduct.total);
        else for (let i = Math.max(inst.from, 0); i < inst.to; i++) net.addTo(total, i);
        const caught = caughtUp.get(plan);
        const caughtDay = caught ? caught.crossing.row.day - this.effectiveDay : -1;
        const byCatchUp = caught !== undefined && inst.from <= caughtDay && caughtDay < inst.to && (own === null || crossesBefore(caught.crossing, own));
        // With a carry-forward, the period is tested on its credited total: its own and what the period before carried in.
        const carried = carrying ? inst.carry : undefined;
        const totalDec = carried ? total.value().plus(carried.carriedIn) : total.value();
        const deadlineDay = inst.window.endDay - 1;
        const targetDec = toDec(instanceTarget(plan, inst));
        // An open-ended window ("during the term") is never over, so never missed.
        const over = windowOver(inst.window, this.asOfDay);
        // A compound condition holds by its parts together: the deciding part's row, from the day the whole holds.
        const outcome = plan.parts ? compoundOutcome(plan, instIndex, own, { rowsByDay: this.crossingRows, sums, over, endDay: deadlineDay }) : null;
        const rowCrossing = outcome ? outcome.crossing : byCatchUp && caught ? caught.crossing : own;
        // A target the total meets before any sale: met from the window's first counted day, by no row (met-from-start.ts).
        const fromStart = !outcome && !perProduct && !carried && !byCatchUp && !growthSeries && !topUp && !shortfall && !table && metFromStart(targetDec, plan.strict, plan.periodTotal, rowCrossing !== null, totalDec);
        const crossing = fromStart ? null : rowCrossing;
        const startDay = formatIsoDate(fromDayNumber(Math.max(inst.from, 0) + this.effectiveDay));
        // Met by the amount carried in alone: on the period's first evaluated day, by no row (tested on the period's total: if it still holds at its end).
        const byCarry = carried !== undefined && crossing === null && carried.alone && (!plan.periodTotal || meets(totalDec, targetDec, plan.strict));
        const heldDay = outcome ? outcome.day : crossing ? crossing.row.day : null;
        const topUpAmount = topUp && topUpCurrency ? periodAmount(topUp.rate, totalDec, topUpCurrency) : null;
        const prior = growthSeries ? priorPeriodTotal(inst.window, growthSeries, this.effectiveDay) : null;
        const status: Status = prior
          ? growthStatus(prior, totalDec, over)
          : topUp && topUpAmount
          ? topUpStatus(topUpAmount, new Dec(topUp.terms.minimum.amount), over)
          : shortfall || table
          ? minimumStatus(crossing !== null, totalDec, targetDec, over)
          : plainStatus(crossing !== null || byCarry || fromStart, over);
        // A minimum missed on the period's total was not achieved, whatever row once reached it.
        // A growth is known once the quarter is over, on its whole total: no row achieves it.
        const achieved = status === 'met' && !prior ? crossing : null;
        const shownTarget = prior?.kind === 'total' ? prior.total : targetDec;
        const result: MilestoneResult = {
          clause: plan.clauseIndex,
          label: m.label,
          period: inst.window.period,
          metric: plan.metric,
          product: perProduct ? perProduct.product : m.target.kind === 'units' ? m.target.product : null,
          // A growth over a quarter whose total is not counted has no target to show: not "0", and no progress.
          target: prior?.kind === 'incomplete' ? null : decimalString(shownTarget),
          currency: m.target.kind === 'revenue' && m.target.amount.currency !== NO_CURRENCY ? m.target.amount.currency : null,
          windowType: windowType(plan.window),
          windowStart: inst.window.windowStart,
          deadline: inst.window.deadline,
          status,
          achievedAt: achieved && heldDay !== null ? formatIsoDate(fromDayNumber(heldDay)) : prior && status === 'met' ? inst.window.deadline : byCarry || fromStart ? startDay : null,
          achievedBy: achieved ? achieved.row.id : null,
          achievedByRow: achieved ? achieved.row.row : null,
          total: decimalString(totalDec),
          progress: prior?.kind === 'incomplete' ? null : progressOf(totalDec, shownTarget, plan.strict),
          crossing: achieved ? { runningTotalBeforeDay: decimalString(achieved.beforeDay), rows: achieved.explain } : null,
          ...(carried ? { carry: { carriedIn: decimalString(carried.carriedIn), periodTotal: decimalString(carried.own), carriedOut: carried.carriedOut === null ? null : decimalString(carried.carriedOut) } } : {}),
        };
        // A period word's window has no deadline: a period that falls short is not a missed milestone.
        if (plan.firstAchievement && status === 'missed') continue;
        milestones.push(result);
        const instName = inst.window.period === null ? name : `${name} instance ${inst.window.period}`;
        if (byCatchUp && caught) {
          notes.add(catchUpNote(instName, result.achievedAt, labelName(caught.by, this.plans.indexOf(caught.by) + 1, this.clauseCount), caught.crossing.row.id, result.total));
        }
        if (outcome) notes.add(`${instName}: ${outcome.note}`);
        if (fromStart) notes.add(metFromStartNote(instName, startDay, targetDec, totalDec, plan.periodTotal));
        if (carried) for (const text of carryNotes(plan, inst, instIndex === plan.instances.length - 1, this.asOfDay)) notes.add(`${instName}: ${text}`);
        if ((shortfall && status === 'missed') || (table && over) || (topUp && status === 'missed')) partialPeriodMinimum(instName, inst.window, result, table ? 'quota' : 'minimum', diagnostics, notes);
        if (topUp && topUpAmount && topUpCurrency && parties) {
          // The amount itself, owed for every period once it is over; then the difference when it is below the minimum.
          const owed = topUpOwed(topUp.terms, topUpAmount, result, over, (owedResult) =>
            obligationFor(plan, planIndex, inst, owedResult, {
              found, parties, schedule, currency: this.currency, firstRowCurrency: sums.firstRowCurrency, sums, name, warned, diagnostics,
            }), { common: { clause: plan.clauseIndex, label: m.label, period: inst.window.period, ...parties }, name: instName, currency: topUpCurrency, diagnostics, asOf, notes });
          obligations.push(...owed.obligations);
          if (owed.settledAtEnd) settledAtEnd.set(owed.settledAtEnd, instName);
          // A cap or a due date written on the amount bounds and dates it like any payment's.
          if (owed.settledAtEnd && found) timing.push({ obligation: owed.settledAtEnd, payment: found.payment, name: instName });
          continue;
        }
        if (shortfall && parties) {
          const owed = shortfallObligation(m, shortfall, result, { common: { clause: plan.clauseIndex, label: m.label, period: inst.window.period, ...parties }, name: instName, diagnostics });
          notes.add(owed.note);
          if (owed.obligation) obligations.push(owed.obligation);
          continue;
        }
        if (table && parties) {
          const owed = attainmentObligation(m, table, result, over, { common: { clause: plan.clauseIndex, label: m.label, period: inst.window.period, ...parties }, name: instName, diagnostics });
          notes.add(owed.note);
          if (owed.obligation) obligations.push(owed.obligation);
          continue;
        }
        const undone = !prior && crossing !== null && !outcome && !byCatchUp && !meets(totalDec, targetDec, plan.strict);
        // With a clawback sentence, what the refunds undid is owed back (below); without one, the refund is reported. Triggered
        // by catch-up, the period's own total never met it: no refund took it back.
        if (undone && !clawback) notes.metAndRefunded(instName, result.achievedAt, (crossing as NonNullable<typeof crossing>).row.id, result.total);
        const eachIncrement = eachIncrementOf(m);
        if (eachIncrement && found) {
          // One obligation per completed increment, at the row that completes it; none at the threshold's own crossing.
          const steps = inst.increments ?? [];
          if (steps.length === 0) notes.add(noIncrementNote(instName, result.total));
          for (const step of steps) {
            const reached = findCrossing(step.plan, step.inst, this.crossingRows, sums);
            if (!reached) continue;
            const common = { clause: plan.clauseIndex, label: m.label, period: inst.window.period, ...(parties ?? UNNAMED_PARTIES) };
            const obligation = incrementObligation(plan, eachIncrement, step, reached, common, found.source);
            obligations.push(obligation);
            notes.add(`${instName}: ${obligation.explanation}`);
            timing.push({ obligation, payment: found.payment, name: instName });
            incrementsOwed.set(obligation, instName);
          }
          if (crossing && plan.once) break;
          continue;
        }
        if (levelStop) {
          levelStop.crossing ??= crossing;
          levelStop.instName ??= instName;
          continue;
        }
        const tiers = plan.accrues ? accruingTiers(m) : null;
        const accrualCurrency = this.currency ?? sums.firstRowCurrency;
        if (tiers && found && accrualCurrency !== null) {
          const boundary = firstBoundary(tiers);
          notes.add(
            `${instName}: no period is written, so the tiers apply to the running total from the effective date and the amount is owed as the sales come in; ` +
              `the milestone is that total passing the end of the first band${boundary ? ` (${figure(new Dec(boundary.amount), accrualCurrency)})` : ''}`,
          );
          const accrual = accrue({
            payment: tiers,
            series: METRICS[paymentBaseMetric(tiers) ?? 'gross-revenue'].series(sums, null).net,
            rowsPerDay: sums.rowsPerDay,
            from: inst.from,
            to: inst.to,
            effectiveDay: this.effectiveDay,
            rowsByDay: this.crossingRows,
            currency: accrualCurrency,
            common: { clause: plan.clauseIndex, label: m.label, period: inst.window.period, ...(parties ?? UNNAMED_PARTIES) },
          });
          for (const obligation of accrual.obligations) {
            obligations.push(obligation);
            notes.add(`${instName}: ${obligation.triggeredAt}: ${obligation.explanation}`);
            timing.push({ obligation, payment: found.payment, name: instName });
          }
          if (accrual.lowered.length > 0) {
            const message =
              `${instName}: refunds on ${accrual.lowered.join(', ')} lowered the amount on the running total below what was already owed; the clause states no ` +
              'clawback or offset, so nothing is owed back, and later sales are owed only once the amount passes what was already owed';
            diagnostics.push({ code: 'negative-base-no-clawback', severity: 'warning', label: m.label, message });
            notes.add(message);
          }
          continue;
        }
        const settled = found !== null && isSettledAtWindowEnd(found.payment);
        const met = crossing && result.achievedAt !== null && !prior ? { by: crossing.row.id, at: result.achievedAt } : fromStart ? { by: null, at: startDay } : null;
        // A raised rate ("…; provided that if … exceed …, … shall be 6% of all …") is owed at the lower rate when its condition is not met.
        const raised = base?.kind === 'tiered' && base.proviso !== undefined;
        // A rate on the growth is settled on every quarter once it is over: an increase of zero or a decrease comes to nothing.
        const settlement = settled ? settlementOf(inst.window, this.asOfDay, met, raised || prior !== null) : null;
        if (settlement?.kind === 'open' || settlement?.kind === 'accruing') notes.add(`${instName}: ${settlement.note}`);
        if (settlement ? settlement.kind === 'owed' || settlement.kind === 'accruing' : crossing || byCarry || fromStart) {
          const owed = settlement?.kind === 'owed' || settlement?.kind === 'accruing' ? { ...result, achievedAt: settlement.at, achievedBy: settlement.by } : result;
          const obligation = obligationFor(plan, planIndex, inst, owed, {
            found,
            parties: parties ?? UNNAMED_PARTIES,
            schedule,
            currency: this.currency,
            firstRowCurrency: sums.firstRowCurrency,
            sums,
            name,
            warned,
            diagnostics,
            ...(prior ? { prior } : {}),
          });
          const owedNow = obligation && series && found ? series.instalment(obligation, result.deadline, found.source) : obligation;
          if (owedNow) {
            const obligation = owedNow;
            obligations.push(obligation);
            notes.add(`${instName}: ${obligation.explanation}`);
            if (found) timing.push({ obligation, payment: found.payment, name: instName });
            if (settled) settledAtEnd.set(obligation, instName);
            const refund = undone && clawback && crossing && clawedBasis(obligation) ? undoingRefund(plan, inst, crossing.row.day - this.effectiveDay, this.crossingRows, sums) : null;
            if (refund && clawback) {
              const back = clawbackObligation(clawback, obligation, refund, result.total);
              obligations.push(back);
              notes.add(`${instName}: ${back.explanation}`);
            }
          }
        }
        // Rates in bands of a plan stated in the lead sentence: owed on the year's total once it is over, whether or not
        // the bonus among them (this milestone) is met.
        const planBands = plan.clause.planBands;
        if (planBands) {
          const obligation = planBandsOwed(planBands, over, { instName, windowStart: result.windowStart, deadline: result.deadline, asOf }, (payment, source) =>
            obligationFor(plan, planIndex, inst, { ...result, achievedAt: result.deadline, achievedBy: null }, {
              found: { payment, source, inItem: true },
              parties: parties ?? UNNAMED_PARTIES, schedule, currency: this.currency, firstRowCurrency: sums.firstRowCurrency, sums, name, warned, diagnostics,
            }), notes);
          if (obligation) {
            obligations.push(obligation);
            settledAtEnd.set(obligation, instName);
          }
        }
        // Paid once: the periods after the first met one are neither reported nor paid; in instalments, after the last one.
        if ((crossing || fromStart) && plan.once) break;
        if (series?.done) break;
      }
      // From the earliest crossing of the level among the instances, once an instance has reached this point (its name for the notes).
      if (levelStop && levelStop.instName !== null) {
        const { crossing, instName, level, found } = levelStop;
        const series = METRICS[levelStop.metric ?? 'gross-revenue'].series(sums, null).net;
        const settled = settleLevelStop({
          stop: level,
          paymentName: plan.clause.definition?.name ?? name,
          percent: levelStop.percent,
          level: toDec(plan.target),
          periodTotal: (p) => seriesTotal(series, p.from, p.to),
          periods: levelStop.periods,
          crossingIndex: crossing ? crossing.row.day - this.effectiveDay : null,
          asOfDay: this.asOfDay,
          currency: this.currency ?? sums.firstRowCurrency,
          clause: plan.clauseIndex,
          label: m.label,
          parties,
          name,
          instName,
        });
        for (const text of settled.notes) notes.add(text);
        for (const obligation of settled.obligations) {
          obligations.push(obligation);
          timing.push({ obligation, payment: found.payment, name: instName });
        }
        diagnostics.push(...settled.diagnostics);
      }
    });

    finalSettlement(ctx.effective, this.payDays, obligations, { timing, settledAtEnd, incrementsOwed }, (text) => notes.add(text));

    let outside = 0;
    let used = 0;
    for (let i = 0; i < sums.days; i++) {
      if (covered[i]) used += sums.rowsPerDay[i];
      else outside += sums.rowsPerDay[i];
    }
    const rows: RowCounts = {
      total: this.rowTotal,
      used,
      ignored: { 'before-effective-date': sums.before, 'after-as-of': sums.after, 'outside-every-window': outside },
    };
    notes.rowsBeforeEffectiveDate(sums.before);

    return {
      ok: true,
      asOf,
      effectiveDate: formatIsoDate(ctx.effective),
      timeZone: ctx.zone,
      milestones,
      obligations,
      totals: totalsOf(obligations),
      rows,
      notes: notes.list(),
      diagnostics,
    };
  }
}
