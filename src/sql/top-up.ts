/**
 * Top-ups and undertakings on the SQL path: a rate's amount with a minimum per period, the difference owed when the
 * period's amount falls below it. The query gives each period's total and revenue (and the row that reached the
 * sales giving the minimum); the period's amount, status, the rate's obligation, the difference and every word are
 * the evaluator's own (src/evaluation/top-up.ts, top-up-note.ts, obligations.ts), never repeated here.
 */
import type { ClauseNode, MilestoneNode } from '../language/ast';
import { periodAmount, topUpOwed, topUpReading, topUpStatus, topUpTarget, type TopUpReading } from '../evaluation/top-up';
import { payableAnnuallyWarning, topUpNote } from '../evaluation/top-up-note';
import { partialPeriodMinimum } from '../evaluation/partial-period';
import { targetQuantity } from '../values/quantity';
import { Dec } from '../values/money';
import type { ContractContext, WindowInstance } from '../time/periods';
import type { Notes } from '../evaluation/notes';
import type { EvaluationDiagnostic, MilestoneResult, Obligation, Status } from '../evaluation/report';
import type { ObligationParties } from '../evaluation/parties';
import { SqlUnsupportedError, withoutParties } from './unsupported';

/** The fields of the top-up nodes the SQL path computes: the evaluator reads the minimum, names and days; the rest words the notes. */
export const TOP_UP_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'minimum-top-up': ['kind', 'subject', 'owner', 'minimum', 'minimumName', 'window', 'due', 'payer', 'payee', 'between', 'forPeriod', 'range'],
  'royalty-undertaking': ['kind', 'comparator', 'minimum', 'usWritten', 'under', 'contributor', 'days', 'periodLength', 'range'],
};

/** Checks a clause's top-up field by field (`requireKnown` is plan.ts's check, passed in to keep the imports one way). */
export function checkTopUp(clause: ClauseNode, requireKnown: (node: object, role: string) => void): void {
  const t = clause.topUp;
  if (!t) return;
  requireKnown(t, 'top-up');
  requireKnown(t.minimum, 'amount');
}

/** Fields of a top-up's rate that only word it ("an earned royalty of", 'defined as "Earned Royalties"', "payable annually", "under Paragraph 9(a)"). */
const TOP_UP_RATE_WORDS = ['intro', 'definedAs', 'definedBare', 'payable', 'owedUnder'] as const;
/** Fields of the rate's measure the evaluator reads only in words (its basis is the rate's own). */
const TOP_UP_MEASURE_FIELDS = ['kind', 'term', 'basis', 'scope', 'owner', 'determiner', 'window', 'such', 'range'];

/**
 * A top-up's milestone as the generic checks see it: the rate's words, its measure ("of Net Sales") and the unwritten
 * condition (the milestone is the rate's own measure) are what the top-up reads, checked here; the rest of the
 * milestone is checked as any other's. Any other milestone is returned as it is. A measure written with a window of its
 * own is refused by name, never read as the milestone's.
 */
export function topUpCheckedView(clause: ClauseNode, m: MilestoneNode): MilestoneNode {
  const reading = topUpReading(clause, m);
  if (!reading || m.payment?.kind !== 'rate') return m;
  const rate = m.payment;
  const measure = rate.measure;
  if (measure) {
    for (const [key, value] of Object.entries(measure) as Array<[string, unknown]>) {
      if (value === undefined || value === null || TOP_UP_MEASURE_FIELDS.includes(key)) continue;
      throw new SqlUnsupportedError(`measure 'measure' field '${key}'`, `the SQL engines do not support '${key}' on a top-up's measure yet; evaluate this clause with the in-memory engine`);
    }
    if (measure.window !== null) {
      throw new SqlUnsupportedError('top-up measure window', "the SQL engines do not support a top-up's measure written with a window of its own yet; evaluate this clause with the in-memory engine");
    }
  }
  const bare: Record<string, unknown> = { ...rate, measure: undefined };
  for (const key of TOP_UP_RATE_WORDS) bare[key] = undefined;
  return { ...m, condition: m.condition === 'payment' ? undefined : m.condition, payment: bare as unknown as MilestoneNode['payment'] };
}

/**
 * The target the query tests a top-up's milestone against: the sales that give the minimum (minimum ÷ rate), as the
 * evaluator plans it; null for a milestone without a top-up. A figure with more decimals than the query's decimal
 * type holds is refused, never rounded into another crossing.
 */
export function topUpQueryTarget(clause: ClauseNode, milestone: MilestoneNode, parties: ObligationParties | null): string | null {
  const reading = topUpReading(clause, milestone);
  if (!reading) return null;
  // In memory a top-up with no payer and payee it can name is not settled as a top-up: refused by name, never a nearby reading.
  if (!parties) throw withoutParties('top-up');
  const target = topUpTarget(reading.terms, reading.rate);
  if (new Dec(target).decimalPlaces() > 10) {
    throw new SqlUnsupportedError(
      'top-up target width',
      `the sales that give the minimum (${target}) have more than 10 decimals, more than the SQL engines' decimal type holds; evaluate this clause with the in-memory engine`,
    );
  }
  return target;
}

/** The notes the evaluator writes for a top-up before its periods: how it is read, and the "payable annually" reading. */
export function topUpNotes(name: string, m: { clause: ClauseNode; milestone: MilestoneNode; target: string }, ctx: ContractContext, notes: Notes, diagnostics: EvaluationDiagnostic[]): void {
  const topUp = topUpReading(m.clause, m.milestone);
  if (!topUp) return;
  notes.add(topUpNote(name, m.clause, topUp, targetQuantity(m.target)));
  const annually = payableAnnuallyWarning(name, m.milestone.label, topUp, m.milestone.window, ctx.effective);
  if (annually) {
    diagnostics.push(annually);
    notes.add(annually.message);
  }
}

/** A period of a top-up: its amount (the rate on the period's total, rounded once) and its status, as the evaluator finds them. */
export interface TopUpPeriod {
  reading: TopUpReading;
  currency: string;
  amount: Dec;
  status: Status;
}

export function topUpPeriod(clause: ClauseNode, milestone: MilestoneNode, total: Dec, over: boolean, currency: string | null, firstRowCurrency: string | null): TopUpPeriod | null {
  const reading = topUpReading(clause, milestone);
  if (!reading) return null;
  const owedIn = currency ?? firstRowCurrency ?? reading.terms.minimum.currency;
  const amount = periodAmount(reading.rate, total, owedIn);
  return { reading, currency: owedIn, amount, status: topUpStatus(amount, new Dec(reading.terms.minimum.amount), over) };
}

/**
 * The obligations of a top-up's period once its result is known: the first partial period's warning when missed, then
 * the evaluator's own topUpOwed (the amount itself, computed by `rateOwed`, and the difference).
 */
export function topUpInstance(
  period: TopUpPeriod,
  result: MilestoneResult,
  window: WindowInstance,
  over: boolean,
  rateOwed: (owed: MilestoneResult) => Obligation | null,
  c: { common: { clause: number; label: string | null; period: number | null } & ObligationParties; name: string; asOf: string; diagnostics: EvaluationDiagnostic[]; notes: Notes },
): { obligations: Obligation[]; settledAtEnd: Obligation | null } {
  if (result.status === 'missed') partialPeriodMinimum(c.name, window, result, 'minimum', c.diagnostics, c.notes);
  return topUpOwed(period.reading.terms, period.amount, result, over, rateOwed, { ...c, currency: period.currency });
}
