/**
 * What a met milestone obliges the payer to pay: the payment that applies (in the milestone, or a
 * payment sentence), its amount (fixed, from the schedule for a section reference, or a rate of the
 * window's revenue) and how it was found, in words. An amount the clause leaves undefined is null,
 * never zero, with a warning.
 */
import { assertNever, type ClauseNode, type MilestoneNode, type PaymentNode, type SectionPaymentNode, type UnlimitedPaymentNode, type UnstatedPaymentNode } from '../language/ast';
import { paymentFor } from '../language/describe';
import { Dec, decimalString, formatMoney, moneyString, roundMoney } from '../values/money';
import { Accumulator, toDec } from '../values/quantity';
import type { PriorTotal } from './payments/prior-period';
import { formatIsoDate, fromDayNumber, type WindowInstance } from '../time/periods';
import { METRICS, type DaySums } from './metrics';
import type { DaySeries } from './day-series';
import type { RowSet } from '../language/item-sets';
import { instanceTarget, type InstancePlan, type Plan } from './plan';
import type { EvaluationDiagnostic, MilestoneResult, Obligation, ObligationCommon } from './report';
import { scheduledAmount, type Schedule } from './schedule';
import { calculate } from './payments/calculation';
import { paymentParts } from '../language/payment-parts';
import { computedBasis, computedThreshold, paymentBaseMetric, type FormulaPayment } from './payments/computed-payment';
import type { ObligationParties } from './parties';
import { sinceOrderWarning, type SinceStart } from './since-previous';

/** A payment whose amount is found in the schedule by milestone label: a section reference, or an amount the clause does not state. */
export type ScheduledPayment = SectionPaymentNode | UnstatedPaymentNode;

/** Where the clause says the amount is, in words: "Section 4.2", "a redacted amount ('$[***]')", "Schedule 4.2". */
export function referenceWords(payment: ScheduledPayment): string {
  if (payment.kind === 'section') return `Section ${payment.ref}`;
  return payment.how === 'redacted' ? `a redacted amount ('${payment.text}')` : payment.text;
}

/** The warning for a payment outlined in a section, or not stated, when no schedule gives its amount (once per milestone). */
export function unresolvedSectionWarning(name: string, label: string | null, payment: ScheduledPayment): EvaluationDiagnostic {
  const where =
    payment.kind === 'unstated'
      ? payment.how === 'redacted' ? `a redacted amount ('${payment.text}')` : `the amount set out in ${payment.text}`
      : payment.placeholder ? `under a placeholder, Section ${payment.ref}` : `as outlined in Section ${payment.ref}`;
  return {
    code: 'unresolved-payment',
    severity: 'warning',
    label,
    message: `${name} is paid ${where}, and no schedule was given: the amount is undefined (not zero); pass --schedule`,
  };
}

/** Such an obligation's amount: undefined, never zero, with what would resolve it. */
export function unresolvedSectionObligation(payment: ScheduledPayment, source: string, currency: string | null) {
  const what = payment.kind === 'section' ? `Section ${payment.ref} is not available` : payment.how === 'redacted' ? `the amount is redacted ('${payment.text}')` : `the amount is set out in ${payment.text}, not in the clause`;
  return {
    amount: null,
    // "$[***]" shows its currency even when the figure is blanked out.
    currency: payment.kind === 'unstated' && payment.currency !== null ? payment.currency : currency,
    basis: 'unresolved' as const,
    explanation: `amount undefined: ${what} (${source}); supply a schedule`,
  };
}

/** The payment that applies to a milestone and where it came from in words. */
export interface PaymentSource {
  payment: PaymentNode;
  source: string;
  inItem: boolean;
}

/** Which payment applies, with where it came from in words (the rule itself is shared with `validate`). */
export function paymentSource(clause: ClauseNode, milestone: MilestoneNode): PaymentSource | null {
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

/** A schedule that lacks a label the clause needs is an error whether or not the milestone was met. */
export function missingScheduleLabels(plans: readonly Plan[], schedule: Schedule): EvaluationDiagnostic[] {
  const errors: EvaluationDiagnostic[] = [];
  plans.forEach((plan, index) => {
    const found = paymentSource(plan.clause, plan.milestone);
    const base = found ? paymentParts(found.payment).base : null;
    if (base?.kind === 'section' || base?.kind === 'unstated') {
      const label = plan.milestone.label ?? String(index + 1);
      if (scheduledAmount(schedule, label) === undefined) {
        errors.push({
          code: 'schedule-missing-label',
          severity: 'error',
          label: plan.milestone.label,
          message: `the schedule has no payment for milestone '${label}' (${referenceWords(base)} refers to it)`,
        });
      }
    }
  });
  return errors;
}

export interface ObligationContext {
  /** The milestone's payment (`paymentSource`), found once per milestone, not once per instance. */
  found: PaymentSource | null;
  /** Who pays whom (`milestoneParties`), found with the payment. */
  parties: ObligationParties;
  schedule: Schedule | null;
  /** The document's currency (documentCurrency), and the first row's as a fallback for rates. */
  currency: string | null;
  firstRowCurrency: string | null;
  sums: DaySums;
  /** How notes name this milestone. */
  name: string;
  /** Plans already warned about (one warning per milestone, not per instance). */
  warned: Set<Plan>;
  diagnostics: EvaluationDiagnostic[];
  /** For a rate on the growth over the year before: the total of the same quarter a year before (priorPeriodTotal). */
  prior?: PriorTotal;
}

/** The obligation of a met instance, or null when the clause states no payment for it. */
export function obligationFor(plan: Plan, planIndex: number, inst: InstancePlan, result: MilestoneResult, o: ObligationContext): Obligation | null {
  const m = plan.milestone;
  const { name, warned, diagnostics, found } = o;
  const common: ObligationCommon = {
    clause: plan.clauseIndex,
    label: m.label,
    period: inst.window.period,
    triggeredAt: result.achievedAt as string,
    triggeredBy: result.achievedBy as string,
    ...o.parties,
  };
  if (!found) {
    if (!warned.has(plan)) {
      warned.add(plan);
      diagnostics.push({ code: 'no-payment', severity: 'info', label: m.label, message: `${name} is met but the clause states no payment for it` });
    }
    return null;
  }
  const payment = paymentParts(found.payment).base;
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
    case 'section':
    case 'unstated': {
      const schedule = o.schedule;
      if (!schedule) {
        if (!warned.has(plan)) {
          warned.add(plan);
          diagnostics.push(unresolvedSectionWarning(name, m.label, payment));
        }
        return { ...common, ...unresolvedSectionObligation(payment, found.source, o.currency) };
      }
      const label = m.label ?? String(planIndex + 1);
      const amount = roundMoney(scheduledAmount(schedule, label) as Dec, schedule.currency);
      if (o.currency !== null && schedule.currency !== o.currency && !warned.has(plan)) {
        warned.add(plan);
        diagnostics.push({
          code: 'schedule-currency',
          severity: 'warning',
          label: m.label,
          message: `the schedule is in ${schedule.currency} but the clause is in ${o.currency}; obligations are reported in ${schedule.currency}`,
        });
      }
      return {
        ...common,
        amount: moneyString(amount, schedule.currency),
        currency: schedule.currency,
        basis: 'schedule',
        explanation: `${formatMoney(amount, schedule.currency)} from the schedule for '${label}' (${referenceWords(payment)}, ${found.source})`,
      };
    }
    case 'rate': {
      // Like the clause's own revenue, an unqualified "sales revenue" in a rate reads as gross.
      const basis = payment.basis ?? 'gross';
      const currency = o.currency ?? o.firstRowCurrency;
      const revenue = new Accumulator();
      const series = baseSeries(payment, o.sums, plan.rowSet);
      for (let i = Math.max(inst.from, plan.since?.from ?? 0, 0); i < inst.to; i++) series.addTo(revenue, i);
      const order = plan.since && !warned.has(plan) ? sinceOrderWarning(plan.since, inst.window, name, m.label) : null;
      if (order) {
        warned.add(plan);
        diagnostics.push(order);
      }
      return rateObligation(payment.percent, basis, revenue.value(), {
        common,
        currency,
        window: inst.window,
        countedTo: Math.min(inst.window.endDay - 1, o.sums.lastDay),
        name,
        diagnostics,
        since: plan.since,
      });
    }
    case 'rate-on-excess':
    case 'tiered':
    case 'per-increment':
    case 'chosen-rate': {
      const revenue = new Accumulator();
      const series = baseSeries(payment, o.sums, plan.rowSet);
      for (let i = Math.max(inst.from, 0); i < inst.to; i++) series.addTo(revenue, i);
      return computedOrGrowthObligation(payment, revenue.value(), o.prior, {
        common,
        target: toDec(instanceTarget(plan, inst)),
        currency: o.currency ?? o.firstRowCurrency,
        window: inst.window,
        countedTo: Math.min(inst.window.endDay - 1, o.sums.lastDay),
        source: found.source,
        name,
        diagnostics,
      });
    }
    case 'shortfall':
    case 'attainment':
      // Both are judged on the period's total once it is over (shortfallObligation, attainmentObligation), never at a crossing.
      return null;
    case 'each-increment':
      // One obligation per increment, at the row completing it (payments/increments.ts), not one at the threshold's crossing.
      return null;
    default:
      return assertNever(payment);
  }
}

/**
 * The day sums a computed payment's base is summed from: its base metric's series in the metric table, over the
 * rows of the set the milestone counts, if any ("3% of such net sales revenue" after "net sales revenue from
 * Eligible Products": the same rows).
 */
function baseSeries(payment: UnlimitedPaymentNode, sums: DaySums, set: RowSet | null): DaySeries {
  return METRICS[paymentBaseMetric(payment) ?? 'gross-revenue'].series(sums, null, set).net;
}


/** What a plain rate's obligation is made of, besides its rate and revenue. */
/** A rate's context; `since` when it counts "since the previous milestone" (since-previous.ts). */
export type RateContext = Omit<ComputedContext, 'target' | 'source'> & { since?: SinceStart };

/**
 * The obligation of "a commission equal to N% of the (gross|net) sales revenue" on `revenue`: the
 * window's revenue up to the as-of date, rounded once. Shared by every engine, which only differ in
 * how they sum the revenue.
 */
export function rateObligation(percent: string, basis: 'gross' | 'net', revenue: Dec, c: RateContext): Obligation {
  const { common, currency } = c;
  if (currency === null) return unknownCurrency(c, `the ${percent}% commission`, `${percent}% of ${basis} revenue`);
  const result = calculate({ kind: 'rate', percent, basis, range: NO_RANGE }, revenue, null, currency);
  const amount = nonNegative(result.amount, revenue, basis, c.name, common.label, c.diagnostics);
  return {
    ...common,
    amount: moneyString(amount, currency),
    currency,
    basis: 'rate',
    explanation:
      negativeBaseWords(revenue, basis) +
      (c.since
        ? `${percent}% of ${basis} revenue ${decimalString(revenue)} since the previous milestone: after ${c.since.previous}'s deadline ` +
          `${c.since.deadline} (whether or not it was met; the sales up to it count under ${c.since.previous} only) to ${c.window.deadline}, ` +
          `counted up to ${formatIsoDate(fromDayNumber(c.countedTo))} = ${formatMoney(amount, currency)}, rounded once half-up`
        : `${percent}% of ${basis} revenue ${decimalString(revenue)} in the milestone's window ${c.window.windowStart} to ` +
          `${c.window.deadline} counted up to ${formatIsoDate(fromDayNumber(c.countedTo))} ` +
          `(the rate applies to the revenue of the milestone's whole window up to the as-of date, not only to the sales up to the ` +
          `crossing row) = ${formatMoney(amount, currency)}, rounded once half-up`),
    calculation: result.calculation,
    calculationText: result.text,
  };
}

/** A computed commission with no currency to round in: no amount, and a warning saying why. */
function unknownCurrency(c: { common: ObligationCommon; name: string; diagnostics: EvaluationDiagnostic[] }, what: string, base: string): Obligation {
  c.diagnostics.push({ code: 'unknown-rate-currency', severity: 'warning', label: c.common.label, message: `${c.name}: neither the clause nor the ledger names a currency for ${what}` });
  return { ...c.common, amount: null, currency: null, basis: 'rate', explanation: `${base}: currency unknown` };
}

/** A calculation needs no source position. */
const NO_RANGE = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/** What a computed payment's obligation is made of, besides its revenue. */
export interface ComputedContext {
  common: ObligationCommon;
  /** The milestone's target, for a threshold written as "the target". */
  target: Dec;
  /** The document's currency, else the first row's; null when neither names one. */
  currency: string | null;
  window: WindowInstance;
  /** The last local day (day number) the revenue is counted to. */
  countedTo: number;
  /** Where the payment was found, in words. */
  source: string;
  name: string;
  diagnostics: EvaluationDiagnostic[];
  /** For a rate on the growth: the total of the same quarter a year before, and that quarter in words. */
  prior?: Dec;
  priorWords?: string;
}

/**
 * A computed payment's obligation, or for a rate on the growth over the year before (`prior`), its obligation on the
 * increase: undefined, with a warning, when the prior quarter's total cannot be told. Shared by every engine.
 */
export function computedOrGrowthObligation(payment: FormulaPayment, revenue: Dec, prior: PriorTotal | undefined, c: ComputedContext): Obligation {
  if (prior?.kind === 'incomplete') {
    const message =
      `${c.name}: the increase of ${c.window.windowStart} to ${c.window.deadline} is over ${prior.windowStart} to ${prior.deadline}, which begins before the ` +
      "effective date: its sales are not counted, so the increase cannot be told; the amount is undefined (not zero). Evaluate with an effective date on or before that quarter's first day";
    c.diagnostics.push({ code: 'growth-base-incomplete', severity: 'warning', label: c.common.label, message });
    return { ...c.common, amount: null, currency: c.currency, basis: 'rate', explanation: message };
  }
  return computedObligation(payment, revenue, {
    ...c,
    ...(prior ? { prior: prior.total, priorWords: `the same calendar quarter of the year before, ${prior.windowStart} to ${prior.deadline}` } : {}),
  });
}

/**
 * The obligation of a rate on the excess, tiers or an amount per increment, on `revenue`: the
 * window's revenue (gross or net as the payment says) up to the as-of date. Shared by every engine,
 * which only differ in how they sum the revenue.
 */
export function computedObligation(payment: FormulaPayment, revenue: Dec, c: ComputedContext): Obligation {
  const basis = computedBasis(payment) ?? 'gross';
  const { common, currency } = c;
  if (currency === null) return unknownCurrency(c, 'the commission', `${basis} revenue`);
  const result = calculate(payment, revenue, computedThreshold(payment, c.target, c.prior ?? null), currency);
  const amount = nonNegative(result.amount, revenue, basis, c.name, common.label, c.diagnostics);
  return {
    ...common,
    amount: moneyString(amount, currency),
    currency,
    basis: 'rate',
    explanation:
      negativeBaseWords(revenue, basis) +
      `${result.text}, on the ${basis} revenue of the milestone's window ${c.window.windowStart} to ${c.window.deadline} counted up to ` +
      `${formatIsoDate(fromDayNumber(c.countedTo))} (${c.source})` +
      (c.prior !== undefined ? `; the threshold is the ${basis} revenue of ${c.priorWords}, ${decimalString(c.prior)}: an increase of zero or a decrease pays nothing` : ''),
    calculation: result.calculation,
    calculationText: result.text,
  };
}

/**
 * The amount owed for a computed amount: never below zero, because no clause form states a
 * clawback or an offset, so a refund after the trigger cannot make the payee owe the payer. When
 * the base itself is below zero the amount is 0.00 and a warning says why.
 */
function nonNegative(amount: Dec, base: Dec, basis: string, name: string, label: string | null, diagnostics: EvaluationDiagnostic[]): Dec {
  if (base.isNegative() && !base.isZero()) {
    diagnostics.push({
      code: 'negative-base-no-clawback',
      severity: 'warning',
      label,
      message:
        `${name}: refunds after the milestone was met bring the ${basis} revenue of its window to ${decimalString(base)}, below zero; ` +
        'the clause states no clawback or offset, so the amount is 0.00, not a negative payment',
    });
  }
  return amount.isNegative() ? new Dec(0) : amount;
}

/** The explanation's opening when the base is below zero (empty otherwise). */
function negativeBaseWords(base: Dec, basis: string): string {
  return base.isNegative() && !base.isZero()
    ? `0.00: refunds after the trigger bring the ${basis} revenue to ${decimalString(base)}, below zero, and the clause states no clawback or offset; computed as `
    : '';
}
