/**
 * The bands of an attainment table as numbers: which band holds an attainment (exactly: total × 100
 * against bound × quota), a band's fixed payout, the bands in the order of their bounds, and the two
 * payouts an interpolated band draws its straight line between. Shared by the checker and the evaluator.
 */
import type { AttainmentBandNode, AttainmentPayoutNode } from './ast';
import { assertNever } from './ast';
import { Dec } from '../values/money';

/** Whether `band` holds the attainment total / quota (exactly: total × 100 against bound × quota). */
export function holds(band: Pick<AttainmentBandNode, 'from' | 'fromStrict' | 'to' | 'toStrict'>, total: Dec, quota: Dec): boolean {
  const v = total.times(100);
  if (band.from !== null) {
    const c = v.comparedTo(new Dec(band.from).times(quota));
    if (c < 0 || (c === 0 && band.fromStrict)) return false;
  }
  if (band.to !== null) {
    const c = v.comparedTo(new Dec(band.to).times(quota));
    if (c > 0 || (c === 0 && band.toStrict)) return false;
  }
  return true;
}

/** A fixed payout's amount; null for an interpolated one. */
export function fixedPayout(p: AttainmentPayoutNode): Dec | null {
  switch (p.kind) {
    case 'amount':
      return new Dec(p.amount.amount);
    case 'nothing':
      return new Dec(0);
    case 'share':
      return new Dec(p.of.amount).times(p.percent).dividedBy(100);
    case 'interpolated':
      return null;
    default:
      return assertNever(p);
  }
}

/** The bands in the order of their lower bounds (an open lower end first), with their written positions. */
export function orderedBands(bands: readonly AttainmentBandNode[]): Array<{ band: AttainmentBandNode; index: number }> {
  const key = (b: AttainmentBandNode): Dec => (b.from === null ? new Dec(-1) : new Dec(b.from));
  return bands
    .map((band, index) => ({ band, index }))
    .sort((a, b) => key(a.band).comparedTo(key(b.band)) || (a.band.fromStrict === b.band.fromStrict ? a.index - b.index : a.band.fromStrict ? 1 : -1));
}

/**
 * The payouts at the two ends of an interpolated band: those of the bands before and after it in
 * order of their bounds; null when either neighbour is missing or is itself interpolated (the checker
 * reports that clause).
 */
export function interpolationEnds(bands: readonly AttainmentBandNode[], index: number): { low: Dec; high: Dec } | null {
  const ordered = orderedBands(bands);
  const at = ordered.findIndex((o) => o.index === index);
  const before = ordered[at - 1]?.band;
  const after = ordered[at + 1]?.band;
  const low = before ? fixedPayout(before.payout) : null;
  const high = after ? fixedPayout(after.payout) : null;
  return low !== null && high !== null ? { low, high } : null;
}
