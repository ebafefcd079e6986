/**
 * Postprocessors for tiers in payer-pays and earning sentences: bands that each name what they are
 * counted on ("three percent (3%) on the first $100,000 of Distributor's purchases in such Calendar
 * Year and five percent (5%) on all purchases in excess of $100,000"). Like grammar/builders.ts they
 * only build nodes: whether the bands' measures agree and which reading the words give is decided by
 * the checker (src/language/check-tiers.ts).
 */
import type { CalendarUnit, MeasureNode, MoneyNode, PartyNode, PaymentIntro, PaymentNode, Range, TierBandNode, TieredPaymentNode, WindowNode } from '../src/language/ast';
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
export function withTrailing(m: MeasureNode, trailing: { window: WindowNode | null; such?: MeasureNode['such']; range: Range } | WindowNode | null): MeasureNode {
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

// --- a rate raised on all of the base once a condition is met ---------------------------------------

/** "; provided that if Net Sales in a Calendar Quarter exceed £200,000, the commission for that Calendar Quarter shall be six per cent (6%) of all Net Sales in that Calendar Quarter". */
interface StepProviso { condition: b.Condition; percent: Token; metric: { term: string; basis: 'gross' | 'net' | null; range: Range }; unit: CalendarUnit; all: boolean; range: Range }

export function stepProviso(d: Data): StepProviso {
  const condition = d[5] as b.Condition;
  const percent = d[14] as Token;
  const all = d[16] as Token | null;
  const metric = d[17] as StepProviso['metric'];
  const noun = d[20] as { unit: CalendarUnit };
  return { condition, percent, metric, unit: noun.unit, all: all !== null, range: span(d) };
}

/**
 * "The Principal shall pay the Agent a commission of four per cent (4%) of Net Sales in each Calendar Quarter;
 * provided that if Net Sales in a Calendar Quarter exceed £200,000, the commission for that Calendar Quarter
 * shall be six per cent (6%) of all Net Sales in that Calendar Quarter.": two bands read retroactively (all of a
 * period's base at the rate of the band reached), whose boundary is the proviso's condition; the milestone is
 * that condition, tested in the rate's period.
 */
export function steppedSentence(d: Data): b.PayerSentence {
  const [payer, , , , payee, intro, percent, , m, step] = d as [PartyNode, unknown, Token, unknown, PartyNode, { intro: PaymentIntro } | null, Token, Token, MeasureNode, StepProviso];
  const { comparator, amount } = step.condition.comparison;
  const below: TierBandNode = {
    kind: 'tier-band', percent: digits(percent, true), basis: m.basis, quantifier: null, lower: null, from: null,
    upper: comparator.strict ? 'up to and including' : 'below', to: amount, measure: m, range: span(percent, m),
  };
  const raisedMeasure: MeasureNode = {
    kind: 'measure', term: step.metric.term, basis: step.metric.basis, determiner: step.all ? 'all' : null, window: null,
    ...(step.unit !== 'half-year' ? { such: { preposition: 'in' as const, calendar: true, unit: step.unit } } : {}), range: step.metric.range,
  };
  const raised: TierBandNode = {
    kind: 'tier-band', percent: digits(step.percent, true), basis: step.metric.basis, quantifier: step.all ? 'all' : null, lower: comparator.strict ? 'above' : 'from',
    from: amount, upper: null, to: null, measure: raisedMeasure, range: step.range,
  };
  const payment: TieredPaymentNode = {
    kind: 'tiered', intro: intro?.intro ?? null, bands: [below, raised], method: null, measure: m,
    proviso: { kind: 'step-proviso', window: step.condition.window, unit: step.unit, range: step.range }, range: span(intro ?? percent, step),
  };
  // The condition is tested in the rate's own period (the checker compares it with the proviso's).
  const condition: b.Condition = { ...step.condition, window: m.window ?? step.condition.window };
  return { form: 'payer-pays', payer, payee, payment, condition, range: span(d) };
}
