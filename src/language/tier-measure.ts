/**
 * What a tiered amount of a payer-pays sentence is counted on, from its bands' measures: the first
 * band's metric, and the window the first band that names one names ("… on all purchases in excess of
 * $100,000 in such Calendar Year"). Whether the other bands agree is checked (check-tiers.ts).
 */
import type { MeasureNode, TierBandNode } from './ast';

export function tierMeasureOf(bands: readonly TierBandNode[]): MeasureNode | undefined {
  const first = bands[0]?.measure;
  if (!first) return undefined;
  const windowed = bands.find((b) => b.measure && (b.measure.window !== null || b.measure.such !== undefined))?.measure;
  if (!windowed || windowed === first) return first;
  const { such: _such, ...rest } = first;
  return { ...rest, window: windowed.window, ...(windowed.such ? { such: windowed.such } : {}) };
}
