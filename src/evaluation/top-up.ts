/**
 * A computed amount with a minimum per period, topped up ("… earned royalties of 5% of Net Sales …, payable annually.
 * If Licensee's Earned Royalties for any calendar year are less than $100,000 …, Licensee shall make a payment …
 * equal to the difference between the Minimum Royalty and the Earned Royalties for that calendar year.", or "…
 * Operator undertakes to pay Licensor total royalties of not less than US $11,500. Should the royalties under
 * Paragraph 9(a) (eight percent (8%) of Gross Revenues) be insufficient …, Operator shall contribute the difference
 * …"). Each period's amount is computed on the period's whole total once the period is over; when it is below the
 * minimum the payer owes the difference, dated the period's last day and due the days the text gives after it, and
 * the amount itself when this clause is the one that owes it (not when it is owed under another provision). The
 * minimum is judged on the amount as computed (rounded once, half-up), not on the sales: the sales that would give
 * the minimum (the minimum over the rate) are reported as the milestone's target, for reading only. While the period
 * is open nothing is owed, and a pending top-up is stated. Shared by every engine that evaluates it.
 */
import type { ClauseNode, MilestoneNode, MoneyNode, PaymentNode, RatePaymentNode, ShortfallPaymentNode } from '../language/ast';
import { assertNever } from '../language/ast';
import { paymentParts } from '../language/payment-parts';
import { addDays, formatIsoDate, parseIsoDate, type CalendarDate } from '../time/calendar-date';
import { Dec, formatMoney, moneyString } from '../values/money';
import { calculate } from './payments/calculation';
import { calculateShortfall } from './payments/shortfall';
import type { EvaluationDiagnostic, MilestoneResult, Obligation, ObligationCommon, Status } from './report';
import type { Notes } from './notes';

/** What a top-up is, whichever way the text writes it. */
export interface TopUpTerms {
  minimum: MoneyNode;
  /** How the amount is named: "Earned Royalties", "royalties under Paragraph 9(a)". */
  subject: string;
  /** How the minimum is named: "Minimum Royalty", "minimum". */
  minimumName: string;
  /** Days after the period's end the difference falls due. */
  dueDays: number;
  /** The provision the amount is owed under when not this clause ("Paragraph 9(a)"), else null: this clause owes it. */
  owedUnder: string | null;
}

export interface TopUpReading { terms: TopUpTerms; rate: RatePaymentNode }

/** The top-up of a clause's milestone and the rate it is a minimum of, or null for a clause without one. */
export function topUpReading(clause: ClauseNode, m: MilestoneNode): TopUpReading | null {
  const t = clause.topUp;
  if (!t || !m.payment) return null;
  const base = paymentParts(m.payment).base;
  if (base.kind !== 'rate') return null;
  switch (t.kind) {
    case 'minimum-top-up':
      return { terms: { minimum: t.minimum, subject: t.subject, minimumName: t.minimumName, dueDays: t.due.days, owedUnder: null }, rate: base };
    case 'royalty-undertaking':
      return { terms: { minimum: t.minimum, subject: `royalties under ${t.under}`, minimumName: 'minimum', dueDays: t.days, owedUnder: t.under }, rate: base };
    default:
      return assertNever(t);
  }
}

/**
 * A cap on the amount below the minimum makes the order of the two matter: the minimum may be compared with the amount
 * as computed (the engine's reading: the capped amount is owed and, below the minimum, the difference from the amount
 * as computed), or with the amount after the cap (then every period owes the minimum and the cap never bounds what is
 * paid). A cap not below the minimum gives the same figures either way (the capped amount is below the minimum exactly
 * when the computed one is), so only the former is worded, with both readings.
 */
export function topUpCapReading(name: string, reading: TopUpReading, payment: PaymentNode): string | null {
  const cap = paymentParts(payment).limited?.cap;
  const { minimum } = reading.terms;
  if (!cap || cap.amount.currency !== minimum.currency || !new Dec(cap.amount.amount).lessThan(minimum.amount)) return null;
  const money = (m: MoneyNode): string => formatMoney(new Dec(m.amount), m.currency);
  return (
    `${name}: the cap of ${money(cap.amount)} on the ${reading.terms.subject} is below the ${reading.terms.minimumName} of ${money(minimum)}, so the order of the two matters: ` +
    `the minimum is read as compared with the ${reading.terms.subject} as computed, before the cap (the capped amount is owed, and the difference when the computed amount ` +
    `is below the minimum); it may instead be compared with the ${reading.terms.subject} after the cap, in which case every period owes the minimum and the cap never bounds what is paid. ` +
    `If that is meant, leave the cap out (the minimum is then what each period owes at least); if the cap is the most owed in all, write a cap not below the minimum`
  );
}

/** The sales whose amount is exactly the minimum: minimum ÷ rate (the milestone's target, reported for reading). */
export function topUpTarget(t: TopUpTerms, rate: RatePaymentNode): string {
  const percent = new Dec(rate.percent);
  return percent.isZero() ? t.minimum.amount : new Dec(t.minimum.amount).times(100).dividedBy(percent).toFixed();
}

/** The amount of a period: the rate on its total, rounded once, half-up, never below zero (no clawback is written). */
export function periodAmount(rate: RatePaymentNode, total: Dec, currency: string): Dec {
  const amount = calculate({ kind: 'rate', percent: rate.percent, basis: rate.basis, range: rate.range }, total, null, currency).amount;
  return amount.isNegative() ? new Dec(0) : amount;
}

/** Met when the period's amount is not below the minimum: once the period is over, or before it when the sales already give it. */
export function topUpStatus(amount: Dec, minimum: Dec, over: boolean): Status {
  const reached = amount.greaterThanOrEqualTo(minimum);
  if (over) return reached ? 'met' : 'missed';
  return reached ? 'met' : 'pending';
}

const DIFFERENCE: ShortfallPaymentNode = {
  kind: 'shortfall', written: 'difference', intro: true, percent: null, unitPrice: null,
  range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
};

export interface TopUpContext {
  common: Omit<ObligationCommon, 'triggeredAt' | 'triggeredBy'>;
  name: string;
  currency: string;
  diagnostics: EvaluationDiagnostic[];
}

/** The top-up of one period, or null when none is owed (the amount reaches the minimum, or the period is open); `note` says which. */
export function topUpObligation(t: TopUpTerms, amount: Dec, result: MilestoneResult, c: TopUpContext): { obligation: Obligation | null; note: string } {
  const minimum = new Dec(t.minimum.amount);
  const money = (d: Dec): string => formatMoney(d, c.currency);
  const what = `the ${t.subject} of ${result.windowStart} to ${result.deadline}`;
  if (amount.greaterThanOrEqualTo(minimum)) {
    return { obligation: null, note: `${c.name}: ${what}, ${money(amount)}, are not below the ${t.minimumName} of ${money(minimum)} (exactly the minimum meets it): no difference is owed` };
  }
  if (result.status !== 'missed') {
    const text =
      `${c.name}: pending top-up: the period ends on ${result.deadline}, and ${what} so far, ${money(amount)}, are ${money(minimum.minus(amount))} below the ` +
      `${t.minimumName} of ${money(minimum)}; nothing is owed until the period is over, and later sales in it reduce the difference`;
    c.diagnostics.push({ code: 'pending-shortfall', severity: 'info', label: null, message: text });
    return { obligation: null, note: text };
  }
  const r = calculateShortfall(DIFFERENCE, minimum, amount, c.currency);
  const due = formatIsoDate(addDays(parseIsoDate(result.deadline) as CalendarDate, t.dueDays));
  const besides = t.owedUnder === null ? `, besides the ${t.subject} themselves` : ` (the royalties themselves are owed under ${t.owedUnder}, not by this clause)`;
  const explanation =
    `top-up: the period ${result.windowStart} to ${result.deadline} is over and ${what}, ${money(amount)}, are below the ${t.minimumName} of ${money(minimum)}; ` +
    `the difference ${r.text} is owed on the period's last day${besides}; due ${due}: ${t.dueDays} days after the end of the period`;
  return {
    obligation: {
      ...c.common, triggeredAt: result.deadline, triggeredBy: null,
      amount: moneyString(r.amount, c.currency), currency: c.currency, basis: 'shortfall', explanation,
      calculation: r.calculation, calculationText: r.text, dueDate: due,
    },
    note: `${c.name}: ${explanation}`,
  };
}

/**
 * What a top-up's period owes once its result is known, in this order: the amount itself once the period is over (when
 * this clause owes it; `rateOwed` computes it, dated the period's last day), or why it is not owed here; then the
 * difference when the amount is below the minimum. Both engines settle a top-up's period here; `settledAtEnd` is the
 * amount itself, settled at the period's end.
 */
export function topUpOwed(
  t: TopUpTerms,
  amount: Dec,
  result: MilestoneResult,
  over: boolean,
  rateOwed: (owed: MilestoneResult) => Obligation | null,
  c: TopUpContext & { asOf: string; notes: Notes },
): { obligations: Obligation[]; settledAtEnd: Obligation | null } {
  const obligations: Obligation[] = [];
  let settledAtEnd: Obligation | null = null;
  if (t.owedUnder !== null) {
    c.notes.add(`${c.name}: the royalties themselves are owed under ${t.owedUnder}, not by this clause: only the difference from the minimum is owed here`);
  } else if (over) {
    const obligation = rateOwed({ ...result, achievedAt: result.deadline, achievedBy: null });
    if (obligation) {
      obligations.push(obligation);
      c.notes.add(`${c.name}: ${obligation.explanation}`);
      settledAtEnd = obligation;
    }
  } else {
    c.notes.add(`${c.name}: the ${t.subject} are counted on the whole period ${result.windowStart} to ${result.deadline}, so they are owed only once it ends: nothing is owed as of ${c.asOf}`);
  }
  const owed = topUpObligation(t, amount, result, c);
  c.notes.add(owed.note);
  if (owed.obligation) obligations.push(owed.obligation);
  return { obligations, settledAtEnd };
}
