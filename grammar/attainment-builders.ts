/**
 * Postprocessors for attainment tables: "The Company shall pay the Agent, in each quarter, a bonus based
 * on attainment of the quota of $300,000 in Net Sales as follows: below 80%: nothing; 80%: $6,000; from
 * 80% to 100%: interpolated on a straight-line basis; 100% or more: $12,000." Like grammar/builders.ts
 * they only build nodes; whether the bands leave gaps or overlap is the checker's
 * (src/language/check-attainment.ts).
 */
import type { AttainmentBandNode, AttainmentPayoutNode, MilestoneNode, MoneyNode, PartyNode, PaymentNode, PeriodWordNode, Range, TargetNode, WindowNode } from '../src/language/ast';
import { cons, digits, lower, span, toArray, type ClauseDraft, type Data, type List } from './builders';
import type { Token } from './lexer';

type Noun = 'commission' | 'bonus' | 'commission payment' | 'payment' | 'fee';
/** A band's bounds and a payout, each with where it was written, so that the band's range covers them. */
type Bounds = Omit<AttainmentBandNode, 'kind' | 'payout'>;
interface Payout { payout: AttainmentPayoutNode; range: Range }

const pct = (t: Token): string => digits(t, true);

export const below = (d: Data): Bounds => ({ range: span(d), written: (d[0] as Token).type === 'below' ? 'below' : 'less than', from: null, fromStrict: false, to: pct(d[d.length - 1]), toStrict: true });
export const point = (d: Data): Bounds => ({ range: span(d), written: 'point', from: pct(d[0]), fromStrict: false, to: pct(d[0]), toStrict: false });
export const orMore = (d: Data): Bounds => ({ range: span(d), written: 'or more', from: pct(d[0]), fromStrict: false, to: null, toStrict: false });
export const moreThan = (d: Data): Bounds => ({ range: span(d), written: 'more than', from: pct(d[2]), fromStrict: true, to: null, toStrict: false });
export const fromTo = (d: Data): Bounds => ({ range: span(d), written: 'from to', from: pct(d[1]), fromStrict: false, to: pct(d[3]), toStrict: false });

export const amountPayout = (d: Data): Payout => ({ payout: { kind: 'amount', amount: d[0] as MoneyNode }, range: span(d) });
export const nothingPayout = (d: Data): Payout => ({ payout: { kind: 'nothing' }, range: span(d) });
export const sharePayout = (d: Data): Payout => ({ payout: { kind: 'share', percent: pct(d[0]), of: d[2] as MoneyNode }, range: span(d) });
export const interpolatedPayout = (d: Data): Payout => ({ payout: { kind: 'interpolated' }, range: span(d) });

export function band(d: Data): AttainmentBandNode {
  const [bounds, , paid] = d as [Bounds, Token, Payout];
  return { kind: 'attainment-band', written: bounds.written, from: bounds.from, fromStrict: bounds.fromStrict, to: bounds.to, toStrict: bounds.toStrict, payout: paid.payout, range: span(d) };
}

/** The quota: "$300,000 in Net Sales" (the metric gives gross or net, as in a payer-pays sentence). */
export function quota(d: Data): TargetNode {
  const [amount, , metric] = d as [MoneyNode, Token, { term: string; basis: 'gross' | 'net' | null; periodWord?: PeriodWordNode }];
  return { kind: 'revenue', amount, basis: metric.basis, term: metric.term, ...(metric.periodWord ? { periodWord: metric.periodWord } : {}), range: span(d) };
}

export function attainmentClause(d: Data): ClauseDraft {
  const [payer, , , , payee, , window, , , noun, , , , , , , , target, , , , bands] = d as [
    PartyNode, unknown, Token, unknown, PartyNode, Token, WindowNode, Token, Token, Token[], Token, Token, Token, Token, Token, Token, Token, TargetNode, Token, Token, Token, List<AttainmentBandNode>,
  ];
  const payment: PaymentNode = { kind: 'attainment', noun: noun.map(lower).join(' ') as Noun, bands: toArray(bands), range: span(noun, bands) };
  const milestone: MilestoneNode = { kind: 'milestone', label: null, labelSource: null, target, window, payment, range: span(window, bands) };
  return { kind: 'clause', form: 'attainment', payer, party: payee, milestones: cons(null, milestone), payments: null, range: span(d) };
}
