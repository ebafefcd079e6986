/**
 * Postprocessors for amounts owed increment by increment: "… a bonus of $1,000 for each full one hundred
 * (100) Units … in any Calendar Quarter in excess of five hundred (500) Units", "For every $100,000 of Net
 * Sales achieved in a Calendar Year, … a bonus of $2,500", "… £1,000 for each New Client in excess of five
 * (5) … in any Calendar Quarter". Like grammar/builders.ts they only build nodes: the milestone is the
 * threshold, the payment (EachIncrementPaymentNode) the amount and the increment; what they mean is the
 * evaluator's (src/evaluation/payments/increments.ts).
 */
import type {
  CalendarPeriodWindowNode, ComparatorNode, EachIncrementPaymentNode, FiscalYearStatementNode, LimitNode, MeasureNode, MilestoneNode, MoneyNode, PartyNode, PaymentNode,
  PerIncrementPaymentNode, Range, TargetNode, WindowNode,
} from '../src/language/ast';
import { cons, digits, lower, span, toArray, type Data, type List } from './builders';
import type * as b from './builders';
import { MONTH_NAMES, type Token } from './lexer';
import { normalizeText } from '../src/values/text-key';

type Noun = EachIncrementPaymentNode['noun'];

/** What is paid per increment, before the increment is known. */
interface Paid { noun: Noun; amount: MoneyNode; range: Range }

/** "a bonus of $1,000", "a commission equal to $500". */
export function nounAmount(d: Data): Paid {
  const [, noun, , amount] = d as [unknown, Token[], unknown, MoneyNode];
  return { noun: noun.map(lower).join(' ') as Noun, amount, range: span(d) };
}

/** "One Thousand Pounds (£1,000)": the amount alone. */
export function bareAmount(d: Data): Paid {
  return { noun: null, amount: d[0] as MoneyNode, range: span(d) };
}

/** The increment and threshold written after the amount, with the milestone they make. */
interface Tail {
  quantifier: 'each' | 'every';
  full: boolean;
  size: string;
  target: TargetNode;
  comparator: ComparatorNode;
  window: WindowNode;
  achiever: PartyNode | null;
  counted: string | null;
  range: Range;
}

const scopeText = (scopes: List<{ text: string }>): string | null => (scopes ? toArray(scopes).map((x) => x.text).join(' ') : null);

function excess(tokens: Token[]): ComparatorNode {
  return { kind: 'comparator', strict: true, words: 'in excess of', range: span(tokens) };
}

/** "for each full one hundred (100) Units of Products sold by the Distributor in any Calendar Quarter in excess of five hundred (500) Units". */
export function unitsTail(d: Data): Tail {
  const [, , full, size, , scopes, soldBy, window, inWord, excessWord, of, threshold, unitNoun] = d as [
    Token, Token, Token | null, Token, unknown, List<{ text: string }>, PartyNode | null, WindowNode, Token, Token, Token, Token, Token[],
  ];
  const scope = scopeText(scopes);
  const target: TargetNode = { kind: 'units', count: digits(threshold), product: null, ...(scope !== null ? { scope } : {}), range: span(threshold, unitNoun) };
  return {
    quantifier: 'each', full: full !== null, size: digits(size), target, comparator: excess([inWord, excessWord, of]), window, achiever: soldBy, counted: null, range: span(d),
  };
}

/** "sold by the Distributor": the party whose sales count. */
export const soldBy = (d: Data): PartyNode => d[2] as PartyNode;

/** "for each full $100,000 of Net Sales in any Calendar Quarter in excess of $500,000". */
export function moneyTail(d: Data): Tail {
  const [, , full, size, , metric, scopes, window, inWord, excessWord, of, threshold] = d as [
    Token, Token, Token | null, MoneyNode, Token, { term: string; basis: 'gross' | 'net' | null }, List<{ text: string }>, WindowNode, Token, Token, Token, MoneyNode,
  ];
  const scope = scopeText(scopes);
  const target: TargetNode = { kind: 'revenue', amount: threshold, basis: metric.basis, term: metric.term, ...(scope !== null ? { scope } : {}), range: span(d) };
  return {
    quantifier: 'each', full: full !== null, size: size.amount, target, comparator: excess([inWord, excessWord, of]), window, achiever: null, counted: null, range: span(d),
  };
}

/** "for each New Client in excess of five (5) with which a Sale Agreement is entered into in any Calendar Quarter". */
export function customersTail(d: Data): Tail {
  const [, , , noun, inWord, excessWord, of, threshold, counted, window] = d as [
    Token, Token, Token, Token, Token, Token, Token, Token, string | null, WindowNode,
  ];
  const plural = lower(noun).startsWith('client') ? 'clients' : 'customers';
  const target: TargetNode = { kind: 'new-customers', count: digits(threshold), noun: plural, range: span(noun, threshold) };
  return {
    quantifier: 'each', full: false, size: '1', target, comparator: excess([inWord, excessWord, of]), window, achiever: null, counted, range: span(d),
  };
}

/** "with which a Sale Agreement is entered into": the words between "with which" and "is entered into". */
export function countedBy(d: Data): string {
  const [, , a, words] = d as [Token, Token, Token, List<Token>];
  return normalizeText([a, ...toArray(words)].map((t) => t.value).join(' '));
}

function payment(paid: Paid, tail: Pick<Tail, 'quantifier' | 'full' | 'size' | 'counted'>, from: EachIncrementPaymentNode['from'], range: Range): PaymentNode {
  return {
    kind: 'each-increment', noun: paid.noun, amount: paid.amount, quantifier: tail.quantifier, full: tail.full, size: tail.size, from,
    ...(tail.counted !== null ? { counted: tail.counted } : {}), range,
  };
}

/** A clause of one milestone, the threshold, paid increment by increment. */
function clause(form: 'payer-pays' | 'conditional', payer: PartyNode, payee: PartyNode, milestone: MilestoneNode, range: Range): b.ClauseDraft {
  return { kind: 'clause', form, payer, party: payee, milestones: cons(null, milestone), payments: null, range } as b.ClauseDraft;
}

export interface IncrementSentence { clause: b.ClauseDraft; range: Range }

/** "<Payer> shall pay <Payee> <amount> for each <increment> … in excess of <threshold>". */
export function paymentFirst(d: Data): IncrementSentence {
  const [payer, , , , payee, paid, tail] = d as [PartyNode, unknown, Token, unknown, PartyNode, Paid, Tail];
  const milestone: MilestoneNode = {
    kind: 'milestone', label: null, labelSource: null, target: tail.target, window: tail.window,
    payment: payment(paid, tail, 'threshold', span(paid, tail)), comparator: tail.comparator,
    ...(tail.achiever ? { achiever: tail.achiever } : {}), range: tail.range,
  };
  return { clause: clause('payer-pays', payer, payee, milestone, span(d)), range: span(d) };
}

/** "For every $100,000 of Net Sales achieved in a Calendar Year, <Payer> shall pay <Payee> <amount>": from zero, the first increment is the milestone. */
export function incrementFirst(d: Data): IncrementSentence {
  const [forWord, quantifier, size, , metric, , window, , payer, , , , payee, paid] = d as [
    Token, Token[], MoneyNode, Token, { term: string; basis: 'gross' | 'net' | null; range: Range }, Token | null, WindowNode, Token, PartyNode, unknown, Token, unknown, PartyNode, Paid,
  ];
  const q = lower(quantifier[0]) as 'each' | 'every';
  const target: TargetNode = { kind: 'revenue', amount: size, basis: metric.basis, term: metric.term, range: span(size, metric) };
  const comparator: ComparatorNode = { kind: 'comparator', strict: false, words: `for ${q}`, range: span(forWord, quantifier) };
  const milestone: MilestoneNode = {
    kind: 'milestone', label: null, labelSource: null, target, window,
    payment: payment(paid, { quantifier: q, full: false, size: size.amount, counted: null }, 'zero', span(d)), comparator, range: span(d),
  };
  return { clause: clause('conditional', payer, payee, milestone, span(d)), range: span(d) };
}

/** The sentence, its provisos (a cap) and its period. */
export function incrementClause(d: Data): b.ClauseDraft {
  const [sentence, provisos, period] = d as [IncrementSentence, List<Proviso> | null, Token];
  if (!provisos) return { ...sentence.clause, range: span(d) };
  const first = (sentence.clause.milestones as NonNullable<List<MilestoneNode>>).value;
  const payment = bounded(first.payment as EachIncrementPaymentNode, toArray(provisos));
  return { ...sentence.clause, milestones: cons(null, { ...first, payment }), range: span(sentence, period) };
}

type Proviso = ({ cap: LimitNode } | { minimumPayout: LimitNode }) & { range: Range };

/** The amount with its provisos: a cap, a minimum payout (the first of each, as for other payer-pays amounts). */
function bounded(payment: EachIncrementPaymentNode, provisos: Proviso[]): PaymentNode {
  let cap: LimitNode | null = null;
  let minimumPayout: LimitNode | undefined;
  for (const p of provisos) {
    if ('cap' in p) cap ??= p.cap;
    else minimumPayout ??= p.minimumPayout;
  }
  return { kind: 'limited', payment, cap, floor: null, ...(minimumPayout ? { minimumPayout } : {}), range: span(payment, provisos[provisos.length - 1]) };
}

// --- the increments of a period's excess ---------------------------------------------------------

/** "during the Employment Period": the named term, as written. */
export const termBound = (d: Data): string => (d[2] as { term: string }).term;

/** "(the Company's fiscal year ends on September 30)": a fiscal-year statement written inside the clause. */
export function fiscalAside(d: Data): FiscalYearStatementNode {
  const [, , , , , verb, , month, day] = d as Token[];
  return { kind: 'fiscal-year-statement', edge: lower(verb) === 'ends' ? 'ends' : 'begins', month: MONTH_NAMES[lower(month)], day: Number(digits(day)), range: span(d) };
}

/** "the Company's": the party whose metric it is. */
export function possessor(d: Data): PartyNode {
  const word = d[1] as Token;
  return { kind: 'party', name: normalizeText(word.value.replace(/['’]s$/, '')), range: span(word) };
}

/** "the Base Revenue Amount of $1,200,000": the amount (its name labels it and changes nothing). */
export const namedAmount = (d: Data): MoneyNode => d[3] as MoneyNode;

interface ExcessCondition { achiever: PartyNode | null; metric: { term: string; basis: 'gross' | 'net' | null; range: Range }; comparator: ComparatorNode; amount: MoneyNode; range: Range }
export function excessCondition(d: Data): ExcessCondition {
  const [achiever, metric, comparator, amount] = d as [PartyNode | null, ExcessCondition['metric'], ComparatorNode, MoneyNode];
  return { achiever, metric, comparator, amount, range: span(d) };
}

/** "in any fiscal year" after a cap: the fiscal year, dated once the evaluation knows when it starts. */
export function fiscalCapPeriod(d: Data): { per: 'year'; perWritten: 'in any'; calendar: false; yearStart: string; range: Range } {
  return { per: 'year', perWritten: 'in any', calendar: false, yearStart: 'fiscal', range: span(d) };
}

/**
 * "In each fiscal year of the Company during the Employment Period (the Company's fiscal year ends on September 30) in
 * which the Company's Gross Revenues equal or exceed … $1,200,000, the Company shall pay Executive $1,000 for each $100,000
 * increment of such excess": a per-increment amount of the period's excess over the condition's threshold, counted on
 * the condition's metric ("such"), so owed once the period is over.
 */
export function excessIncrements(d: Data): IncrementSentence {
  const [inWord, , noun, , during, aside, , which, c, , payer, , , , payee, paid, , , size, , , such, excessWord] = d as [
    Token, Token, { unit: CalendarPeriodWindowNode['unit']; yearStart: string; statedMonths?: number[]; range: Range }, unknown, string | null, FiscalYearStatementNode | null,
    Token, Token, ExcessCondition, Token, PartyNode, unknown, Token, unknown, PartyNode, Paid, Token, Token, MoneyNode, Token, Token, Token, Token,
  ];
  const window: CalendarPeriodWindowNode = {
    kind: 'calendar-period', unit: noun.unit, yearStart: noun.yearStart, selection: { kind: 'each' }, written: 'in each',
    ...(noun.statedMonths ? { statedMonths: noun.statedMonths } : {}), ...(during !== null ? { during } : {}), range: span(inWord, which),
  };
  const target: TargetNode = { kind: 'revenue', amount: c.amount, basis: c.metric.basis, term: c.metric.term, range: span(c.metric, c.amount) };
  const measure: MeasureNode = { kind: 'measure', term: c.metric.term, basis: c.metric.basis, determiner: 'such', window: null, range: span(such, excessWord) };
  const payment: PaymentNode = {
    kind: 'per-increment', noun: paid.noun as PerIncrementPaymentNode['noun'], amount: paid.amount, full: false, increment: size, basis: c.metric.basis,
    comparator: null, threshold: c.amount, proRata: false, measure, excessOf: 'such', range: span(paid, excessWord),
  };
  const milestone: MilestoneNode = {
    kind: 'milestone', label: null, labelSource: null, target, window, payment, comparator: c.comparator,
    ...(c.achiever ? { achiever: c.achiever } : {}), range: span(d),
  };
  const drafted = clause('conditional', payer, payee, milestone, span(d));
  return { clause: aside ? { ...drafted, asides: [aside] } : drafted, range: span(d) };
}
