/**
 * Postprocessors for the phrases written before a sentence ("In addition to the Base Commission,",
 * "Commencing January 1, 2026,", "For each Calendar Year,", "On a quarterly basis,"). Like
 * grammar/builders.ts they only build nodes; what an opening means for the sentence after it (the
 * window a period gives, the day a start cuts at) is decided after parsing (src/language/openings.ts).
 */
import type { CalendarPeriodWindowNode, FixedPaymentNode, MoneyNode, PartyNode, PaymentNode, ContextOpeningNode, OpeningNode, PeriodOpeningNode, PeriodWordNode, StartOpeningNode } from '../src/language/ast';
import { normalizeText } from '../src/values/text-key';
import { conditionFirst, digits, lower, metricSubject, party, paymentOfValue, qualifierWords, span, toArray, type ClauseDraft, type Condition, type Data, type List, type PayerSentence, type Subject } from './builders';
import * as cb from './period-builders';
import type { Token } from './lexer';
import type { DueNode, MilestoneNode, PaymentDayNode, Range, SaleEventNode } from '../src/language/ast';
import { ORDINAL_WORDS } from './lexer';

/** The words of a context phrase: a space between tokens, none before a bracketed part ("Section 2(a)"). */
function subjectText(words: List<Token>): string {
  const tokens = toArray(words);
  return normalizeText(tokens.map((t, i) => (i > 0 && t.type !== 'enumerator' ? ` ${t.text}` : t.text)).join(''));
}

/** "In addition to the Base Commission," (and the same words after a payee, without the commas). */
export function inAdditionTo(d: Data): ContextOpeningNode {
  return { kind: 'context-opening', relation: 'in-addition-to', subject: subjectText(d[3] as List<Token>), range: span(d) };
}

/** "As partial consideration for the rights granted under Section 3.1,". */
export function asConsideration(d: Data): ContextOpeningNode {
  return { kind: 'context-opening', relation: 'as-consideration-for', subject: subjectText(d[4] as List<Token>), range: span(d) };
}

/** "Commencing January 1, 2026,", "Beginning on July 1, 2026,". */
export function startDate(d: Data): StartOpeningNode {
  const [verb, , date] = d as [Token, unknown, { date: string }];
  return { kind: 'start-opening', verb: lower(verb) as StartOpeningNode['verb'], date: date.date, fiscalYear: false, range: span(d) };
}

/** "Beginning with the fiscal year that starts on July 1, 2026,". */
export function startFiscalYear(d: Data): StartOpeningNode {
  const verb = d[0] as Token;
  const date = d[8] as { date: string };
  return { kind: 'start-opening', verb: lower(verb) as StartOpeningNode['verb'], date: date.date, fiscalYear: true, range: span(d) };
}

/** "For each Calendar Year,": the window "in each calendar year". */
export function forEachPeriod(d: Data): PeriodOpeningNode {
  const [forWord, each, noun] = d as [Token, Token, unknown];
  const window = cb.calendarWindow([[{ ...forWord, value: 'in' }], cb.calendarEachChoice([[each], noun])]) as CalendarPeriodWindowNode;
  return { kind: 'period-opening', written: 'for-each', window, adjective: null, range: span(d) };
}

const BASIS_UNITS = { monthly: 'month', quarterly: 'quarter', annual: 'year', yearly: 'year' } as const;

/** "On a quarterly basis,": read as each calendar quarter (the checker says when that is a choice). */
export function basisPeriod(d: Data): PeriodOpeningNode {
  const adjective = lower(d[2] as Token) as keyof typeof BASIS_UNITS;
  const range = span(d);
  const window: CalendarPeriodWindowNode = { kind: 'calendar-period', unit: BASIS_UNITS[adjective], yearStart: '01-01', selection: { kind: 'each' }, written: 'in each', range };
  return { kind: 'period-opening', written: 'basis', window, adjective, range };
}

/** A sentence clause with its opening; the heading, when written, comes first. */
export function openedClause(d: Data): ClauseDraft {
  const [heading, opening, clause] = d as [ClauseDraft['heading'] | null, OpeningNode, ClauseDraft];
  const range = span([heading ?? opening, clause]);
  return { ...clause, ...(heading ? { heading } : {}), opening, range };
}

/** "Should <condition>, <Payer> shall pay <Payee>, in addition to <words>, <payment>": the aside is the clause's. */
export function asideConditionFirst(d: Data): PayerSentence {
  const [intro, condition, comma, payer, modal, pay, to, payee, , aside, , payment] = d as [unknown, Condition, unknown, unknown, unknown, unknown, unknown, unknown, unknown, ContextOpeningNode, unknown, unknown];
  return { ...conditionFirst([intro, condition, comma, payer, modal, pay, to, payee, payment]), aside, range: span(d) };
}

/** The aside sentence with "for that calendar year" after its stated amount: the payment and the period it is for. */
export function asideWithPeriodReference(d: Data): ReturnType<typeof cb.withPeriodReferenceClause> {
  return cb.withPeriodReferenceClause([asideConditionFirst(d.slice(0, 12)), d[12], d[13]]);
}

/** "the Net Turnover in the Territory": the metric subject, its range from 'the'. */
export function theMetricSubject(d: Data): Subject {
  return { ...metricSubject(d.slice(1)), range: span(d) };
}

/** "the Net Turnover generated by the Agent in the Territory". */
export function theGeneratedBySubject(d: Data): Subject {
  return { ...cb.generatedBySubject(d.slice(1)), range: span(d) };
}

/** "the Sales Representative's Gross Sales": the possessive names the party whose sales count (as "generated by"). */
export function possessiveSubject(d: Data): Subject {
  const [, owner, m, scopes] = d as [Token | null, List<Token>, { term: string; basis: 'gross' | 'net' | null; periodWord?: PeriodWordNode }, List<{ text: string }>];
  const words = toArray(owner);
  const last = words[words.length - 1];
  // The name without its "'s" (or "’s"), keeping each word's position.
  const stripped = { ...last, value: last.value.slice(0, -2), text: last.text.slice(0, -2) };
  const achiever: PartyNode = party(appendToken(words.slice(0, -1), stripped));
  const scope = scopes ? toArray(scopes).map((x) => x.text).join(' ') : null;
  return { term: m.term, basis: m.basis, scope, achiever, ...(m.periodWord ? { periodWord: m.periodWord } : {}), range: span(d) };
}

function appendToken(tokens: Token[], last: Token): List<Token> {
  let list: List<Token> = null;
  for (const t of [...tokens, last]) list = { prev: list, value: t, first: list ? list.first : t };
  return list;
}

/** An unstated or written value after "an additional": the first payment's noun is applied when the sentence is built. */
interface Additional { kind: 'additional'; value: MoneyNode | { kind: 'unstated-value'; currency: string | null; text: string; range: Range }; range: Range }

export function additionalValue(d: Data): Additional {
  return { kind: 'additional', value: d[2] as Additional['value'], range: span(d) };
}

/** Two payments, each with its calendar condition: one milestone each, the second's noun the first's when it writes none. */
export function twoCalendarPayments(d: Data): PayerSentence {
  const [payer, modal, pay, to, payee, first, firstTail, , , second, secondTail] = d as [PartyNode, unknown, Token, unknown, PartyNode, PaymentNode, cb.CalendarTail, Token, Token, PaymentNode | Additional, cb.CalendarTail];
  const one = cb.withCalendarTail([payer, modal, pay, to, payee, first, firstTail]);
  const secondPayment: PaymentNode = second.kind === 'additional' ? additionalPayment(second, first) : second;
  const two = cb.withCalendarTail([payer, modal, pay, to, payee, secondPayment, secondTail]);
  const entry = (s: PayerSentence, payment: PaymentNode, tail: cb.CalendarTail) => ({ payment: s.payment, condition: s.condition, label: null, range: span(payment, tail) });
  const a = entry(one, first, firstTail);
  const entries = { prev: { prev: null, value: a, first: a }, value: entry(two, secondPayment, secondTail), first: a };
  return { ...one, entries, range: span(d) } as PayerSentence;
}

/** "an additional $1,000" after "a bonus of $2,000": a bonus, with the qualifier "additional". */
function additionalPayment(a: Additional, first: PaymentNode): PaymentNode {
  const noun: FixedPaymentNode['noun'] = first.kind === 'fixed' ? first.noun : 'bonus';
  return paymentOfValue(a.value, noun, ['additional'], a.range);
}

/** "Bonuses are paid on the 15th day of the month following the month in which they are earned." */
export function paymentDay(d: Data): PaymentDayNode {
  const [noun, , , , , day] = d as [Token, Token, Token, Token, Token, Token];
  const word = ORDINAL_WORDS.indexOf(lower(day) as (typeof ORDINAL_WORDS)[number]);
  return { kind: 'payment-day', day: word >= 0 ? word + 1 : parseInt(day.value, 10), noun: lower(noun) as PaymentDayNode['noun'], range: span(d) };
}

export function withPaymentDay(d: Data): ClauseDraft {
  const [clause, payDay] = d as [ClauseDraft, PaymentDayNode];
  return { ...clause, payDay, range: span(clause, payDay) };
}

/** "First Commercial Sale of the first Product". */
export function saleEvent(d: Data): SaleEventNode {
  return { kind: 'sale-event', words: normalizeText((d as Token[]).map((t) => t.value).join(' ')), range: span(d) };
}

/**
 * "<Payer> shall pay to <Payee> within 30 days after its achievement the following one-time milestone payment:
 * First Commercial Sale …: $500,000": the event's milestone (one sale, no deadline) with its payment due after it.
 */
export function eventPayment(d: Data): { payee: PartyNode; milestone: MilestoneNode; range: Range } {
  const payee = d[2] as PartyNode;
  const within = d[3] as Token;
  const days = d[4] as Token;
  const achievement = d[8] as Token;
  const qualifiers = d[11] as List<Token>;
  const noun = d[12] as Token[];
  const event = d[14] as SaleEventNode;
  const value = d[16] as MoneyNode | { kind: 'unstated-value'; currency: string | null; text: string; range: Range };
  const words = qualifierWords(toArray(qualifiers));
  const nounText = noun.map((t) => lower(t)).join(' ') as FixedPaymentNode['noun'];
  const paidRange = span(qualifiers, noun, value);
  const base = paymentOfValue(value, nounText, words, paidRange);
  const due: DueNode = { kind: 'due', days: Number(digits(days)), after: 'achievement', calendar: false, range: span(within, achievement) };
  const milestone: MilestoneNode = {
    kind: 'milestone', label: null, labelSource: null,
    target: { kind: 'deals', count: '1', noun: 'sales', range: event.range },
    window: { kind: 'open', range: { start: event.range.end, end: event.range.end } },
    payment: { kind: 'timed', payment: base as never, due, range: span(base, due) },
    event, range: span(event, value),
  };
  return { payee, milestone, range: span(d) };
}
