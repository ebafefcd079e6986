/**
 * A purchase commitment ("Distributor shall purchase no less than 1,000 units in each quarter.") on the SQL path, with
 * its escalation ("… shall increase by ten percent (10%) on every annual anniversary of the Effective Date."): each
 * period is tested against its own minimum, computed by the evaluator's own escalatedTarget and bound per instance;
 * the notes are the evaluator's own (commitmentNote, escalationNote). A minimum with more decimals than the query's decimal type holds is refused,
 * never rounded into another answer.
 */
import type { ClauseNode } from '../language/ast';
import { escalatedTarget } from '../evaluation/escalation';
import { Dec } from '../values/money';
import { targetQuantity, toDec } from '../values/quantity';
import type { ContractCalendar, WindowInstance } from '../time/periods';
import { SqlUnsupportedError } from './unsupported';

/** The commitment's fields: the escalation changes each period's minimum (computed below); the others only word the notes. */
export const COMMITMENT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  commitment: ['kind', 'verb', 'productWords', 'defined', 'escalation', 'range'],
  escalation: ['kind', 'subject', 'percent', 'range'],
};

export function checkCommitment(clause: ClauseNode, requireKnown: (node: object, role: string) => void): void {
  const c = clause.commitment;
  if (!c) return;
  requireKnown(c, 'commitment');
  if (c.escalation) requireKnown(c.escalation, 'escalation');
}

/** One period's minimum under an escalation, as the evaluator plans it; the milestone's target without one. */
export function escalatedInstanceTarget(clause: ClauseNode, target: string, window: WindowInstance, calendar: ContractCalendar): { target: string; anniversaries: number; since: string | null } {
  const escalation = clause.commitment?.escalation ?? null;
  if (!escalation) return { target, anniversaries: 0, since: null };
  const e = escalatedTarget(targetQuantity(target), escalation, window.startDay, calendar);
  const text = toDec(e.target).toFixed();
  if (new Dec(text).decimalPlaces() > 10) {
    throw new SqlUnsupportedError(
      'escalated minimum width',
      `the escalated minimum ${text} has more than 10 decimals, more than the SQL engines' decimal type holds; evaluate this clause with the in-memory engine`,
    );
  }
  return { target: text, anniversaries: e.anniversaries, since: e.since };
}
