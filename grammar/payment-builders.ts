/**
 * Postprocessors for payment mechanics: rates on the excess, tiers, increments, caps and floors.
 * Like grammar/builders.ts they only build nodes; whether bands join up, or which tier reading
 * the words give, is decided by the checker (src/language/check-payments.ts).
 */
import type {
  DueNode, TimedPaymentNode, LimitNode, LimitedPaymentNode, MoneyNode, PaymentIntro, PaymentNode, PeriodUnit, Range, SalesBasis, ThresholdNode,
  TierBandNode, UnlimitedPaymentNode, SincePreviousNode,
} from '../src/language/ast';
import { cons, digits, lower, span, toArray, type Data, type List } from './builders';
import type { Token } from './lexer';

type Noun = 'commission' | 'bonus' | 'commission payment';
type Comparator = 'in excess of' | 'above' | 'over';

const words = (tokens: Token[]): string => tokens.map(lower).join(' ');

/** "a commission of", "a bonus equal to", with where it was written. */
interface Intro { intro: PaymentIntro; range: Range }
export function paymentIntro(d: Data): Intro {
  const [, noun, link] = d as [Token, Token[], Token[]];
  return { intro: { noun: words(noun) as Noun, link: words(link) as 'equal to' | 'of' }, range: span(d) };
}

/** Words the nodes record by meaning only, with where they were written (so node ranges cover them). */
interface Basis { basis: SalesBasis; range: Range }
interface Excess { comparator: Comparator; range: Range }

/** "the net sales revenue", "Net Sales", "sales": the basis, or null when neither gross nor net is said. */
export function salesBase(d: Data): Basis {
  const basis = d[1] as Token | null;
  return { basis: basis ? (lower(basis) as 'gross' | 'net') : null, range: span(d) };
}

export function excessWord(d: Data): Excess {
  return { comparator: words(d as Token[]) as Comparator, range: span(d) };
}

export function targetReference(d: Data): ThresholdNode {
  return { kind: 'target-reference', range: span(d) };
}

export function bareRate(d: Data): PaymentNode {
  const [percent, , base, since] = d as [Token, Token, Basis, SincePreviousNode | null];
  return { kind: 'rate', percent: digits(percent, true), basis: base.basis, ...(since ? { since } : {}), range: span(d) };
}

export function rateOnExcess(d: Data): PaymentNode {
  const [intro, percent, , base, excess, threshold] = d as [Intro | null, Token, Token, Basis, Excess, ThresholdNode];
  return { kind: 'rate-on-excess', intro: intro?.intro ?? null, percent: digits(percent, true), basis: base.basis, comparator: excess.comparator, threshold, range: span(d) };
}

// --- tiers -------------------------------------------------------------------------------------

interface BandRange {
  range: Range;
  lower: TierBandNode['lower'];
  from: MoneyNode | null;
  upper: TierBandNode['upper'];
  to: MoneyNode | null;
}

export const upTo = (d: Data): BandRange => ({ range: span(d), lower: null, from: null, upper: d.length > 3 ? 'up to and including' : 'up to', to: d[d.length - 1] as MoneyNode });
export const aboveAmount = (d: Data): BandRange => ({ range: span(d), lower: (d[0] as Excess).comparator, from: d[1] as MoneyNode, upper: null, to: null });
export const aboveRest = (d: Data): BandRange => ({ range: span(d), lower: (d[0] as Excess).comparator, from: null, upper: null, to: null });
export const fromTo = (d: Data): BandRange => ({ range: span(d), lower: lower(d[0]) as 'from' | 'between', from: d[1] as MoneyNode, upper: lower(d[2]) as 'to' | 'and', to: d[3] as MoneyNode });

/** "the portion of" or "all": what the band's sales are called. */
export function bandQuantifier(d: Data): TierBandNode['quantifier'] {
  return (d[0] as Token).type === 'all' ? 'all' : 'portion';
}

export function band(d: Data): TierBandNode {
  const [percent, , quantifier, base, bounds] = d as [Token, Token, TierBandNode['quantifier'], Basis, BandRange];
  return { kind: 'tier-band', percent: digits(percent, true), basis: base.basis, quantifier, lower: bounds.lower, from: bounds.from, upper: bounds.upper, to: bounds.to, range: span(d) };
}

/** "3% on the first $100,000 of Net Sales" (the grammar takes the word "first" only: no other ordinal starts a band). */
export function firstBand(d: Data): TierBandNode {
  const [percent, , , , to, , base] = d as [Token, Token, Token, Token, MoneyNode, Token, Basis];
  return { kind: 'tier-band', percent: digits(percent, true), basis: base.basis, quantifier: 'first', lower: null, from: null, upper: 'first', to, range: span(d) };
}

/** "2% of all additional Revenues": the band above the previous one. */
export function additionalBand(d: Data): TierBandNode {
  const [percent, , , , base] = d as [Token, Token, Token | null, Token, Basis];
  return { kind: 'tier-band', percent: digits(percent, true), basis: base.basis, quantifier: 'additional', lower: null, from: null, upper: null, to: null, range: span(d) };
}

export const bandPair = (d: Data): List<TierBandNode> => cons(cons(null, d[0] as TierBandNode), d[2] as TierBandNode);

interface Method { method: 'marginal' | 'retroactive'; range: Range }
export function tierMethod(d: Data): Method {
  return { method: lower(d[3] as Token) as 'marginal' | 'retroactive', range: span(d) };
}

export function tiered(d: Data): PaymentNode {
  const [intro, bands, method] = d as [Intro | null, List<TierBandNode>, Method | null];
  return { kind: 'tiered', intro: intro?.intro ?? null, bands: toArray(bands), method: method?.method ?? null, range: span(d) };
}

// --- increments --------------------------------------------------------------------------------

export function perIncrement(d: Data): PaymentNode {
  const [, noun, , amount, , , full, increment, , base, excess, proRata] = d as [
    Token, Token[], Token, MoneyNode, Token, Token, Token | null, MoneyNode, Token, Basis, [Excess, MoneyNode] | null, unknown,
  ];
  return {
    kind: 'per-increment',
    noun: words(noun) as Noun,
    amount,
    full: full !== null,
    increment,
    basis: base.basis,
    comparator: excess ? excess[0].comparator : null,
    threshold: excess ? excess[1] : null,
    proRata: proRata !== null,
    range: span(d),
  };
}

// --- caps and floors ---------------------------------------------------------------------------

type LimitPeriod = { per: PeriodUnit; perWritten: LimitNode['perWritten']; range: Range };

export function limitPeriod(d: Data): LimitPeriod {
  const tokens = d as Token[];
  const unit = tokens[tokens.length - 1];
  const written = words(tokens.slice(0, -1)) as LimitNode['perWritten'];
  return { per: lower(unit) as PeriodUnit, perWritten: written, range: span(d) };
}

function limit(written: LimitNode['written'], amount: MoneyNode, period: LimitPeriod | null, d: Data): LimitNode {
  return { kind: 'limit', written, amount, per: period?.per ?? 'payment', perWritten: period?.perWritten ?? null, range: span(d) };
}

export const notToExceed = (d: Data): LimitNode => limit('not to exceed', d[3] as MoneyNode, d[4] as LimitPeriod | null, d);
export const maximum = (d: Data): LimitNode => limit('up to a maximum of', d[5] as MoneyNode, d[6] as LimitPeriod | null, d);
export const minimum = (d: Data): LimitNode => limit('with a minimum of', d[4] as MoneyNode, null, d);

type Limits = { cap: LimitNode | null; floor: LimitNode | null };
export const capOnly = (d: Data): Limits => ({ cap: d[0] as LimitNode, floor: null });
export const floorOnly = (d: Data): Limits => ({ cap: null, floor: d[0] as LimitNode });
export const capThenFloor = (d: Data): Limits => ({ cap: d[0] as LimitNode, floor: d[2] as LimitNode });
export const floorThenCap = (d: Data): Limits => ({ cap: d[2] as LimitNode, floor: d[0] as LimitNode });

export function limited(d: Data): LimitedPaymentNode {
  const [payment, , limits] = d as [UnlimitedPaymentNode, Token | null, Limits];
  return { kind: 'limited', payment, cap: limits.cap, floor: limits.floor, range: span(d) };
}

// --- when a payment falls due ------------------------------------------------------------------

export function dueAfterPeriod(d: Data): DueNode {
  const calendar = d[9] as Token | null;
  return { kind: 'due', days: Number(digits(d[2] as Token)), after: lower(d[10] as Token) as PeriodUnit, calendar: calendar !== null, range: span(d) };
}

export function dueAfterAchievement(d: Data): DueNode {
  return { kind: 'due', days: Number(digits(d[2] as Token)), after: 'achievement', calendar: false, range: span(d) };
}

export function timed(d: Data): TimedPaymentNode {
  const [payment, , due] = d as [UnlimitedPaymentNode | LimitedPaymentNode, Token | null, DueNode];
  return { kind: 'timed', payment, due, range: span(d) };
}
