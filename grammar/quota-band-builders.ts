/**
 * Postprocessors for tier bands bounded by a share of a quota or plan: "10% of Bookings up to 100% of the
 * Quarterly Quota ($200,000) and 15% of Bookings in excess of the Quarterly Quota". They build the band with
 * its QuotaBoundNode; the bound's amount (the share of the quota, an exact product of written figures) is
 * filled in once the sentence's bands are known (src/language/quota-bounds.ts), since a later band may name
 * the quota without its amount.
 */
import type { MeasureNode, MoneyNode, QuotaBoundNode, TierBandNode } from '../src/language/ast';
import { digits, span, toArray, type Data, type List } from './builders';
import type { Token } from './lexer';
import { normalizeText } from '../src/values/text-key';
import { withTrailing } from './tier-builders';

interface QuotaRange { lower: TierBandNode['lower']; upper: TierBandNode['upper']; quota: QuotaBoundNode }

type Written = { amount: MoneyNode; written: 'brackets' | 'of' } | null;

/** "($200,000)" after the quota's name. */
export const bracketedAmount = (d: Data): Written => ({ amount: d[1] as MoneyNode, written: 'brackets' });
/** "of $200,000" after the quota's name. */
export const ofAmount = (d: Data): Written => ({ amount: d[1] as MoneyNode, written: 'of' });

function bound(percent: Token | null, article: Token | null, name: List<Token>, amount: Written, d: Data): QuotaBoundNode {
  return {
    kind: 'quota-bound',
    percent: percent === null ? null : digits(percent, true),
    name: normalizeText(toArray(name).map((t) => t.value).join(' ')),
    article: article !== null,
    amount: amount ? amount.amount : null,
    amountWritten: amount ? amount.written : null,
    range: span(d),
  };
}

/** "100% of the Quarterly Quota ($200,000)": a share of a quota, its amount if written here. */
export function shareBound(d: Data): QuotaBoundNode {
  const [percent, , article, name, amount] = d as [Token, Token, Token | null, List<Token>, Written];
  return bound(percent, article, name, amount, d);
}

/** "the Quarterly Quota": the whole quota (100% of it). */
export function namedBound(d: Data): QuotaBoundNode {
  const [article, name, amount] = d as [Token, List<Token>, Written];
  return bound(null, article, name, amount, d);
}

/** "up to [and including] <quota bound>". */
export function upToQuota(d: Data): QuotaRange {
  return { lower: null, upper: d.length > 3 ? 'up to and including' : 'up to', quota: d[d.length - 1] as QuotaBoundNode };
}

/** "in excess of <quota bound>", "above …", "over …". */
export function aboveQuota(d: Data): QuotaRange {
  return { lower: (d[0] as { comparator: TierBandNode['lower'] }).comparator, upper: null, quota: d[1] as QuotaBoundNode };
}

/** "10% of Bookings up to 100% of the Quarterly Quota ($200,000)": `from`/`to` are resolved with the sentence's bands. */
export function quotaBand(d: Data): TierBandNode {
  const [percent, , m, bounds, trailing] = d as [Token, Token, MeasureNode, QuotaRange, Parameters<typeof withTrailing>[1]];
  const measure = withTrailing(m, trailing);
  const base = { kind: 'tier-band' as const, percent: digits(percent, true), basis: m.basis, quantifier: null, measure, range: span(d) };
  return bounds.upper !== null
    ? { ...base, lower: null, from: null, upper: bounds.upper, to: null, toQuota: bounds.quota }
    : { ...base, lower: bounds.lower, from: null, upper: null, to: null, fromQuota: bounds.quota };
}
