/**
 * Band rates written as a multiple of the base rate ("1.5 times the base rate on Bookings in excess of the
 * Quarterly Quota", an accelerator). One rule: the base rate is the rate of the nearest band before it that
 * is written as a percentage, and the band's rate is the factor times that rate, exact. Where the bands
 * before it state different percentages, which one is "the base" is a reading (the checker's
 * `base-rate-reading` names both).
 */
import type { TierBandNode } from './ast';
import { Dec } from '../values/money';

/** The index of the band whose rate is the base of band `index`'s multiple, or -1 when none precedes it. */
export function baseBandIndex(bands: readonly TierBandNode[], index: number): number {
  for (let i = index - 1; i >= 0; i--) if (!bands[i].multiple) return i;
  return -1;
}

/** `bands` with the rate of each band written as a multiple filled in (factor × base rate). */
export function withRateMultiples(bands: TierBandNode[]): TierBandNode[] {
  if (!bands.some((b) => b.multiple)) return bands;
  return bands.map((b, index) => {
    if (!b.multiple) return b;
    const base = baseBandIndex(bands, index);
    // The grammar admits a multiple only after a band of its own sentence, so a base always precedes it.
    const percent = base < 0 ? b.percent : new Dec(b.multiple.factor).times(bands[base].percent).toFixed();
    return { ...b, percent };
  });
}

/** "band 2's 15% is 1.5 times the base rate (band 1's 10%)", for the notes and descriptions; "" for a band written as a percentage. */
export function rateMultipleWords(bands: readonly TierBandNode[], index: number): string {
  const b = bands[index];
  if (!b.multiple) return '';
  const base = baseBandIndex(bands, index);
  return base < 0 ? '' : `band ${index + 1}'s ${b.percent}% is ${b.multiple.factor} times the base rate (band ${base + 1}'s ${bands[base].percent}%)`;
}
