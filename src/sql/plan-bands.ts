/**
 * Rates in bands of a plan stated in the lead sentence, with a one-time bonus among them ("The following bonus
 * opportunities apply to new sales generated in 2026 against the 2026 sales plan of $400,000: (1) five percent (5%) of
 * every new sales dollar generated up to 50% of sales plan achievement; … (3) a one-time bonus of $5,000 upon 100%
 * achievement of sales plan; …") on the SQL path. The bonus is the clause's milestone, compiled like any other; the
 * bands are one tiered payment on the year's gross total, which the query gives, owed once the year is over whether
 * or not the bonus is met: computed by the evaluator's own computedObligation, in its words (plan-bands-note.ts).
 */
import type { ClauseNode } from '../language/ast';
import { computedBasis } from '../evaluation/payments/computed-payment';
import { computedObligation } from '../evaluation/obligations';
import { Dec } from '../values/money';
import type { Notes } from '../evaluation/notes';
import type { EvaluationDiagnostic, MilestoneResult, Obligation, ObligationCommon } from '../evaluation/report';
import type { WindowInstance } from '../time/periods';
import { SqlUnsupportedError } from './unsupported';
import { planBandsOwed } from '../evaluation/plan-bands';

/** The plan bands' fields: the tiered payment is checked as any tiered payment; the rest words the notes. */
export const PLAN_BANDS_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'plan-bands': ['kind', 'noun', 'metric', 'year', 'plan', 'items', 'payment', 'bonusAt', 'bonusLabel', 'range'],
  'stated-plan': ['kind', 'name', 'year', 'amount', 'range'],
  'plan-band-item': ['kind', 'label', 'generated', 'range'],
};

/**
 * Checks a clause's plan bands (`requireKnown` and `checkPayment` are plan.ts's, passed in to keep the imports one way).
 * The query gives the window's gross revenue beside a bonus paid in a fixed amount; bands on net revenue, or beside a
 * bonus paid on revenue, are refused by name.
 */
export function checkPlanBands(clause: ClauseNode, requireKnown: (node: object, role: string) => void, checkPayment: (payment: ClauseNode['milestones'][number]['payment'] & object) => void): void {
  const p = clause.planBands;
  if (!p) return;
  requireKnown(p, 'plan bands');
  requireKnown(p.plan, 'stated plan');
  requireKnown(p.plan.amount, 'amount');
  for (const item of p.items) {
    requireKnown(item, 'plan band item');
    requireKnown(item.label, 'label');
  }
  requireKnown(p.bonusLabel, 'label');
  checkPayment(p.payment);
  const bonusOnRevenue = clause.milestones.some((m) => m.payment !== null && m.payment.kind !== 'fixed' && m.payment.kind !== 'section');
  if (computedBasis(p.payment) === 'net' || bonusOnRevenue) {
    throw new SqlUnsupportedError(
      'plan bands on net revenue or beside a bonus on revenue',
      'the SQL engines do not support plan bands on net revenue, or beside a bonus paid on revenue, yet; evaluate this clause with the in-memory engine',
    );
  }
}

/**
 * The bands' obligation for one year, after the bonus's own: owed on the year's gross total once the year is over
 * (dated its last day, by no row), else a note that nothing is owed yet (planBandsOwed, the evaluator's own). Returns the
 * obligation, whose amount may be zero (the caller drops it, as the evaluator does, with a note once every obligation is settled).
 */
export function planBandsInstance(
  clause: ClauseNode,
  result: MilestoneResult,
  window: WindowInstance,
  gross: Dec,
  over: boolean,
  c: { common: ObligationCommon; target: Dec; currency: string | null; countedTo: number; name: string; instName: string; asOf: string; diagnostics: EvaluationDiagnostic[]; notes: Notes },
): Obligation | null {
  const p = clause.planBands;
  if (!p) return null;
  return planBandsOwed(p, over, { instName: c.instName, windowStart: result.windowStart, deadline: result.deadline, asOf: c.asOf }, (payment, source) =>
    computedObligation(payment, gross, {
      common: { ...c.common, triggeredAt: result.deadline, triggeredBy: null },
      target: c.target,
      currency: c.currency,
      window,
      countedTo: c.countedTo,
      source,
      name: c.name,
      diagnostics: c.diagnostics,
    }), c.notes);
}
