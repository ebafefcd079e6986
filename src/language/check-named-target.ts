/**
 * An amount's threshold written by the name a condition gives its target ("3% of such net sales revenue in excess of the
 * Target Sales Threshold" after "… exceeds the Target Sales Threshold of $150,000"): the name must be the condition's, or
 * which amount it means cannot be told.
 */
import type { ClauseNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { paymentParts } from './payment-parts';
import { textKey } from '../values/text-key';

export function checkNamedTargets(clause: ClauseNode, out: Diagnostic[]): void {
  for (const m of clause.milestones) {
    if (m.condition === 'payment' || !m.payment) continue;
    const base = paymentParts(m.payment).base;
    if (base.kind !== 'rate-on-excess' || base.threshold.kind !== 'target-reference' || base.threshold.name === undefined) continue;
    const name = base.threshold.name;
    if (m.targetName !== undefined && textKey(m.targetName) === textKey(name)) continue;
    const condition = m.targetName === undefined ? 'the condition gives its target no name' : `the condition's target is "the ${m.targetName}"`;
    out.push(diagnostic('target-name-mismatch', base.threshold.range, `"the ${name}" names no target of this clause (${condition}): write the name the condition gives its target, or the amount ("in excess of $150,000").`));
  }
}
