/**
 * Postprocessors for "the first time" sentences and calendar periods defined by their last days:
 * "The first time Net Sales in a Royalty Period exceed $800,000, Company will pay …" and
 * '"Royalty Period" means each semi-annual period ending on June 30 or December 31.'. They only
 * build nodes; what a defined period means is read after parsing (src/language/period-definitions.ts).
 */
import type {
  CalendarPeriodsNode, CalendarPeriodWindowNode, CalendarPeriodWording, MilestoneNode, MoneyNode, PaymentNode, PeriodBoundNode, WindowNode,
} from '../src/language/ast';
import { normalizeText } from '../src/values/text-key';
import {
  conditionFirst, digits, lower, span, toArray, type Comparison, type Condition, type Data, type Entry, type List, type PayerSentence, type Subject,
} from './builders';
import { MONTH_NAMES, type Token } from './lexer';
import { calendarEachChoice, withPeriodReferenceClause } from './period-builders';

/** "The first time <condition>, <Payer> shall pay <Payee> <payment>": the conditional sentence, paid once. */
export function firstTimeConditionFirst(d: Data): PayerSentence {
  const [the, firstTime, ...rest] = d as [Token, Token[], ...unknown[]];
  const sentence = conditionFirst([null, ...rest]);
  const once: MilestoneNode['once'] = { kind: 'once-only', words: 'the first time', range: span(the, firstTime) };
  return { ...sentence, extra: { ...sentence.extra, once }, range: span(d) };
}

/** "June 30": a month and day, "MM-DD". */
export function monthDay(d: Data): { text: string; range: ReturnType<typeof span> } {
  const [month, day] = d as [Token, Token];
  const text = `${String(MONTH_NAMES[lower(month)]).padStart(2, '0')}-${digits(day).padStart(2, '0')}`;
  return { text, range: span(d) };
}

/** "each semi-annual period ending on June 30 or December 31", "each six-month period ending on …". */
export function calendarPeriods(d: Data): CalendarPeriodsNode {
  const [, word, , , , ends] = d as [Token, Token, Token, Token, Token, List<{ text: string }>];
  const written = lower(word);
  return { kind: 'calendar-periods', unit: written === 'quarterly' || written === 'three-month' ? 'quarter' : 'half-year', written, ends: toArray(ends).map((e) => e.text), range: span(d) };
}

/** '(the "Quarterly Net Sales Milestone Payment")' after a payment: the name, without its quotes. */
export function paymentName(d: Data): string {
  const name = d[2] as Token;
  return normalizeText(name.value.slice(1, -1));
}

/** "<payment> (the "…") <link> <condition>": a payment with its bracketed name. */
export function namedPaidCondition(d: Data): Entry {
  const [payment, name, , condition] = d as [PaymentNode, string, unknown, Condition];
  return { payment, condition, label: null, range: span(d), extra: { paymentName: name } };
}

/** "there are Net Sales of the Product of $400,000 or greater in any calendar quarter …". */
export function thereAreCondition(d: Data): Condition {
  const [, , subject, comparison, window] = d as [Token, Token, Subject, Comparison, WindowNode];
  return { subject, comparison, window, range: span(d) };
}

/** "of $400,000 or greater": at least the amount. */
export function ofOrMoreComparison(d: Data): Comparison {
  const [, amount, or, more] = d as [Token, MoneyNode, Token, Token[]];
  return { comparator: { kind: 'comparator', strict: false, words: `or ${lower(more[0])}`, range: span(or, more) }, amount, range: span(d) };
}

/** "in any calendar quarter occurring before January 1, 2028": an each-period window that ends at a date. */
export function boundedCalendarWindow(d: Data): CalendarPeriodWindowNode {
  const [preposition, quantifier, noun, bound] = d as [Token[], Token[], unknown, PeriodBoundNode];
  const w = calendarEachChoice([quantifier, noun]);
  return { ...w, written: `${lower(preposition[0])} ${w.written}` as CalendarPeriodWording, bound, range: span(d) };
}

/** "occurring before <date>", "ending before <date>", "ending on or before <date>". */
export function periodBound(d: Data): PeriodBoundNode {
  const words = (d.slice(0, -1) as Token[]).map((t) => lower(t)).join(' ');
  const date = d[d.length - 1] as { date: string };
  return { kind: 'period-bound', written: words as PeriodBoundNode['written'], date: date.date, range: span(d) };
}

/** "If <condition>, <Payer> shall pay <Payee> <stated amount> for such <period>.": the payment and the period it is for. */
export function fixedWithPeriodReference(d: Data): ReturnType<typeof withPeriodReferenceClause> {
  const sentence = conditionFirst(d.slice(0, 9));
  return withPeriodReferenceClause([sentence, d[9], d[10]]);
}
