/**
 * Postprocessors for attainment tables whose payouts are percentages of one amount named once:
 * "The Executive's bonus for 2026, as a percentage of Base Salary ($200,000), shall be determined by
 * performance relative to the revenue target of $10,000,000 as follows: 0% if revenue is <95% of revenue
 * target; 50% if >95% and <100% of revenue target; …". Like grammar/attainment-builders.ts they only
 * build nodes: gaps and overlaps between the bands are the checker's (src/language/check-attainment.ts).
 */
import type { AttainmentBandNode, AttainmentBaseNode, AttainmentPayoutNode, CalendarPeriodWindowNode, MilestoneNode, MoneyNode, PartyNode, PaymentNode, Range, TargetNode, WindowNode } from '../src/language/ast';
import { cons, digits, lower, span, toArray, type ClauseDraft, type Data, type List } from './builders';
import { attainmentClause } from './attainment-builders';
import type { Token } from './lexer';

type Noun = 'commission' | 'bonus' | 'commission payment' | 'payment' | 'fee';
type Bounds = Pick<AttainmentBandNode, 'written' | 'from' | 'fromStrict' | 'to' | 'toStrict'> & { range: Range };

const pct = (t: Token): string => digits(t, true);

/** What follows the first party of an attainment sentence: its words, and the builder of the clause from them. */
interface Tail { build: (d: Data) => ClauseDraft; d: Data }

/**
 * "The Executive's": whose bonus it is, without the possessive (the range keeps it, so that the checker can
 * tell that it was written: src/language/check-attainment.ts).
 */
function owner(party: PartyNode): PartyNode {
  return { ...party, name: party.name.replace(/['’]s$/, '') };
}

/** The clause: the first party, then the rest of the sentence, read by the builder of its form. */
export function afterParty(d: Data): ClauseDraft {
  const [party, tail] = d as [PartyNode, Tail];
  return tail.build([party, ...tail.d]);
}

export const quotaTail = (d: Data): Tail => ({ build: attainmentClause, d });
export const conditionsTail = (d: Data): Tail => ({ build: conditionsTable, d });
export const pointsTail = (d: Data): Tail => ({ build: pointsTable, d });

/** "<95%". */
export const signBelow = (d: Data): Bounds => ({ range: span(d), written: 'sign below', from: null, fromStrict: false, to: pct(d[1]), toStrict: true });
/** ">115%". */
export const signAbove = (d: Data): Bounds => ({ range: span(d), written: 'sign above', from: pct(d[1]), fromStrict: true, to: null, toStrict: false });
/** ">95% and <100%". */
export const signBetween = (d: Data): Bounds => ({ range: span(d), written: 'sign between', from: pct(d[1]), fromStrict: true, to: pct(d[4]), toStrict: true });

/** A band's payout as a percentage of the base (null: "Zero", nothing); the base is filled in by the clause. */
export interface PendingBand { percent: string | null; bounds: Bounds; range: Range }

/** "50% if >95% and <100% of revenue target". */
export function conditionBand(d: Data): PendingBand {
  const [percent, , , bounds] = d as [Token, Token, unknown, Bounds];
  return { percent: pct(percent), bounds, range: span(d) };
}

/** "90.0% - 50.0%", "85.0% - Zero": the payout at that attainment exactly. */
export function pointBand(d: Data): PendingBand {
  const [at, , payout] = d as [Token, Token, Token];
  const bounds: Bounds = { range: span(at), written: 'point', from: pct(at), fromStrict: false, to: pct(at), toStrict: false };
  return { percent: payout.type === 'word' ? null : pct(payout), bounds, range: span(d) };
}

/** The band with its payout a share of the base ("0%" is a share too: nothing is then owed). */
function withBase(b: PendingBand, base: MoneyNode): AttainmentBandNode {
  const { written, from, fromStrict, to, toStrict } = b.bounds;
  const payout: AttainmentPayoutNode = b.percent === null ? { kind: 'nothing' } : { kind: 'share', percent: b.percent, of: base };
  return { kind: 'attainment-band', written, from, fromStrict, to, toStrict, payout, range: b.range };
}

interface TableParts {
  layout: AttainmentBaseNode['layout'];
  payee: PartyNode;
  noun: Token[];
  window: WindowNode;
  baseWords: List<Token>;
  amount: MoneyNode;
  metric: { term: string; basis: 'gross' | 'net' | null; range: Range };
  quotaNoun: Token[];
  quota: MoneyNode;
  bands: List<PendingBand>;
}

function table(p: TableParts, d: Data): ClauseDraft {
  const nameTokens = toArray(p.baseWords);
  const base: AttainmentBaseNode = {
    kind: 'attainment-base', layout: p.layout, name: nameTokens.map((t) => t.value).join(' '), amount: p.amount, quotaNoun: lower(p.quotaNoun[0]) as AttainmentBaseNode['quotaNoun'], range: span(nameTokens, p.amount),
  };
  const target: TargetNode = { kind: 'revenue', amount: p.quota, basis: p.metric.basis, term: p.metric.term, range: span(p.metric, p.quota) };
  const payment: PaymentNode = { kind: 'attainment', noun: p.noun.map(lower).join(' ') as Noun, bands: toArray(p.bands).map((b) => withBase(b, p.amount)), base, range: span(p.noun, p.bands) };
  const milestone: MilestoneNode = { kind: 'milestone', label: null, labelSource: null, target, window: p.window, payment, range: span(p.window, p.bands) };
  return { kind: 'clause', form: 'attainment', party: p.payee, milestones: cons(null, milestone), payments: null, range: span(d) };
}

type Metric = TableParts['metric'];

/** "The Executive's bonus for 2026, as a percentage of Base Salary ($200,000), shall be determined by performance relative to the revenue target of $10,000,000 as follows: …". */
function conditionsTable(d: Data): ClauseDraft {
  const year = d[3] as Token;
  const window: CalendarPeriodWindowNode = {
    kind: 'calendar-period', unit: 'year', yearStart: '01-01', selection: { kind: 'named', year: Number(digits(year)), n: 1 }, written: 'named', range: span(year),
  };
  return table(
    { layout: 'conditions', payee: owner(d[0] as PartyNode), noun: d[1] as Token[], window, baseWords: d[9] as List<Token>, amount: d[11] as MoneyNode, metric: d[22] as Metric, quotaNoun: d[23] as Token[], quota: d[25] as MoneyNode, bands: d[29] as List<PendingBand> },
    d,
  );
}

/** "The Participant's bonus for the Fiscal Year beginning April 1, 2026 shall be the percentage of the Target Bonus ($40,000) set out below opposite the Percent of Net Revenues plan ($2,000,000) achieved: Percent of Net Revenues / Bonus: …". */
function pointsTable(d: Data): ClauseDraft {
  return table(
    { layout: 'points', payee: owner(d[0] as PartyNode), noun: d[1] as Token[], window: d[4] as WindowNode, baseWords: d[11] as List<Token>, amount: d[13] as MoneyNode, metric: d[22] as Metric, quotaNoun: d[23] as Token[], quota: d[25] as MoneyNode, bands: d[35] as List<PendingBand> },
    d,
  );
}
