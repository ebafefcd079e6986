/**
 * A rate owed per period until a running total reaches a level ('"Net Sales Payment" means, for any calendar quarter,
 * … fifteen percent (15%) of Net Sales … during such calendar quarter; provided that the Net Sales Payment for the
 * calendar quarter during which cumulative Net Sales reach $1,500,000 shall be prorated to apply only to Net Sales
 * during the period up to the time that such cumulative amount is achieved, and no Net Sales Payment shall accrue
 * thereafter'). Each period before the one holding the crossing is owed on its own total; the crossing period on the
 * level less the running total at its start (the crossing sale counted up to the level, as the proration reads); later
 * periods owe nothing. Each amount is owed once its period is over. Pure: the evaluator gives the day sums, the
 * periods and the crossing day.
 */
import { windowOver, type WindowInstance } from '../../time/window-instance';
import { Accumulator } from '../../values/quantity';
import { Dec, formatMoney, moneyString } from '../../values/money';
import type { LevelStopNode } from '../../language/ast';
import type { DaySeries } from '../day-series';
import type { EvaluationDiagnostic, Obligation, ObligationCommon } from '../report';
import { DEFINITION_PARTIES, type ObligationParties } from '../parties';
import { amountString, calculate, figure } from './calculation';
export type { LevelStopCalculation } from './level-stop-calculation';

export interface LevelPeriod {
  window: WindowInstance;
  /** Evaluated day indices `[from, to)` relative to the effective date. */
  from: number;
  to: number;
}

export interface LevelStopInput {
  percent: string;
  level: Dec;
  /** A period's own total of the payment's metric (the engine's sums over its evaluated days). */
  periodTotal: (period: LevelPeriod) => Dec;
  periods: LevelPeriod[];
  /** The day index (from the effective date) of the row that reaches the level, or null when it is not reached. */
  crossingIndex: number | null;
  asOfDay: number;
  currency: string;
  common: Omit<ObligationCommon, 'period' | 'triggeredAt' | 'triggeredBy'>;
  name: string;
}

export interface LevelStopResult {
  obligations: Obligation[];
  notes: string[];
  /** Periods whose own total is below zero (refunds): nothing is owed for them, and nothing back. */
  negative: string[];
}

/** The total of a day series over day indices `[from, to)`: a period's own total in memory. */
export function seriesTotal(series: DaySeries, from: number, to: number): Dec {
  const total = new Accumulator();
  for (let i = Math.max(from, 0); i < to; i++) series.addTo(total, i);
  return total.value();
}

export function levelStopObligations(input: LevelStopInput): LevelStopResult {
  const { level, currency, name } = input;
  const money = (d: Dec): string => figure(d, currency);
  const rate = new Dec(input.percent).dividedBy(100).toFixed();
  const out: LevelStopResult = { obligations: [], notes: [], negative: [] };
  let before = new Dec(0);
  for (const p of input.periods) {
    const { window } = p;
    const span = `${window.windowStart} to ${window.deadline}`;
    if (input.crossingIndex !== null && p.from > input.crossingIndex) {
      out.notes.push(`${name}: nothing accrues for ${span}: the running total reached ${money(level)} before it began`);
      continue;
    }
    const prorated = input.crossingIndex !== null && input.crossingIndex < p.to;
    const own = input.periodTotal(p);
    const base = prorated ? level.minus(before) : own;
    const runningBefore = before;
    before = before.plus(own);
    const over = windowOver(window, input.asOfDay);
    const result = calculate({ kind: 'rate', percent: input.percent, basis: null, range: NO_RANGE }, base, null, currency);
    const words = prorated ? `${input.percent}% × (${money(level)} − ${money(runningBefore)})` : `${input.percent}% × ${money(base)}`;
    const why = prorated ? ` (the running total from the effective date reaches ${money(level)} in this period: only the sales up to that level count, the sale that reaches it in part)` : '';
    if (!over) {
      out.notes.push(`${name}: ${span} is not over on the as-of date: ${words} so far, owed once the period ends`);
      continue;
    }
    if (base.isNegative() && !base.isZero()) {
      out.negative.push(span);
      out.notes.push(`${name}: ${span}: the period's total is ${money(base)}, below zero; the definition states no clawback or offset, so nothing is owed and nothing back`);
      continue;
    }
    if (result.amount.isZero()) {
      out.notes.push(`${name}: nothing is owed for ${span}: ${words} = ${money(result.amount)}`);
      continue;
    }
    // The calculation's own " = $90,000.00" (with its rounding, when there is one) after the words that say how the base was counted.
    const text = `${words}${result.text.slice(result.text.indexOf(' = '))}`;
    out.obligations.push({
      ...input.common,
      period: window.period,
      triggeredAt: window.deadline,
      triggeredBy: null,
      amount: moneyString(result.amount, currency),
      currency,
      basis: 'rate',
      explanation: `${text}${why}, on the sales of ${span}, owed at the end of the period`,
      calculation: {
        kind: 'rate-to-level',
        rate,
        base: amountString(base, currency),
        runningTotalBefore: amountString(runningBefore, currency),
        level: amountString(level, currency),
        prorated,
        amount: moneyString(result.amount, currency),
      },
      calculationText: text,
    });
  }
  return out;
}

/** What settling a rate stopped at a level gives, for either engine to add in this order. */
export interface LevelStopSettlement {
  obligations: Obligation[];
  /** The notes in order: the reading, each period's, then each obligation's. */
  notes: string[];
  diagnostics: EvaluationDiagnostic[];
}

/**
 * The obligations, notes and warning of a rate stopped at a level, once the milestone's instances are known: from the
 * earliest crossing of the level (`crossingIndex`, in the periods' day numbering), on each period's own total.
 * `instName` is the instance the notes name; `currency` null (none known) owes nothing and says only the reading.
 */
export function settleLevelStop(input: Omit<LevelStopInput, 'currency' | 'common'> & {
  stop: LevelStopNode;
  paymentName: string;
  currency: string | null;
  clause: number;
  label: string | null;
  parties: ObligationParties | null;
  instName: string;
}): LevelStopSettlement {
  const { name, instName, currency } = input;
  // A level stop is a payment definition's: with no parties found, its parties are a definition's (one rule, parties.ts).
  const parties = input.parties ?? DEFINITION_PARTIES;
  const owed = currency === null ? null : levelStopObligations({ ...input, currency, common: { clause: input.clause, label: input.label, ...parties } });
  const out: LevelStopSettlement = { obligations: [], notes: [levelStopNote(name, input.stop, input.paymentName), ...(owed?.notes ?? [])], diagnostics: [] };
  for (const obligation of owed?.obligations ?? []) {
    out.obligations.push(obligation);
    out.notes.push(`${instName}: ${obligation.triggeredAt}: ${obligation.explanation}`);
  }
  if (owed && owed.negative.length > 0) {
    out.diagnostics.push({
      code: 'negative-base-no-clawback', severity: 'warning', label: input.label,
      message: `${name}: refunds bring the total of ${owed.negative.join(', ')} below zero; the definition states no clawback or offset, so nothing is owed for ${owed.negative.length === 1 ? 'it' : 'them'}, and nothing back`,
    });
  }
  return out;
}

/** How the level is read, once per milestone. */
export function levelStopNote(name: string, stop: LevelStopNode, payment: string): string {
  return (
    `${name}: the ${payment} is owed per ${stop.unit} until ${stop.term} (the running total from the effective date) ${stop.comparator.strict ? 'pass' : 'reach'} ` +
    `${formatMoney(stop.amount.amount, stop.amount.currency)}: the ${stop.unit} in which it does counts its ${stop.appliesTo} only up to that level ` +
    `(the sale that reaches it in part), and nothing accrues after it, even if refunds later bring the total below the level`
  );
}

/** A calculation needs no source position. */
const NO_RANGE = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
