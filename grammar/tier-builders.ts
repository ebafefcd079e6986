/**
 * Postprocessors for tiers in payer-pays and earning sentences: bands that each name what they are
 * counted on ("three percent (3%) on the first $100,000 of Distributor's purchases in such Calendar
 * Year and five percent (5%) on all purchases in excess of $100,000"). Like grammar/builders.ts they
 * only build nodes: whether the bands' measures agree and which reading the words give is decided by
 * the checker (src/language/check-tiers.ts).
 */
import type { MeasureNode, MoneyNode, PaymentIntro, PaymentNode, Range, TierBandNode, WindowNode } from '../src/language/ast';
import { cons, digits, span, toArray, type Data, type List } from './builders';
import * as b from './builders';
import * as qb from './measured-builders';
import type { Token } from './lexer';
import { normalizeText } from '../src/values/text-key';
import { tierMeasureOf } from '../src/language/tier-measure';

/** "Distributor's purchases of Products in such Calendar Year": a measure, its metric possibly owned. */
export function tierMeasure(d: Data): MeasureNode {
  const [det, owner, metric, received, scopes, where] = d as [unknown, Token | null, unknown, { text: string; range: Range } | null, List<{ text: string }>, unknown];
  const m = qb.measure([det, metric, received ? cons(null, received) : null, where]);
  const others = toArray(scopes).map((x) => x.text);
  const scope = [...(m.scope !== undefined ? [m.scope] : []), ...others].join(' ');
  return { ...m, ...(owner ? { owner: owner.value } : {}), ...(scope ? { scope } : {}), range: span(d) };
}

/** A window written after a band's bound ("… in excess of $100,000 in such Calendar Year") belongs to its measure. */
function withTrailing(m: MeasureNode, trailing: { window: WindowNode | null; such?: MeasureNode['such']; range: Range } | WindowNode | null): MeasureNode {
  if (trailing === null) return m;
  const w = 'kind' in trailing ? { window: trailing, such: undefined } : trailing;
  return { ...m, window: w.window, ...(w.such ? { such: w.such } : {}), range: span(m, trailing) };
}

/** "3% on the first $100,000 of Net Sales in each year". */
export function firstBand(d: Data): TierBandNode {
  const [percent, , , , to, , m] = d as [Token, Token, Token, Token, MoneyNode, Token, MeasureNode];
  return { kind: 'tier-band', percent: digits(percent, true), basis: m.basis, quantifier: 'first', lower: null, from: null, upper: 'first', to, measure: m, range: span(d) };
}

/** "2% of all additional Revenues": the band above the previous one. */
export function additionalBand(d: Data): TierBandNode {
  const [percent, , , , m] = d as [Token, Token, Token | null, Token, MeasureNode];
  return { kind: 'tier-band', percent: digits(percent, true), basis: m.basis, quantifier: 'additional', lower: null, from: null, upper: null, to: null, measure: m, range: span(d) };
}

interface BandRange { lower: TierBandNode['lower']; from: MoneyNode | null; upper: TierBandNode['upper']; to: MoneyNode | null }

/** "5% of Net Sales up to $1,000,000", "5% on all purchases in excess of $100,000 in such Calendar Year". */
export function boundedBand(d: Data): TierBandNode {
  const [percent, , m, bounds, trailing] = d as [Token, Token, MeasureNode, BandRange, Parameters<typeof withTrailing>[1]];
  const measure = withTrailing(m, trailing);
  return {
    kind: 'tier-band', percent: digits(percent, true), basis: m.basis, quantifier: null, lower: bounds.lower, from: bounds.from, upper: bounds.upper, to: bounds.to,
    measure, range: span(d),
  };
}

/** The tiered amount: its measure is the bands' (the first band's metric, the window the bands name). */
export function measuredTiers(d: Data): PaymentNode {
  const [intro, list, method] = d as [{ intro: PaymentIntro } | null, List<TierBandNode>, { method: 'marginal' | 'retroactive' } | null];
  const bands = toArray(list);
  return { kind: 'tiered', intro: intro?.intro ?? null, bands, method: method?.method ?? null, measure: tierMeasureOf(bands), range: span(d) };
}

/** "received by Licensee or its Affiliates": whose receipts count, as written (the checker warns it is not applied). */
export function receivedByScope(d: Data): { text: string; range: Range } {
  const [received, ...rest] = d as [Token, ...unknown[]];
  const by = b.byScope(rest);
  return { text: normalizeText(`${received.value} ${by.text}`), range: span(d) };
}
