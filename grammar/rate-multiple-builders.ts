/**
 * Postprocessors for band rates written as a multiple of the base rate: "1.5 times the base rate on Bookings
 * in excess of the Quarterly Quota", "2x the base commission rate on Net Sales above $1,000,000". Each builds
 * the band as its percentage form would, with the factor where the percentage stands and `multiple` set; the
 * band's rate (the factor times the base band's) is filled in after the parse (src/language/tier-band-resolution.ts),
 * like the amounts of quota bounds.
 */
import type { RateMultipleNode, TierBandNode } from '../src/language/ast';
import { figureValue } from '../src/values/number-notation';
import { span, type Data } from './builders';
import type { Token } from './lexer';
import * as pb from './payment-builders';
import * as tb from './tier-builders';
import * as qbb from './quota-band-builders';

/** A multiple as the band rules receive it: the node, and the factor's token, which stands where a percentage would. */
interface Multiple { node: RateMultipleNode; factor: Token }

/** "1.5 times the base rate", "2x the base commission rate". */
export function rateMultiple(d: Data): Multiple {
  const [factor, times, , , commission] = d as [Token, Token, Token, Token, Token | null, Token];
  const node: RateMultipleNode = {
    kind: 'rate-multiple',
    factor: figureValue(factor.value, true),
    written: times.value.toLowerCase() === 'x' ? 'x' : 'times',
    commission: commission !== null,
    range: span(d),
  };
  return { node, factor };
}

const multipleOf = (build: (d: Data) => TierBandNode) => (d: Data): TierBandNode => {
  const m = d[0] as Multiple;
  const band = build([m.factor, ...d.slice(1)]);
  return { ...band, multiple: m.node, range: span(m.node, d.slice(1)) };
};

/** "1.5 times the base rate on Net Sales above $1,000,000" (a band of the seed's payment sentence). */
export const multipleBand = multipleOf(pb.band);
/** "1.5 times the base rate of Net Sales in excess of $1,000,000 in each year" (a band of a payer-pays sentence). */
export const multipleBoundedBand = multipleOf(tb.boundedBand);
/** "1.5 times the base rate on Bookings in excess of the Quarterly Quota". */
export const multipleQuotaBand = multipleOf(qbb.quotaBand);
