/**
 * Postprocessors for a target incentive pro-rated by attainment of a quota, written as sentences: "The Participant's
 * target incentive is $12,000 per calendar quarter at 100% attainment of the quarterly Bookings quota of $300,000. No
 * incentive is paid for attainment below 80% of quota. At 80% attainment the Participant earns 50% of target; between 80%
 * and 100% attainment the payout is pro-rated on a straight-line basis; at 100% attainment or more the Participant earns
 * 100% of target." They build the attainment table those sentences state (AttainmentPaymentNode with `targetIncentive`);
 * whether its bands join up is the attainment checker's (src/language/check-attainment.ts).
 */
import type { AttainmentBandNode, MilestoneNode, MoneyNode, PartyNode, PaymentNode, TargetNode, WindowNode } from '../src/language/ast';
import { cons, digits, lower, span, toArray, type ClauseDraft, type Data, type List } from './builders';
import type { Token } from './lexer';
import { normalizeText } from '../src/values/text-key';

const pct = (t: Token): string => digits(t, true);

/** The figure 100, as in "at 100% attainment": a target incentive is the payout at the full quota. */
export const hundredFigure = { test: (t: Token): boolean => t.type === 'number' && t.value === '100', samples: ['100'] };

/** A band before the target incentive is known: its share of the target, or nothing, or interpolated. */
type Band = Omit<AttainmentBandNode, 'payout'> & { payout: { kind: 'nothing' } | { kind: 'interpolated' } | { kind: 'share-of-target'; percent: string } };

/** "No incentive is paid for attainment below 80% of quota.": below it, nothing. */
export function floorBand(d: Data): Band {
  return { kind: 'attainment-band', written: 'below', from: null, fromStrict: false, to: pct(d[7] as Token), toStrict: true, payout: { kind: 'nothing' }, range: span(d) };
}

/** "At 80% attainment the Participant earns 50% of target". */
export function pointBand(d: Data): Band {
  const [, at, , , , , share] = d as Token[];
  return { kind: 'attainment-band', written: 'point', from: pct(at), fromStrict: false, to: pct(at), toStrict: false, payout: { kind: 'share-of-target', percent: pct(share) }, range: span(d) };
}

/** "at 100% attainment or more the Participant earns 100% of target". */
export function orMoreBand(d: Data): Band {
  const [, at, , , , , , , share] = d as Token[];
  return { kind: 'attainment-band', written: 'or more', from: pct(at), fromStrict: false, to: null, toStrict: false, payout: { kind: 'share-of-target', percent: pct(share) }, range: span(d) };
}

/** "between 80% and 100% attainment the payout is pro-rated on a straight-line basis". */
export function interpolatedBand(d: Data): Band {
  const [, from, , to] = d as Token[];
  return { kind: 'attainment-band', written: 'from to', from: pct(from), fromStrict: false, to: pct(to), toStrict: false, payout: { kind: 'interpolated' }, range: span(d) };
}

export function incentiveClause(d: Data): ClauseDraft {
  const [, owner, , , , incentive, window, , , , , , , adjective, basis, noun, , , quotaAmount, , floor, bands] = d as [
    Token, Token, Token, Token, Token, MoneyNode, WindowNode, Token, Token, Token, Token, Token, Token, Token | null, Token | null, Token[], Token, Token, MoneyNode, Token, Band, List<Band>,
  ];
  const words = [...(basis ? [basis] : []), ...noun].map((t) => t.value);
  const term = normalizeText(words.join(' '));
  const target: TargetNode = { kind: 'revenue', amount: quotaAmount, basis: basis ? (lower(basis) as 'gross' | 'net') : null, term, range: span(adjective ?? basis ?? noun, quotaAmount) };
  const table: AttainmentBandNode[] = [floor, ...toArray(bands)].map((b) => ({
    ...b,
    payout: b.payout.kind === 'share-of-target' ? { kind: 'share', percent: b.payout.percent, of: incentive } : b.payout,
  }));
  const payment: PaymentNode = { kind: 'attainment', noun: 'incentive', bands: table, targetIncentive: incentive, range: span(d) };
  const party: PartyNode = { kind: 'party', name: normalizeText(owner.value.replace(/['’]s$/, '')), range: span(owner) };
  const milestone: MilestoneNode = { kind: 'milestone', label: null, labelSource: null, target, window, payment, range: span(d) };
  return { kind: 'clause', form: 'attainment', party, milestones: cons(null, milestone), payments: null, range: span(d) };
}
