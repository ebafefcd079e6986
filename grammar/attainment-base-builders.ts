/**
 * Postprocessors for attainment tables whose payouts are percentages of one amount named once:
 * "The Executive's bonus for 2026, as a percentage of Base Salary ($200,000), shall be determined by
 * performance relative to the revenue target of $10,000,000 as follows: 0% if revenue is <95% of revenue
 * target; 50% if >95% and <100% of revenue target; …". Like grammar/attainment-builders.ts they only
 * build nodes: gaps and overlaps between the bands are the checker's (src/language/check-attainment.ts).
 */
import type { AttainmentBandNode, AttainmentBaseNode, CalendarPeriodWindowNode, MilestoneNode, MoneyNode, PartyNode, PaymentNode, Range, TargetNode } from '../src/language/ast';
import { cons, digits, lower, span, toArray, type ClauseDraft, type Data, type List } from './builders';
import type { Token } from './lexer';

type Noun = 'commission' | 'bonus' | 'commission payment' | 'payment' | 'fee';
type Bounds = Pick<AttainmentBandNode, 'written' | 'from' | 'fromStrict' | 'to' | 'toStrict'> & { range: Range };

const pct = (t: Token): string => digits(t, true);

/** "Executive's", "Sales Executive's": the party whose bonus it is, without the possessive. */
export function owner(d: Data): PartyNode {
  const tokens = [...(d.length > 1 ? toArray(d[0] as List<Token>) : []), d[d.length - 1] as Token];
  const name = tokens.map((t) => t.value).join(' ').replace(/['’]s$/, '');
  return { kind: 'party', name, range: span(tokens) };
}

/** "<95%". */
export const signBelow = (d: Data): Bounds => ({ range: span(d), written: 'sign below', from: null, fromStrict: false, to: pct(d[1]), toStrict: true });
/** ">115%". */
export const signAbove = (d: Data): Bounds => ({ range: span(d), written: 'sign above', from: pct(d[1]), fromStrict: true, to: null, toStrict: false });
/** ">95% and <100%". */
export const signBetween = (d: Data): Bounds => ({ range: span(d), written: 'sign between', from: pct(d[1]), fromStrict: true, to: pct(d[4]), toStrict: true });

/** A band's payout is written before its condition, as a percentage of the base; the base is filled in by the clause. */
export interface PendingBand { percent: string; bounds: Bounds; range: Range }

/** "50% if >95% and <100% of revenue target". */
export function conditionBand(d: Data): PendingBand {
  const [percent, , , bounds] = d as [Token, Token, unknown, Bounds];
  return { percent: pct(percent), bounds, range: span(d) };
}

/** The band with its payout a share of the base ("0%" is a share too: nothing is then owed). */
function withBase(b: PendingBand, base: MoneyNode): AttainmentBandNode {
  const { written, from, fromStrict, to, toStrict } = b.bounds;
  return { kind: 'attainment-band', written, from, fromStrict, to, toStrict, payout: { kind: 'share', percent: b.percent, of: base }, range: b.range };
}

/** "The Executive's bonus for 2026, as a percentage of Base Salary ($200,000), shall be determined by performance relative to the revenue target of $10,000,000 as follows: …". */
export function conditionsTable(d: Data): ClauseDraft {
  const payee = d[1] as PartyNode;
  const noun = d[2] as Token[];
  const year = d[4] as Token;
  const baseWords = d[10] as List<Token>;
  const amount = d[12] as MoneyNode;
  const metric = d[23] as { term: string; basis: 'gross' | 'net' | null; range: Range };
  const quotaNoun = d[24] as Token[];
  const quota = d[26] as MoneyNode;
  const bands = d[30] as List<PendingBand>;
  const yearRange = span(year);
  const window: CalendarPeriodWindowNode = {
    kind: 'calendar-period', unit: 'year', yearStart: '01-01', selection: { kind: 'named', year: Number(digits(year)), n: 1 }, written: 'named', range: yearRange,
  };
  const nameTokens = toArray(baseWords);
  const base: AttainmentBaseNode = {
    kind: 'attainment-base', layout: 'conditions', name: nameTokens.map((t) => t.value).join(' '), amount, quotaNoun: lower(quotaNoun[0]) as AttainmentBaseNode['quotaNoun'], range: span(nameTokens, amount),
  };
  const target: TargetNode = { kind: 'revenue', amount: quota, basis: metric.basis, term: metric.term, range: span(metric, quota) };
  const payment: PaymentNode = { kind: 'attainment', noun: noun.map(lower).join(' ') as Noun, bands: toArray(bands).map((b) => withBase(b, amount)), base, range: span(noun, bands) };
  const milestone: MilestoneNode = { kind: 'milestone', label: null, labelSource: null, target, window, payment, range: span(year, bands) };
  return { kind: 'clause', form: 'attainment', party: payee, milestones: cons(null, milestone), payments: null, range: span(d) };
}
