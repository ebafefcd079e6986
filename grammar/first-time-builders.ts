/**
 * Postprocessors for "the first time" sentences and calendar periods defined by their last days:
 * "The first time Net Sales in a Royalty Period exceed $800,000, Company will pay …" and
 * '"Royalty Period" means each semi-annual period ending on June 30 or December 31.'. They only
 * build nodes; what a defined period means is read after parsing (src/language/period-definitions.ts).
 */
import type { CalendarPeriodsNode, MilestoneNode } from '../src/language/ast';
import { conditionFirst, digits, lower, span, toArray, type Data, type List, type PayerSentence } from './builders';
import { MONTH_NAMES, type Token } from './lexer';

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

/** "each semi-annual period ending on June 30 or December 31". */
export function calendarPeriods(d: Data): CalendarPeriodsNode {
  const [, word, , , , ends] = d as [Token, Token, Token, Token, Token, List<{ text: string }>];
  const written = lower(word);
  return { kind: 'calendar-periods', unit: written === 'quarterly' ? 'quarter' : 'half-year', written, ends: toArray(ends).map((e) => e.text), range: span(d) };
}
