/**
 * Checks of tiers in payer-pays and earning sentences, whose bands each name what they are counted
 * on: one amount is counted on one total, so every band must name the same metric (its gross or net
 * word included) and, where a band names a window, the same window as the others.
 */
import type { ClauseNode, MeasureNode, TieredPaymentNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { paymentParts } from './payment-parts';

const withoutRanges = (x: unknown): string => JSON.stringify(x, (key, value: unknown) => (key === 'range' ? undefined : value));
const windowOf = (m: MeasureNode): string | null => (m.window !== null ? withoutRanges(m.window) : m.such ? withoutRanges(m.such) : null);

export function checkTierMeasures(clause: ClauseNode, out: Diagnostic[]): void {
  for (const m of clause.milestones) {
    const base = m.payment ? paymentParts(m.payment).base : null;
    if (base?.kind === 'tiered' && base.measure) checkBands(base, out);
  }
}

function checkBands(p: TieredPaymentNode, out: Diagnostic[]): void {
  const first = p.bands[0].measure as MeasureNode;
  const window = p.measure ? windowOf(p.measure) : null;
  for (const band of p.bands.slice(1)) {
    const m = band.measure;
    if (!m) continue;
    if (m.term.toLowerCase() !== first.term.toLowerCase() || m.basis !== first.basis) {
      out.push(
        diagnostic(
          'tier-measure-mismatch',
          m.range,
          `This band is counted on ${m.term} but the first band on ${first.term}: the bands of one amount split one total, so write the same metric in every band ("all additional ${first.term}").`,
        ),
      );
    }
    const own = windowOf(m);
    if (own !== null && window !== null && own !== window) {
      out.push(diagnostic('tier-measure-mismatch', m.range, 'This band names a period other than the other bands\': the bands of one amount split one period\'s total, so name the same period in each (or in one only).'));
    }
  }
  const own = windowOf(first);
  if (own !== null && window !== null && own !== window) {
    out.push(diagnostic('tier-measure-mismatch', first.range, 'This band names a period other than the other bands\': the bands of one amount split one period\'s total, so name the same period in each (or in one only).'));
  }
}
