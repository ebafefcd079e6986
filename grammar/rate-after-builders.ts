/**
 * Postprocessors for tiers written range first and rate after, in a list "as follows": "the Manager shall receive a
 * Sales Bonus calculated cumulatively on the Store's Fortnightly Sales as follows: on Fortnightly Sales from $0 to
 * $280,000, 0.100%; on the portion from $280,000 to $465,000, 0.075%; …; and on the portion above $695,000, 0.025%."
 * They build the same measured sentence as "The Manager shall earn 0.100% of … from $0 to $280,000, …": a tiered amount
 * on the sentence's measure (layout `rate-after`). Which reading the bands take (marginal or retroactive) is the
 * checker's (src/language/check-tiers.ts, src/language/tier-bands.ts).
 */
import type { MeasureNode, PartyNode, PeriodWordNode, Range, TierBandNode, TieredPaymentNode } from '../src/language/ast';
import { cons, digits, span, toArray, type Data, type List } from './builders';
import type { MeasuredSentence } from './measured-builders';
import type { Token } from './lexer';

interface Bounds { lower: TierBandNode['lower']; from: TierBandNode['from']; upper: TierBandNode['upper']; to: TierBandNode['to'] }
interface Metric { term: string; basis: 'gross' | 'net' | null; periodWord?: PeriodWordNode; range: Range }

/** "the Store's Fortnightly Sales": the metric, whose owner is words only. */
export function rateAfterMeasure(d: Data): MeasureNode {
  const [the, owner, metric] = d as [Token | null, Token | null, Metric];
  return {
    kind: 'measure', term: metric.term, basis: metric.basis, ...(owner ? { owner: owner.value } : {}), ...(metric.periodWord ? { periodWord: metric.periodWord } : {}),
    determiner: the ? 'the' : null, window: null, range: span(d),
  };
}

/** "on Fortnightly Sales from $0 to $280,000, 0.100%". */
export function measuredBand(d: Data): TierBandNode {
  const [, measure, bounds, , percent] = d as [Token, MeasureNode, Bounds, Token, Token];
  return { kind: 'tier-band', percent: digits(percent, true), basis: measure.basis, quantifier: null, ...bounds, measure, range: span(d) };
}

/** "on the portion from $280,000 to $465,000, 0.075%": the sales of the measure the list names, within the range. */
export function portionBand(d: Data): TierBandNode {
  const [, , , bounds, , percent] = d as [Token, Token, Token, Bounds, Token, Token];
  return { kind: 'tier-band', percent: digits(percent, true), basis: null, quantifier: 'portion', ...bounds, range: span(d) };
}

/** "a Sales Bonus calculated cumulatively on the Store's Fortnightly Sales as follows: <bands>". */
export function rateAfterAmount(d: Data): TieredPaymentNode {
  const [, nameWords, , cumulatively, , measure, , , , list] = d as [Token, List<Token>, Token, Token | null, Token, MeasureNode, Token, Token, Token, List<TierBandNode>];
  const bands = toArray(list).map((band) => (band.quantifier === 'portion' ? { ...band, basis: measure.basis } : band));
  return {
    kind: 'tiered', intro: null, bands, method: null, layout: 'rate-after',
    calculated: { words: cumulatively ? 'calculated cumulatively on' : 'calculated on', noun: toArray(nameWords).map((t) => t.value).join(' ') },
    measure, range: span(d),
  };
}

/** What follows "shall receive": the tiered amount, paid to the party. */
export const receivePart = (d: Data): { kind: 'receive'; payment: TieredPaymentNode; range: Range } => ({ kind: 'receive', payment: d[1] as TieredPaymentNode, range: span(d) });

export function receiveSentence(payee: PartyNode, payment: TieredPaymentNode, range: Range): MeasuredSentence {
  return { payer: null, payee, payment, range };
}

/** "<band>; <band>" or "<band>; and <band>": the list's first two bands. */
export const bandPair = (d: Data): List<TierBandNode> => cons(cons(null, d[0] as TierBandNode), d[3] as TierBandNode);
export const appendBand = (d: Data): List<TierBandNode> => cons(d[0] as List<TierBandNode>, d[3] as TierBandNode);
