/**
 * Postprocessors for rates applied to each portion of a period's total, the bands written with words and signs after
 * "as follows": "Licensee shall pay Licensor royalties on the Total Annual Net Sales in each Calendar Year at the
 * Applicable Royalty Rate, applied to each portion of Total Annual Net Sales as follows: less than or equal to $5
 * million: five percent (5%); > $5 million and less than or equal to $10 million: six percent (6%); > $10 million: seven
 * percent (7%)." They build the same measured sentence as "… shall pay … 5% of … up to $5,000,000 and 6% …, on a marginal
 * basis" (layout `portions`): each band on the sentence's measure. They only build nodes: the bands' bounds are resolved
 * by src/language/tier-bands.ts, the reading stated by the words "applied to each portion of".
 */
import type { MeasureNode, MoneyNode, PeriodWordNode, Range, TierBandNode, TieredPaymentNode } from '../src/language/ast';
import { cons, digits, span, toArray, type Data, type List } from './builders';
import * as b from './builders';
import type { Token } from './lexer';

const words = (tokens: Token[]): string => tokens.map((t) => t.value).join(' ');

interface Metric { term: string; basis: 'gross' | 'net' | null; periodWord?: PeriodWordNode; range: Range }
interface Bounds { lower: TierBandNode['lower']; from: MoneyNode | null; upper: TierBandNode['upper']; to: MoneyNode | null }

/** "Total Annual Net Sales": a metric with the word "Total" and a period adjective before it. */
export function portionMetric(d: Data): Metric {
  const [total, period, basis, noun] = d as [Token | null, Token | null, Token | null, Token[]];
  const modifiers = [total, period].filter((t): t is Token => t !== null).reduce<List<Token>>((list, t) => cons(list, t), null);
  return { ...b.metric([modifiers, basis, noun]), range: span(d) };
}

/** "the Total Annual Net Sales in each Calendar Year": the amount's measure and its window. */
export function portionMeasure(d: Data): MeasureNode {
  const [the, metric, where] = d as [Token | null, Metric, { window: MeasureNode['window']; such?: MeasureNode['such'] }];
  return {
    kind: 'measure', term: metric.term, basis: metric.basis, ...(metric.periodWord ? { periodWord: metric.periodWord } : {}),
    determiner: the ? 'the' : null, window: where.window, ...(where.such ? { such: where.such } : {}), range: span(d),
  };
}

/** "less than or equal to $5 million": the first band, up to and including its end. */
export const atMost = (d: Data): Bounds => ({ lower: null, from: null, upper: 'less than or equal to', to: d[5] as MoneyNode });
/** "> $5 million and less than or equal to $10 million". */
export const aboveAtMost = (d: Data): Bounds => ({ lower: '>', from: d[1] as MoneyNode, upper: 'less than or equal to', to: d[8] as MoneyNode });
/** "> $10 million": the open band above. */
export const above = (d: Data): Bounds => ({ lower: '>', from: d[1] as MoneyNode, upper: null, to: null });

/** "<bounds>: five percent (5%)". */
export function signBand(d: Data): Omit<TierBandNode, 'measure'> {
  const [bounds, , percent] = d as [Bounds, Token, Token];
  return { kind: 'tier-band', percent: digits(percent, true), basis: null, quantifier: null, ...bounds, range: span(d) };
}

/**
 * "royalties on <measure> at the Applicable Royalty Rate, applied to each portion of <metric> as follows: <bands>": a
 * marginal tiered amount (the words say each rate applies to its own portion), every band counted on the measure.
 */
export function portionAmount(d: Data): TieredPaymentNode {
  const [noun, , measure, , , rateWords, , applied, , each, portion, of, metric, , , , list] = d as [
    Token, Token, MeasureNode, Token, Token, List<Token>, Token, Token, Token, Token, Token, Token, Metric, Token, Token, Token, List<Omit<TierBandNode, 'measure'>>,
  ];
  const bands: TierBandNode[] = toArray(list).map((band) => ({ ...band, basis: measure.basis, measure }));
  return {
    kind: 'tiered', intro: null, bands, method: 'marginal', methodWords: `${words([applied])} to ${words([each, portion, of])} ${metric.term}`, layout: 'portions',
    portions: { noun: noun.value, rate: toArray(rateWords).map((t) => t.value).join(' '), metric: { term: metric.term, basis: metric.basis } },
    measure, range: span(d),
  };
}
