/**
 * The bands of a tiered payment as numbers, and the reading (marginal or retroactive) its words
 * give. One place for both rules: the checker reports from them, the evaluator computes from them.
 */
import type { TieredPaymentNode, TierBandNode } from './ast';
import { Dec } from '../values/money';

/**
 * A band with its bounds resolved: `from` is where it starts (the previous band's end when the
 * text does not repeat it, 0 for the first), `to` its end or null when open. `fromInclusive` is
 * true for "from $X" and "between $X and …", false for "above", "over", "in excess of" and for a
 * band that starts where the previous one ends ("up to $X" includes $X itself).
 */
export interface ResolvedBand {
  index: number;
  percent: string;
  from: string;
  fromInclusive: boolean;
  to: string | null;
  /** False for a band that stops short of its end ("below $X"). */
  toInclusive: boolean;
  currency: string | null;
  /**
   * The start as written when it is one whole unit (or one cent) above the end of the
   * band before, which includes its end ("up to and including $5,000,000", then "between $5,000,001 and …"): such
   * bounds count whole dollars, and the band is read as starting just above the previous end (`from` is that end,
   * not inclusive), so that no amount between the two is left without a rate. The checker warns
   * (`tier-whole-unit-gap`); the evaluation note states it.
   */
  writtenFrom?: string;
  band: TierBandNode;
}

/** Whether `from` is one whole unit above an inclusive whole `previousEnd` ($5,000,001 after $5,000,000), or one cent above it. */
function wholeUnitAbove(from: string, previousEnd: string): boolean {
  const step = new Dec(from).minus(previousEnd);
  return (step.equals(1) && new Dec(previousEnd).isInteger()) || step.equals('0.01');
}

export function resolveBands(node: TieredPaymentNode): ResolvedBand[] {
  const out: ResolvedBand[] = [];
  let previousEnd = '0';
  const anyCurrency = node.bands.map((b) => b.from?.currency ?? b.to?.currency ?? null).find((c) => c !== null) ?? null;
  let previousInclusive = false;
  node.bands.forEach((band, index) => {
    let from = band.from?.amount ?? previousEnd;
    let fromInclusive = band.from !== null && (band.lower === 'from' || band.lower === 'between');
    const to = band.to?.amount ?? null;
    const currency = band.from?.currency ?? band.to?.currency ?? anyCurrency;
    const gap = index > 0 && band.from !== null && fromInclusive && previousInclusive && wholeUnitAbove(band.from.amount, previousEnd);
    if (gap) {
      from = previousEnd;
      fromInclusive = false;
    }
    out.push({
      index, percent: band.percent, from: index === 0 && band.from === null ? '0' : from, fromInclusive: index === 0 && band.from === null ? true : fromInclusive, to,
      toInclusive: band.upper !== 'below', currency, ...(gap ? { writtenFrom: (band.from as TierBandNode['from'] & object).amount } : {}), band,
    });
    if (to !== null) previousEnd = to;
    previousInclusive = to !== null && band.upper !== 'below';
  });
  return out;
}

export type TierReading =
  | { method: 'marginal' | 'retroactive'; source: 'stated'; words: string }
  | { method: 'marginal' | 'retroactive'; source: 'wording'; words: string }
  | { method: 'marginal'; source: 'default'; words: null };

/** The words of a band that say only the sales within it earn its rate. */
function marginalWords(band: TierBandNode): string | null {
  if (band.quantifier === 'portion') return 'the portion of';
  if (band.quantifier === 'first') return 'the first …';
  if (band.quantifier === 'additional') return 'additional';
  if (band.lower === 'in excess of') return 'in excess of';
  return null;
}

/**
 * Marginal (each band at its rate) or retroactive (all of the base at the rate of the band
 * reached): as stated ("on a marginal basis"), else marginal when a band's words say only its
 * own sales earn its rate ("the portion of", "the first $X of", "in excess of", "additional"),
 * else marginal by default, which the checker warns about.
 */
export function tierReading(node: TieredPaymentNode): TierReading {
  if (node.method !== null) return { method: node.method, source: 'stated', words: node.methodWords ?? `on a ${node.method} basis` };
  // "… shall be 6% of all Net Sales in that Calendar Quarter": the raised rate applies to all of the period's base.
  if (node.proviso) return { method: 'retroactive', source: 'wording', words: `shall be ${node.bands[node.bands.length - 1].percent}% of all …` };
  for (const band of node.bands) {
    const words = marginalWords(band);
    if (words !== null) return { method: 'marginal', source: 'wording', words };
  }
  return { method: 'marginal', source: 'default', words: null };
}

/** The band words that contradict a stated retroactive reading, or null. */
export function conflictingWords(node: TieredPaymentNode): string | null {
  if (node.method !== 'retroactive') return null;
  for (const band of node.bands) {
    const words = marginalWords(band);
    if (words !== null) return words;
  }
  return null;
}
