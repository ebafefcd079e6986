/**
 * Postprocessors for payment mechanics: rates on the excess, tiers, increments, caps and floors.
 * Like grammar/builders.ts they only build nodes; whether bands join up, or which tier reading
 * the words give, is decided by the checker (src/language/check-payments.ts).
 */
import type {
  LimitNode, LimitedPaymentNode, MoneyNode, PaymentIntro, PaymentNode, PeriodUnit, SalesBasis, ThresholdNode,
  TierBandNode, UnlimitedPaymentNode,
} from '../src/language/ast';
import { cons, digits, lower, span, toArray, type Data, type List } from './builders';
import type { Token } from './lexer';

type Noun = 'commission' | 'bonus' | 'commission payment';
type Comparator = 'in excess of' | 'above' | 'over';

const words = (tokens: Token[]): string => tokens.map(lower).join(' ');

/** "a commission of", "a bonus equal to". */
export function paymentIntro(d: Data): PaymentIntro {
  const [, noun, link] = d as [Token, Token[], Token[]];
  return { noun: words(noun) as Noun, link: words(link) as 'equal to' | 'of' };
}

/** "the net sales revenue", "Net Sales", "sales": the basis, or null when neither gross nor net is said. */
export function salesBase(d: Data): SalesBasis {
  const basis = d[1] as Token | null;
  return basis ? (lower(basis) as 'gross' | 'net') : null;
}

export function excessWord(d: Data): Comparator {
  return words(d as Token[]) as Comparator;
}

export function targetReference(d: Data): ThresholdNode {
  return { kind: 'target-reference', range: span(d) };
}

export function bareRate(d: Data): PaymentNode {
  const [percent, , , basis] = d as [Token, Token, Token, SalesBasis];
  return { kind: 'rate', percent: digits(percent, true), basis, range: span(d) };
}

export function rateOnExcess(d: Data): PaymentNode {
  const [intro, percent, , , basis, comparator, threshold] = d as [PaymentIntro, Token, Token, Token, SalesBasis, Comparator, ThresholdNode];
  return { kind: 'rate-on-excess', intro, percent: digits(percent, true), basis, comparator, threshold, range: span(d) };
}

// --- tiers -------------------------------------------------------------------------------------

interface BandRange {
  lower: TierBandNode['lower'];
  from: MoneyNode | null;
  upper: TierBandNode['upper'];
  to: MoneyNode | null;
}

export const upTo = (d: Data): BandRange => ({ lower: null, from: null, upper: d.length > 3 ? 'up to and including' : 'up to', to: d[d.length - 1] as MoneyNode });
export const aboveAmount = (d: Data): BandRange => ({ lower: d[0] as Comparator, from: d[1] as MoneyNode, upper: null, to: null });
export const aboveRest = (d: Data): BandRange => ({ lower: d[0] as Comparator, from: null, upper: null, to: null });
export const fromTo = (d: Data): BandRange => ({ lower: lower(d[0]) as 'from' | 'between', from: d[1] as MoneyNode, upper: lower(d[2]) as 'to' | 'and', to: d[3] as MoneyNode });

/** "the portion of" or "all": what the band's sales are called. */
export function bandQuantifier(d: Data): TierBandNode['quantifier'] {
  return (d[0] as Token).type === 'all' ? 'all' : 'portion';
}

export function band(d: Data): TierBandNode {
  const [percent, , , quantifier, basis, range] = d as [Token, Token, Token, TierBandNode['quantifier'], SalesBasis, BandRange];
  return { kind: 'tier-band', percent: digits(percent, true), basis, quantifier, ...range, range: span(d) };
}

/** "3% on the first $100,000 of Net Sales" (the grammar takes the word "first" only: no other ordinal starts a band). */
export function firstBand(d: Data): TierBandNode {
  const [percent, , , , , to, , basis] = d as [Token, Token, Token, Token, Token, MoneyNode, Token, SalesBasis];
  return { kind: 'tier-band', percent: digits(percent, true), basis, quantifier: 'first', lower: null, from: null, upper: 'first', to, range: span(d) };
}

/** "2% of all additional Revenues": the band above the previous one. */
export function additionalBand(d: Data): TierBandNode {
  const [percent, , , , , basis] = d as [Token, Token, Token, Token | null, Token, SalesBasis];
  return { kind: 'tier-band', percent: digits(percent, true), basis, quantifier: 'additional', lower: null, from: null, upper: null, to: null, range: span(d) };
}

export const bandPair = (d: Data): List<TierBandNode> => cons(cons(null, d[0] as TierBandNode), d[2] as TierBandNode);

export function tierMethod(d: Data): 'marginal' | 'retroactive' {
  return lower(d[3] as Token) as 'marginal' | 'retroactive';
}

export function tiered(d: Data): PaymentNode {
  const [intro, bands, method] = d as [PaymentIntro, List<TierBandNode>, 'marginal' | 'retroactive' | null];
  return { kind: 'tiered', intro, bands: toArray(bands), method, range: span(d) };
}

// --- increments --------------------------------------------------------------------------------

export function perIncrement(d: Data): PaymentNode {
  const [, noun, , amount, , , full, increment, , basis, excess, proRata] = d as [
    Token, Token[], Token, MoneyNode, Token, Token, Token | null, MoneyNode, Token, SalesBasis, [Comparator, MoneyNode] | null, unknown,
  ];
  return {
    kind: 'per-increment',
    noun: words(noun) as Noun,
    amount,
    full: full !== null,
    increment,
    basis,
    comparator: excess ? excess[0] : null,
    threshold: excess ? excess[1] : null,
    proRata: proRata !== null,
    range: span(d),
  };
}

// --- caps and floors ---------------------------------------------------------------------------

type LimitPeriod = { per: PeriodUnit; perWritten: LimitNode['perWritten'] };

export function limitPeriod(d: Data): LimitPeriod {
  const tokens = d as Token[];
  const unit = tokens[tokens.length - 1];
  const written = words(tokens.slice(0, -1)) as LimitNode['perWritten'];
  return { per: lower(unit) as PeriodUnit, perWritten: written };
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
