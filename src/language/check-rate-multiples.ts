/**
 * Band rates written as a multiple of "the base rate": the base is read as the nearest band before it
 * written as a percentage (rate-multiples.ts). Where the bands before it state different percentages
 * (a decelerated band, then the base band), the base could be either: a warning names both and how to
 * write the rate meant.
 */
import type { ClauseNode, PaymentNode, TieredPaymentNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { paymentParts } from './payment-parts';
import { Dec } from '../values/money';
import { baseBandIndex } from './rate-multiples';

function tiersOf(clause: ClauseNode): TieredPaymentNode[] {
  const payments: PaymentNode[] = [...clause.milestones.map((m) => m.payment), ...clause.payments.map((t) => t.payment)].filter((p): p is PaymentNode => p !== null);
  const tiers = payments.map((p) => paymentParts(p).base).filter((p): p is TieredPaymentNode => p.kind === 'tiered');
  return [...new Set(tiers)];
}

export function checkRateMultiples(clause: ClauseNode, out: Diagnostic[]): void {
  for (const tiers of tiersOf(clause)) {
    tiers.bands.forEach((band, index) => {
      if (!band.multiple) return;
      const base = baseBandIndex(tiers.bands, index);
      const other = tiers.bands.slice(0, base).findIndex((b) => !b.multiple && !new Dec(b.percent).equals(tiers.bands[base].percent));
      if (base < 0 || other < 0) return;
      const m = band.multiple;
      const read = new Dec(m.factor).times(tiers.bands[base].percent).toFixed();
      const alternative = new Dec(m.factor).times(tiers.bands[other].percent).toFixed();
      out.push(
        diagnostic(
          'base-rate-reading',
          m.range,
          `'${m.factor} times the base rate' is read with band ${base + 1}'s ${tiers.bands[base].percent}% as the base rate (the band just before it): ${read}%. ` +
            `Band ${other + 1} states ${tiers.bands[other].percent}%, which would give ${alternative}%. Write the rate itself ('${read}%' or '${alternative}%') to say which is meant.`,
          { suggestion: `write the band's rate as a percentage: '${read}%' (read) or '${alternative}%'` },
        ),
      );
    });
  }
}
