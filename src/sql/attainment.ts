/**
 * Attainment tables on the SQL path: the payout by band of the period's total over the quota, judged
 * once the period is over. The query gives each period's total (and whether a row reached the quota,
 * for a period still open); the status, the band, its payout and the words are the evaluator's own
 * (src/evaluation/minimum.ts, src/evaluation/attainment.ts), never repeated here.
 */
import type { AttainmentPaymentNode, AttainmentPayoutNode, MilestoneNode } from '../language/ast';
import { attainmentObligation } from '../evaluation/attainment';
import { partialPeriodMinimum } from '../evaluation/partial-period';
import type { Notes } from '../evaluation/notes';
import type { EvaluationDiagnostic, MilestoneResult, Obligation } from '../evaluation/report';
import type { ObligationParties } from '../evaluation/parties';
import type { WindowInstance } from '../time/periods';
import { SqlUnsupportedError } from './unsupported';

/** The fields of an attainment table's nodes that the SQL path computes (all of them: they only shape the bands). */
export const ATTAINMENT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  attainment: ['kind', 'noun', 'bands', 'targetIncentive', 'base', 'reward', 'proRata', 'range'],
  'attainment-band': ['kind', 'written', 'from', 'fromStrict', 'to', 'toStrict', 'payout', 'range'],
  // `layout`, `periodEnds`, `name` and `quotaNoun` only say how the table was written: the window and the amount decide.
  'attainment-base': ['kind', 'layout', 'periodEnds', 'name', 'amount', 'quotaNoun', 'range'],
  'attainment-reward': ['kind', 'lead', 'range'],
  // A pro-rated bonus's sentences as written: the bands state its table (src/language/check-pro-rata.ts checks that they agree).
  'pro-rata': ['kind', 'qualifiers', 'maximum', 'multiplied', 'target', 'unit', 'example', 'floor', 'range'],
};

/** Checks an attainment table's nodes field by field (`requireKnown` is plan.ts's check, passed in to keep the imports one way). */
export function checkAttainment(payment: AttainmentPaymentNode, requireKnown: (node: object, role: string) => void): void {
  if (payment.targetIncentive) requireKnown(payment.targetIncentive, 'amount');
  if (payment.base) {
    requireKnown(payment.base, 'attainment base');
    requireKnown(payment.base.amount, 'amount');
  }
  if (payment.reward) requireKnown(payment.reward, 'attainment reward');
  if (payment.proRata) requireKnown(payment.proRata, 'pro-rated bonus');
  for (const band of payment.bands) {
    requireKnown(band, 'attainment band');
    checkPayout(band.payout, requireKnown);
  }
}

function checkPayout(payout: AttainmentPayoutNode, requireKnown: (node: object, role: string) => void): void {
  const known = (fields: readonly string[]): void => {
    for (const [key, value] of Object.entries(payout) as Array<[string, unknown]>) {
      if (value === undefined || value === null || value === false || fields.includes(key)) continue;
      throw new SqlUnsupportedError(`attainment payout '${payout.kind}' field '${key}'`, `the SQL engines do not support '${key}' on an attainment payout ('${payout.kind}') yet; evaluate this clause with the in-memory engine`);
    }
  };
  switch (payout.kind) {
    case 'amount':
      known(['kind', 'amount']);
      requireKnown(payout.amount, 'amount');
      return;
    case 'share':
      known(['kind', 'percent', 'of']);
      requireKnown(payout.of, 'amount');
      return;
    case 'nothing':
    case 'interpolated':
      known(['kind']);
      return;
    default: {
      // A payout kind from outside the parser is refused by name, never a crash.
      const unknown: never = payout;
      const kind = (unknown as { kind: string }).kind;
      throw new SqlUnsupportedError(`attainment payout '${kind}'`, `the SQL engines do not support the attainment payout '${kind}' yet; evaluate this clause with the in-memory engine`);
    }
  }
}

/**
 * One period of a table, once its result is known: the first partial period's warning, and the payout of the band
 * that holds the period's final total (the evaluator's attainmentObligation), with its note.
 */
export function attainmentInstance(
  milestone: MilestoneNode,
  payment: AttainmentPaymentNode,
  result: MilestoneResult,
  window: WindowInstance,
  over: boolean,
  c: { common: { clause: number; label: string | null; period: number | null } & ObligationParties; name: string; diagnostics: EvaluationDiagnostic[]; notes: Notes },
): Obligation | null {
  if (over) partialPeriodMinimum(c.name, window, result, 'quota', c.diagnostics, c.notes);
  const owed = attainmentObligation(milestone, payment, result, over, { common: c.common, name: c.name, diagnostics: c.diagnostics });
  c.notes.add(owed.note);
  return owed.obligation;
}
