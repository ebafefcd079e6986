/**
 * Postprocessors for calendar periods: "in any calendar quarter", "per calendar month", "Q3 2026",
 * "calendar year 2027", "each half-year period (January to June and July to December)", and the
 * sentences built on them ("For each calendar month in which …", "… for the first Calendar Quarter
 * in which …"). Like grammar/builders.ts they only build nodes; whether a named period exists or the
 * stated months fit the year is decided by the checker (src/language/check-calendar.ts).
 */
import type { MilestoneNode,
  CalendarPeriodWindowNode, CalendarPeriodWording, CalendarSelectionNode, CalendarUnit, DueNode, PartyNode, PaymentNode, PeriodReferenceNode,
  PeriodUnit, Range, TargetNode, TimedPaymentNode,
} from '../src/language/ast';
import { digits, lower, party, payerClause, span, toArray, type List, type Condition, type Comparison, type Data, type PayerSentence, type Subject } from './builders';
import { MONTH_NAMES, type Token } from './lexer';

/** A period noun before it is placed: its unit, the year start and any months written with it. */
interface PeriodNoun { unit: CalendarUnit; yearStart: string; statedMonths?: number[]; range: Range }

const pad = (n: number): string => String(n).padStart(2, '0');
const unitOf = (t: Token): CalendarUnit => (/^half/i.test(t.value) ? 'half-year' : (lower(t) as CalendarUnit));

/** "calendar quarter", "Calendar Year". */
export function calendarNoun(d: Data): PeriodNoun {
  return { unit: unitOf(d[1]), yearStart: '01-01', range: span(d) };
}

/** "half-year period (January to June and July to December)": the year starts with the first month named. */
export function halfYearNoun(d: Data): PeriodNoun {
  const [, , , m1, , m2, , m3, , m4] = d as Token[];
  const months = [m1, m2, m3, m4].map((t) => MONTH_NAMES[lower(t)]);
  return { unit: 'half-year', yearStart: `${pad(months[0])}-01`, statedMonths: months, range: span(d) };
}

function window(noun: PeriodNoun, selection: CalendarSelectionNode, written: CalendarPeriodWording, range: Range): CalendarPeriodWindowNode {
  return {
    kind: 'calendar-period', unit: noun.unit, yearStart: noun.yearStart, selection, written,
    ...(noun.statedMonths ? { statedMonths: noun.statedMonths } : {}), range,
  };
}

/** "any calendar quarter", "each calendar year", "a given Calendar Year" after "in" or "during": its `written` lacks the preposition until `calendarWindow` adds it. */
export function calendarEachChoice(d: Data): CalendarPeriodWindowNode {
  const [quantifier, noun] = d as [Token[], PeriodNoun];
  return window(noun, { kind: 'each' }, quantifier.map(lower).join(' ') as CalendarPeriodWording, span(d));
}

/** "in any calendar quarter", "during each calendar year", "in a given Calendar Year", "in Q3 2026": the preposition joins the range (and the wording of an each-period window). */
export function calendarWindow(d: Data): CalendarPeriodWindowNode {
  const [preposition, w] = d as [Token[], CalendarPeriodWindowNode];
  const written = w.selection.kind === 'each' ? (`${lower(preposition[0])} ${w.written}` as CalendarPeriodWording) : w.written;
  return { ...w, written, range: span(d) };
}

/** "per calendar month". */
export function calendarPer(d: Data): CalendarPeriodWindowNode {
  return window(d[1] as PeriodNoun, { kind: 'each' }, 'per', span(d));
}

/** "Q3 2026", "H1 2027": the letter, the period number and the year. */
export function letterNamed(d: Data): CalendarPeriodWindowNode {
  const [letter, n, year] = d as Token[];
  const unit: CalendarUnit = lower(letter) === 'q' ? 'quarter' : 'half-year';
  return window({ unit, yearStart: '01-01', range: span(d) }, { kind: 'named', year: Number(digits(year)), n: Number(digits(n)) }, 'named', span(d));
}

/** "calendar year 2027". */
export function yearNamed(d: Data): CalendarPeriodWindowNode {
  return window({ unit: 'year', yearStart: '01-01', range: span(d) }, { kind: 'named', year: Number(digits(d[2])), n: 1 }, 'named', span(d));
}

/** "April 2026": that calendar month. */
export function monthNamed(d: Data): CalendarPeriodWindowNode {
  const [month, year] = d as Token[];
  return window({ unit: 'month', yearStart: '01-01', range: span(d) }, { kind: 'named', year: Number(digits(year)), n: MONTH_NAMES[lower(month)] }, 'named', span(d));
}


/** "<metric> exceed(s) $X" after "in which": a condition whose window the sentence gives. */
export interface PeriodCondition { subject: Subject; comparison: Comparison; range: Range; target?: TargetNode }
export function periodCondition(d: Data): PeriodCondition {
  const [subject, comparison] = d as [Subject, Comparison];
  return { subject, comparison, range: span(d) };
}

function condition(c: PeriodCondition, w: CalendarPeriodWindowNode): Condition {
  return { subject: c.subject, comparison: c.comparison, window: w, range: c.range, ...(c.target ? { target: c.target } : {}) };
}

/** "For each calendar month in which <condition>, <Payer> shall pay <Payee> <payment>". */
export function forEachFirst(d: Data): PayerSentence {
  const [forWord, , noun, , which, c, , payer, , , , payee, payment] = d as [
    Token, Token, PeriodNoun, Token, Token, PeriodCondition, Token, PartyNode, unknown, Token, unknown, PartyNode, PaymentNode,
  ];
  const w = window(noun, { kind: 'each' }, 'for each in which', span(forWord, which));
  return { form: 'conditional', payer, payee, payment, condition: condition(c, w), range: span(d) };
}

/** The part after the payment in a payment-first sentence: which periods, and a due date when one is written. */
export interface CalendarTail {
  window: CalendarPeriodWindowNode; condition: PeriodCondition; due: DueNode | null; range: Range;
  /** Milestone fields the tail adds ("… during which … for such year": a period reference). */
  extra?: Partial<MilestoneNode>;
}

/** "… for each calendar month in which <condition>". */
export function eachTail(d: Data): CalendarTail {
  const [forWord, , noun, , which, c] = d as [Token, Token, PeriodNoun, Token, Token, PeriodCondition];
  return { window: window(noun, { kind: 'each' }, 'for each in which', span(forWord, which)), condition: c, due: null, range: span(d) };
}

/** "… for / upon / after the end of the first Calendar Quarter in which <condition>". */
export function firstTail(d: Data): CalendarTail {
  const [link, , , noun, , which, c] = d as [Token[], Token, Token, PeriodNoun, Token, Token, PeriodCondition];
  return { window: window(noun, { kind: 'first' }, 'first in which', span(link, which)), condition: c, due: null, range: span(d) };
}

/**
 * "… within 45 days after the end of the first Calendar Quarter in which <condition>": the payment
 * falls due that many days after the end of that calendar period.
 */
export function firstDueTail(d: Data): CalendarTail {
  const [within, days, , , , , , , , calendar, unit, , which, c] = d as [
    Token, Token, Token, Token[], Token, Token, Token, Token, Token, Token, Token, Token, Token, PeriodCondition,
  ];
  const noun: PeriodNoun = { unit: lower(unit) as PeriodUnit, yearStart: '01-01', range: span(calendar, unit) };
  const due: DueNode = { kind: 'due', days: Number(digits(days)), after: lower(unit) as PeriodUnit, calendar: true, range: span(within, unit) };
  return { window: window(noun, { kind: 'first' }, 'first in which', span(within, which)), condition: c, due, range: span(d) };
}

/** "<Payer> shall pay <Payee> <payment> <tail>": a due date in the tail makes the payment a timed one. */
export function withCalendarTail(d: Data): PayerSentence {
  const [payer, , , , payee, payment, tail] = d as [PartyNode, unknown, Token, unknown, PartyNode, PaymentNode, CalendarTail];
  const paid: PaymentNode =
    tail.due === null ? payment : ({ kind: 'timed', payment: payment as TimedPaymentNode['payment'], due: tail.due, range: span(payment, tail.due) } as TimedPaymentNode);
  return { form: 'payer-pays', payer, payee, payment: paid, condition: condition(tail.condition, tail.window), ...(tail.extra ? { extra: tail.extra } : {}), range: span(d) };
}

/** "for such Calendar Quarter", "for that calendar year" after a conditional sentence's payment. */
/** References a measure could also read as its own "for such calendar <unit>" window (see withPeriodReferenceClause). */
const MEASURE_WORDS = new WeakSet<PeriodReferenceNode>();

export function periodReference(d: Data): PeriodReferenceNode {
  const [, word, noun] = d as [Token, Token, PeriodNoun];
  const node: PeriodReferenceNode = { kind: 'period-reference', unit: noun.unit, word: lower(word) as 'such' | 'that', range: span(d) };
  if (node.word === 'such' && noun.yearStart === '01-01' && noun.statedMonths === undefined && noun.unit !== 'half-year') MEASURE_WORDS.add(node);
  return node;
}

/** A conditional sentence with a period reference after its payment. */
export function withPeriodReference(d: Data): PayerSentence {
  const [sentence, reference] = d as [PayerSentence, PeriodReferenceNode];
  return { ...sentence, extra: { ...sentence.extra, periodReference: reference }, range: span(d) };
}



/** The clause of a conditional sentence with a period reference: "If …, … a bonus of $4,000 for such Calendar Quarter." */
export function withPeriodReferenceClause(d: Data, _location?: number, reject?: unknown): ReturnType<typeof payerClause> | unknown {
  const [sentence, reference, period] = d as [PayerSentence, PeriodReferenceNode, Token];
  // After a measured amount ("… equal to 10% of Net Sales for such Calendar Year") the words are the measure's
  // period (its "such" window), read by the measure's own rule: one reading, not two.
  const p = sentence.payment;
  if (MEASURE_WORDS.has(reference) && p.kind === 'rate' && p.measure !== undefined && p.measure.window === null && p.measure.such === undefined) return reject;
  return payerClause([withPeriodReference([sentence, reference]), period]);
}

/** "Revenue generated by the Agent (in the Territory)": the metric, and the party whose sales count. */
export function generatedBySubject(d: Data): Subject {
  const [m, , , , names, scopes] = d as [Pick<Subject, 'term' | 'basis' | 'periodWord'>, Token, Token, Token | null, List<Token>, List<{ text: string }>];
  const scope = scopes ? toArray(scopes).map((x) => x.text).join(' ') : null;
  return { term: m.term, basis: m.basis, scope, achiever: party(names), ...(m.periodWord ? { periodWord: m.periodWord } : {}), range: span(d) };
}
