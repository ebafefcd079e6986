/**
 * Checks of commitment sentences with an escalation ("The minimum purchase volume shall increase by ten percent
 * (10%) on every annual anniversary of the Effective Date"): the escalation applies per period only when every
 * anniversary starts a period (windows counted from the effective date in months, quarters or years); and the
 * increases are read as compounding, which the words leave open.
 */
import type { ClauseNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { Dec } from '../values/money';

export function checkCommitment(clause: ClauseNode, out: Diagnostic[]): void {
  const e = clause.commitment?.escalation;
  if (clause.form !== 'commitment' || !e) return;
  const w = clause.milestones[0]?.window;
  if (!w || w.kind !== 'recurring') {
    out.push(
      diagnostic(
        'escalation-window',
        e.range,
        `An anniversary of the Effective Date can fall inside a period of this window, and which minimum that period has cannot be told: write the commitment for periods counted from the Effective Date ('per month', 'in each quarter', 'in each year').`,
      ),
    );
    return;
  }
  const base = clause.milestones[0].target.kind === 'units' ? new Dec(clause.milestones[0].target.count) : null;
  if (base === null) return;
  const p = new Dec(e.percent).dividedBy(100);
  const compound = base.times(new Dec(1).plus(p).pow(2));
  const simple = base.times(new Dec(1).plus(p.times(2)));
  out.push(
    diagnostic(
      'escalation-reading',
      e.range,
      `Read as compounding: each increase of ${e.percent}% is on the minimum then in force (${base.toFixed()}, then ${base.times(new Dec(1).plus(p)).toFixed()}, then ${compound.toFixed()} after the second anniversary). ` +
        `It may instead mean ${e.percent}% of the first minimum each time (${simple.toFixed()} after the second anniversary); the two agree until then. ` +
        `If that is meant, write each year's minimum in its own sentence rather than an increase.`,
    ),
  );
}
