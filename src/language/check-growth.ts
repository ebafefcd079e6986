/**
 * Checks of a rate on the growth over the year before (PriorPeriodReferenceNode): the quarter compared with is of the
 * same metric as the quarter measured ("comparing sales in a calendar quarter of one year with sales in the same calendar
 * quarter of the preceding year"); another metric would compare two different totals.
 */
import type { ClauseNode } from './ast';
import { paymentParts } from './payment-parts';
import { diagnostic, type Diagnostic } from '../diagnostics';

export function checkGrowth(clause: ClauseNode, out: Diagnostic[]): void {
  for (const m of clause.milestones) {
    const p = m.payment ? paymentParts(m.payment).base : null;
    if (p?.kind !== 'rate-on-excess' || p.threshold.kind !== 'prior-period' || !p.measure) continue;
    if (p.measure.term.toLowerCase() !== p.threshold.metric.toLowerCase()) {
      out.push(
        diagnostic(
          'measure-metric-mismatch',
          p.threshold.range,
          `The growth compares ${p.measure.term} in a quarter with ${p.threshold.metric} of the same quarter of the preceding year: write the same metric in both ("comparing ${p.measure.term} … with ${p.measure.term} …").`,
        ),
      );
    }
  }
}
