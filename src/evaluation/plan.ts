/**
 * The plan of an evaluation: for each milestone of the document, its metric, target and window
 * instances in the contract's calendar, cut to the evaluated days [E, A]; and what the ledger must
 * hold for them (required columns, the currency, the products and whether customers are counted).
 */
import { escalatedTarget, type EscalatedTarget } from './escalation';
import { assertNever, type ClauseNode, type DocumentNode, type MilestoneNode, type TargetNode, type WindowNode } from '../language/ast';
import { metricOf, windowType, type Metric } from '../language/describe';
import type { LedgerColumn } from '../ledger/rows';
import { ContractCalendar, MONTHS_PER_UNIT, type ContractContext, type WindowInstance } from '../time/periods';
import { onceOnly } from '../language/once-only';
import { periodWordNote, periodWordReading } from '../language/period-word';
import { calendarInstanceCount } from '../time/calendar-windows';
import { milestoneWindowInstances, recurringDayPeriods, recurringMonths } from '../time/own-windows';
import { targetQuantity, type Accumulator, type Quantity } from '../values/quantity';
import { NO_CURRENCY, type Dec } from '../values/money';
import { productKey } from './metrics';
import { itemSetUse, rowSetOf, type ItemSetUse, type RowSet } from '../language/item-sets';
import { perProductReading, type PerProductReading } from '../language/per-product';
import { startDate } from '../language/openings';
import { dayNumber, parseIsoDate } from '../time/calendar-date';
import { accruingTiers, firstBoundary } from './payments/accrual';
import type { LevelPeriod } from './payments/level-stop';
import { partPlans } from './compound-plan';
import { conditionParts, type ConditionPart } from '../language/compound-condition';
import { topUpReading, topUpTarget } from './top-up';
import { sincePreviousStart, type SinceStart } from './since-previous';

/** One milestone, with everything the passes need to know about it. */
export interface Plan {
  clauseIndex: number;
  clause: ClauseNode;
  milestone: MilestoneNode;
  /** The window the milestone is evaluated in: its own, or the one its metric's period word gives ("annual Net Sales"). */
  window: WindowNode;
  /**
   * The window comes from the metric's period word with no deadline written: met in the first period whose
   * own total passes the target; the periods before it are not missed, so they are not reported.
   */
  firstAchievement: boolean;
  /** What the metric's period word means here, in words ("annual Net Sales"), or null. */
  periodWordNote: string | null;
  metric: Metric;
  /** For units: `productKey` of the product; else null. */
  productKey: string | null;
  /** A set defined in the text that the milestone counts (its scope or its party names it): only its rows count. */
  rowSet: RowSet | null;
  /** How the milestone names the set, for the notes; null without one. */
  setUse: ItemSetUse | null;
  /**
   * Counted per product ("of a Licensed Product"): after pass 1 the plan stands for one plan per product of the ledger
   * (each with that product's `rowSet`), and an instance is met when one of them is (src/evaluation/per-product.ts).
   */
  perProduct: PerProductReading | null;
  target: Quantity;
  /** Written "exceed", "in excess of", "more than": the total must pass the target, not reach it. */
  strict: boolean;
  /**
   * A calendar period is tested on its own total: met when the total at the end of the evaluated
   * window passes the target (a refund later in the period can undo it), not when it first peaks.
   */
  periodTotal: boolean;
  /** Paid once: for `the first … in which`, or words such as "one-time"; later instances are not reported or paid. */
  once: boolean;
  /**
   * Tiers on the running total with no period (payments/accrual.ts): owed day by day as the sales come in, and
   * the target is where the first band ends (the total must pass it for a later band's rate to apply).
   */
  accrues: boolean;
  instances: InstancePlan[];
  /** A payment definition stopped at a level: the periods its amount is owed for ("for any calendar quarter"), cut to [E, A]. */
  levelPeriods?: LevelPeriod[];
  /** A compound condition's parts after the first, each a target of its own (compound-plan.ts); absent for a simple condition. */
  parts?: PartPlan[];
  /** A rate "since the previous milestone": the day it starts counting (since-previous.ts); absent otherwise. */
  since?: SinceStart;
}

export interface InstancePlan {
  window: WindowInstance;
  /** Evaluated day indices `[from, to)` relative to E (window ∩ [E, A]). */
  from: number;
  to: number;
  /** Candidate crossing days (indices) with the running total before each, and the last earlier day that moved it. */
  candidates: Array<{ index: number; before: Accumulator; previous: number }>;
  /** Pass 1 saw the total at the end of a day reach the target: pass 2 must find the crossing row. */
  reached: boolean;
  /** The period's own minimum under an escalation ("shall increase by 10% on every annual anniversary"); else the plan's target. */
  escalated?: EscalatedTarget;
  /**
   * For a payment owed increment by increment: each increment the instance's total completes, as a
   * target of its own with its own candidates (payments/increments.ts), in order; absent otherwise.
   */
  increments?: IncrementStep[];
  /** With a carry-forward sentence: what the instance receives from the one before and passes on (carry-forward.ts). */
  carry?: CarriedAmounts;
}

/** What an instance of a clause that carries its excess forward receives from the previous period and passes to the next. */
export interface CarriedAmounts {
  /** Carried in from the previous period (zero for the first). */
  carriedIn: Dec;
  /** The period's own total (its sales as dated). */
  own: Dec;
  /** The excess passed to the next period; null while the period is not over on the as-of date. */
  carriedOut: Dec | null;
  /** The carried amount alone passes the target. */
  alone: boolean;
}

/** The `k`-th increment of an instance: reached when the total reaches `plan.target` (the threshold plus k increments). */
export interface IncrementStep {
  k: number;
  plan: Plan;
  inst: InstancePlan;
}

/** A part of a compound condition after the first: its plan, whose instances follow the milestone's one for one. */
export interface PartPlan {
  part: ConditionPart;
  plan: Plan;
}

/** The target one instance is tested against: its escalated minimum, or the plan's target. */
export const instanceTarget = (plan: Plan, inst: InstancePlan): Quantity => inst.escalated?.target ?? plan.target;

export interface EvaluationPlan {
  plans: Plan[];
  /** Columns a row must have: `date`, plus `amount` and/or `units` as the metrics read them. */
  required: LedgerColumn[];
  productKeys: Set<string>;
  countsCustomers: boolean;
  /** The defined sets the milestones count. */
  rowSets: RowSet[];
  /** Whether a milestone counts per product: pass 1 keeps each product's day sums. */
  perProduct: boolean;
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

/**
 * The most milestone instances one evaluation plans (all milestones of all clauses together): each
 * costs a window, a result and perhaps an obligation, so a recurring milestone from year 1 to an as-of
 * date in 9999 (about 120,000 monthly instances) is refused before any of them is made.
 */
export const MAX_MILESTONE_INSTANCES = 100_000;

/**
 * How many instances `planEvaluation` would make, counted without making them: one per milestone,
 * and for a recurring one the contract periods begun by A (an upper bound, by at most one each).
 */
/** The error for a span with more instances than MAX_MILESTONE_INSTANCES (every engine reports it alike). */
export function tooManyInstances(instances: number): { code: 'too-many-instances'; severity: 'error'; message: string } {
  return {
    code: 'too-many-instances',
    severity: 'error',
    message:
      `the milestones have ${instances.toLocaleString('en-US')} instances from the effective date to the as-of date, more than the ` +
      `${MAX_MILESTONE_INSTANCES.toLocaleString('en-US')} one evaluation handles; check the effective date and the as-of date, or evaluate a shorter span`,
  };
}

export function instanceCount(ast: DocumentNode, ctx: ContractContext): number {
  const months = (ctx.asOf.year - ctx.effective.year) * 12 + (ctx.asOf.month - ctx.effective.month);
  let count = 0;
  for (const clause of ast.clauses) {
    for (const m of clause.milestones) {
      const w = windowOf(m, ast).window;
      const every = w.kind === 'recurring' ? MONTHS_PER_UNIT[w.unit] : recurringMonths(w, ast);
      // Periods counted in days from an event ("each consecutive fourteen-day period"): one per n days, and the partial ones at each end.
      const dayPeriods = recurringDayPeriods(w, ast, dayNumber(ctx.asOf) - dayNumber(ctx.effective) + 1);
      // A payment definition stopped at a level is owed per period of its own ("for any calendar quarter").
      const period = clause.definition?.stop ? clause.definition.period : null;
      if (period?.kind === 'calendar-period') count += calendarInstanceCount(period, ctx.effective, ctx.asOf);
      count += dayPeriods !== null ? dayPeriods
        : every !== null ? Math.max(0, Math.floor(months / every)) + 1
          : w.kind === 'calendar-period' ? calendarInstanceCount(w, ctx.effective, ctx.asOf)
            : 1;
    }
  }
  return count;
}

/**
 * Plans every milestone of `ast` for the days from `firstDay` (E) to `lastDay` (A), local days in
 * the contract's zone.
 */
export function planEvaluation(ast: DocumentNode, ctx: ContractContext, firstDay: number, lastDay: number): EvaluationPlan {
  const plans: Plan[] = [];
  const productKeys = new Set<string>();
  const rowSets: RowSet[] = [];
  let countsCustomers = false;
  let anyPerProduct = false;
  const calendar = new ContractCalendar(ctx.effective);
  ast.clauses.forEach((clause, c) => {
    // A start opening ("Commencing January 1, 2026,"): no day before it counts, and a period that ends before it is not tested.
    const start = startDate(clause);
    const parsedStart = start === null ? null : parseIsoDate(start);
    const firstCounted = parsedStart === null ? firstDay : Math.max(firstDay, dayNumber(parsedStart));
    for (const milestone of clause.milestones) {
      const metric = metricOf(milestone.target);
      const key = milestone.target.kind === 'units' ? productKey(milestone.target.product) : null;
      if (metric === 'new-customers') countsCustomers = true;
      if (key !== null) productKeys.add(key);
      const setUse = itemSetUse(milestone, ast);
      const rowSet = setUse ? rowSetOf(setUse.definition) : null;
      if (rowSet) rowSets.push(rowSet);
      for (const part of conditionParts(milestone)) {
        if (metricOf(part.target) === 'new-customers') countsCustomers = true;
        if (part.target.kind === 'units') productKeys.add(productKey(part.target.product));
      }
      const { window: evaluated, firstAchievement } = windowOf(milestone, ast);
      const tiers = accruingTiers(milestone);
      const boundary = tiers ? firstBoundary(tiers) : null;
      const topUp = topUpReading(clause, milestone);
      // A minimum of a computed amount: reported against the sales that give it (the minimum over the rate).
      const target = targetQuantity(boundary ? boundary.amount : topUp ? topUpTarget(topUp.terms, topUp.rate) : targetText(milestone.target));
      const escalation = clause.commitment?.escalation ?? null;
      const instances = milestoneWindowInstances(evaluated, calendar, ctx.asOf, ast).filter((window) => start === null || window.endDay > firstCounted).map((window) => ({
        window,
        from: Math.max(window.startDay, firstCounted) - firstDay,
        to: Math.min(window.endDay, lastDay + 1) - firstDay,
        candidates: [],
        reached: false,
        ...(escalation ? { escalated: escalatedTarget(target, escalation, window.startDay, calendar) } : {}),
      }));
      const stopped = clause.definition?.stop ? clause.definition.period : null;
      const levelPeriods = stopped === null ? undefined : milestoneWindowInstances(stopped, calendar, ctx.asOf, ast).map((window) => ({
        window,
        from: Math.max(window.startDay, firstCounted) - firstDay,
        to: Math.min(window.endDay, lastDay + 1) - firstDay,
      }));
      const perProduct = perProductReading(milestone, ast);
      if (perProduct) anyPerProduct = true;
      const plan: Plan = {
        clauseIndex: c + 1, clause, milestone, window: evaluated, firstAchievement, periodWordNote: periodWordNote(periodWordReading(milestone, ast)), metric, productKey: key, rowSet, setUse, perProduct, target,
        strict: milestone.comparator?.strict === true, ...periodReading(milestone, evaluated, firstAchievement), accrues: tiers !== null, instances,
        ...(levelPeriods ? { levelPeriods } : {}),
      };
      if (milestone.compound) plan.parts = partPlans(plan, firstCounted, firstDay);
      const last = plans[plans.length - 1];
      const since = sincePreviousStart(clause, milestone, last?.clause === clause ? last : undefined, firstDay);
      if (since) plan.since = since;
      plans.push(plan);
    }
  });
  return { plans, required: requiredColumns(ast), productKeys, countsCustomers, rowSets, perProduct: anyPerProduct };
}

/** The window a milestone is evaluated in, and whether it comes from its metric's period word alone. */
export function windowOf(m: MilestoneNode, ast: DocumentNode): { window: WindowNode; firstAchievement: boolean } {
  const reading = periodWordReading(m, ast);
  if (reading.kind === 'defined') return { window: reading.window, firstAchievement: false };
  return reading.kind === 'from-word' ? { window: reading.window, firstAchievement: true } : { window: m.window, firstAchievement: false };
}

/**
 * Whether a milestone is tested on each period's own total, and whether it is paid once only. A window
 * from a period word ("when annual Net Sales exceed …") is both: each period's own total, the first met one paid.
 */
export function periodReading(m: MilestoneNode, window: WindowNode = m.window, firstAchievement = false): { periodTotal: boolean; once: boolean } {
  const calendar = window.kind === 'calendar-period';
  const recurring = windowType(window) === 'recurring';
  return {
    periodTotal: calendar || firstAchievement,
    once: firstAchievement || (recurring && ((calendar && window.kind === 'calendar-period' && window.selection.kind === 'first') || onceOnly(m) !== null)),
  };
}

/**
 * The ledger columns a clause cannot be evaluated without: `date` always, `units` for unit
 * milestones, `amount` for every other metric (revenue, deals, new customers).
 */
export function requiredColumns(ast: DocumentNode): LedgerColumn[] {
  const required = new Set<LedgerColumn>(['date']);
  for (const clause of ast.clauses) {
    for (const milestone of clause.milestones) {
      for (const part of conditionParts(milestone)) required.add(metricOf(part.target) === 'units' ? 'units' : 'amount');
      // A set's rows are told by their product or customer: a ledger without that column cannot count them (never all rows, never none).
      const use = itemSetUse(milestone, ast);
      if (use) required.add(use.definition.field);
      // Counted per product: every row must say its product (never a pooled total).
      if (perProductReading(milestone, ast)) required.add('product');
    }
  }
  return [...required];
}

/** The clause currency rows must be in: the first revenue target's, else the first fixed payment's. */
export function documentCurrency(ast: DocumentNode): string | null {
  for (const clause of ast.clauses) {
    for (const m of clause.milestones) if (m.target.kind === 'revenue' && m.target.amount.currency !== NO_CURRENCY) return m.target.amount.currency;
  }
  for (const clause of ast.clauses) {
    for (const m of clause.milestones) if (m.payment?.kind === 'fixed') return m.payment.amount.currency;
    for (const p of clause.payments) if (p.payment.kind === 'fixed') return p.payment.amount.currency;
  }
  return null;
}

/** How notes name a milestone: "(ii)", "Month 1", or "clause 2 (ii)" when the document has several clauses. */
export function labelName(plan: Plan, index: number, clauses: number): string {
  const label = plan.milestone.label;
  const own = label === null ? `milestone ${index}` : /\s/.test(label) ? label : `(${label})`;
  return clauses > 1 ? `clause ${plan.clauseIndex} ${own}` : own;
}
