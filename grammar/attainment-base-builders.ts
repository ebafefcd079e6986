/**
 * Postprocessors for attainment tables whose payouts are percentages of one amount named once:
 * "The Executive's bonus for 2026, as a percentage of Base Salary ($200,000), shall be determined by
 * performance relative to the revenue target of $10,000,000 as follows: 0% if revenue is <95% of revenue
 * target; 50% if >95% and <100% of revenue target; …". Like grammar/attainment-builders.ts they only
 * build nodes: gaps and overlaps between the bands are the checker's (src/language/check-attainment.ts).
 */
import type { AttainmentBandNode, AttainmentBaseNode, AttainmentPayoutNode, AttainmentRewardNode, CalendarPeriodWindowNode, MilestoneNode, MoneyNode, PartyNode, PaymentNode, Range, TargetNode, WindowNode } from '../src/language/ast';
import { cons, digits, lower, party, span, toArray, type ClauseDraft, type Data, type List } from './builders';
import { attainmentClause } from './attainment-builders';
import { MONTH_NAMES, type Token } from './lexer';

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
  payee: PartyNode | null;
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

/** "October 31": a month and day, "MM-DD". */
export interface MonthDay { date: string; range: Range }
export function monthDay(d: Data): MonthDay {
  const [month, day] = d as [Token, Token];
  const two = (n: number): string => String(n).padStart(2, '0');
  return { date: `${two(MONTH_NAMES[lower(month)])}-${two(Number(digits(day)))}`, range: span(d) };
}

/** "October 31, January 31, April 30 and July 31": the quarters' last days, in the order written. */
export function quarterEnds(d: Data): MonthDay[] {
  return (d as unknown[]).filter((x): x is MonthDay => typeof x === 'object' && x !== null && 'date' in x);
}

/** "0-50%", "61%-70%": both ends included. */
export const dashRange = (d: Data): Bounds => ({ range: span(d), written: 'dash', from: pct(d[0]), fromStrict: false, to: pct(d[2]), toStrict: false });
/** ">70%-80%": above the first, up to and including the second. */
export const signDashRange = (d: Data): Bounds => ({ range: span(d), written: 'sign dash', from: pct(d[1]), fromStrict: true, to: pct(d[3]), toStrict: false });

/** "51-60%: 15%". */
export function rangeBand(d: Data): PendingBand {
  const [bounds, , percent] = d as [Bounds, Token, Token];
  return { percent: pct(percent), bounds, range: span(d) };
}

/**
 * "At the end of each fiscal quarter (October 31, January 31, April 30 and July 31) the commission is calculated based on
 * achievement of the quarterly Revenue Goal of $200,000 and is expressed as a percentage of the base salary earned in
 * the quarter ($25,000): Attainment of Revenue Goal / Commission Payable: …". The fiscal year starts the day after the
 * last end written; whether the ends are the last days of quarters is the checker's.
 */
export function quarterEndTable(d: Data): ClauseDraft {
  const ends = d[8] as MonthDay[];
  const last = ends[ends.length - 1];
  const yearStart = `${String((Number(last.date.slice(0, 2)) % 12) + 1).padStart(2, '0')}-01`;
  const window: CalendarPeriodWindowNode = { kind: 'calendar-period', unit: 'quarter', yearStart, selection: { kind: 'each' }, written: 'in each', range: span(d[4], d[9]) };
  const draft = table(
    { layout: 'quarter-ends', payee: null, noun: d[11] as Token[], window, baseWords: d[32] as List<Token>, amount: d[38] as MoneyNode, metric: d[20] as Metric, quotaNoun: d[21] as Token[], quota: d[23] as MoneyNode, bands: d[49] as List<PendingBand> },
    d,
  );
  const m = (draft.milestones as { value: MilestoneNode }).value;
  const payment = m.payment as PaymentNode & { kind: 'attainment' };
  (payment.base as AttainmentBaseNode).periodEnds = ends.map((e) => e.date);
  return draft;
}

// --- reward tables: amounts by the period's own total, once an objective is met ---------------------------------

/** "the monthly sales quota" after the first heading words: "the" and the words after it. */
export function leadEnd(d: Data): Token[] {
  const [the, words] = d as [Token, List<Token>];
  return [the, ...toArray(words)];
}

/** "less than 500 units". */
export const countBelow = (d: Data): Bounds => ({ range: span(d), written: 'less than', from: null, fromStrict: false, to: digits(d[2] as Token, true), toStrict: true });
/** "more than 1,001 units". */
export const countAbove = (d: Data): Bounds => ({ range: span(d), written: 'more than', from: digits(d[2] as Token, true), fromStrict: true, to: null, toStrict: false });
/** "more than 500 units but less than 1,000 units". */
export const countBetween = (d: Data): Bounds => ({
  range: span(d), written: 'more than but less than', from: digits(d[2] as Token, true), fromStrict: true, to: digits(d[7] as Token, true), toStrict: true,
});

/** "RMB 2,500.00 for sales of more than 500 units but less than 1,000 units". */
export function rewardBand(d: Data): AttainmentBandNode {
  const [amount, , , , bounds] = d as [MoneyNode, Token, Token, Token, Bounds];
  const { written, from, fromStrict, to, toStrict } = bounds;
  return { kind: 'attainment-band', written, from, fromStrict, to, toStrict, payout: { kind: 'amount', amount }, range: span(d) };
}

/**
 * "Reward for accomplishment of the monthly sales quota: a Class A regional distributor that accomplishes its sales
 * objective for the current month (400 units) shall receive a reward based on its actual sales volume, as follows: …":
 * the objective is the milestone's target, each calendar period (the "current month") its window.
 */
export function rewardTable(d: Data): ClauseDraft {
  const leadTokens = [...toArray(d[0] as List<Token>), ...((d[1] as Token[] | null) ?? [])];
  const unit = d[13] as Token;
  const window: CalendarPeriodWindowNode = {
    kind: 'calendar-period', unit: lower(unit) as 'month' | 'quarter' | 'year', yearStart: '01-01', selection: { kind: 'each' }, written: 'in each', range: span(d[11], unit),
  };
  const target: TargetNode = { kind: 'units', count: digits(d[15] as Token), product: null, range: span(d[15], d[16]) };
  const bands = d[32] as List<AttainmentBandNode>;
  const reward: AttainmentRewardNode = { kind: 'attainment-reward', lead: leadTokens.map((t) => t.value).join(' '), range: span(leadTokens) };
  const payment: PaymentNode = { kind: 'attainment', noun: 'payment', bands: toArray(bands), reward, range: span(d[20], bands) };
  const milestone: MilestoneNode = { kind: 'milestone', label: null, labelSource: null, target, window, payment, range: span(d[5], bands) };
  return { kind: 'clause', form: 'attainment', party: party(d[4] as List<Token>), milestones: cons(null, milestone), payments: null, range: span(d) };
}
