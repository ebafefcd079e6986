/**
 * Checks of a rate on the growth over the year before (PriorPeriodReferenceNode): the quarter compared with is of the
 * same metric as the quarter measured ("comparing sales in a calendar quarter of one year with sales in the same calendar
 * quarter of the preceding year"); another metric would compare two different totals. "the increase in
 * quarter-to-quarter growth" has two plausible readings, the increase of the quarter's sales over the prior year's (the
 * one the comparing words describe, and the one taken) or the change in the growth rate itself: a warning names both.
 */
import type { ClauseNode } from './ast';
import { paymentParts } from './payment-parts';
import { diagnostic, type Diagnostic } from '../diagnostics';

export function checkGrowth(clause: ClauseNode, out: Diagnostic[]): void {
  for (const m of clause.milestones) {
    const p = m.payment ? paymentParts(m.payment).base : null;
    if (p?.kind !== 'rate-on-excess' || p.threshold.kind !== 'prior-period' || !p.measure) continue;
    const term = p.measure.term;
    out.push(
      diagnostic(
        'growth-increase-reading',
        p.range,
        `"the increase in quarter-to-quarter growth" has two readings: the increase of a quarter's ${term} over the same quarter of the preceding year (its ${term} less the prior quarter's), ` +
          `or the increase of the growth itself (this year's growth over the prior year's growth, a change of growth rates). ` +
          `It is read as the first: ${p.percent}% of (the quarter's ${term} − the same quarter's ${term} one year before), nothing when that is zero or less.`,
        {
          suggestion:
            `"${p.percent}% of the increase of ${term} in a calendar quarter over ${term} in the same calendar quarter of the preceding year" means the reading taken; ` +
            '"of the increase in the growth rate" would mean the other, which the engine does not read, so check the figures against it',
        },
      ),
    );
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
