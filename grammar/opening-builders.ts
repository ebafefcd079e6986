/**
 * Postprocessors for the phrases written before a sentence ("In addition to the Base Commission,",
 * "Commencing January 1, 2026,", "For each Calendar Year,", "On a quarterly basis,"). Like
 * grammar/builders.ts they only build nodes; what an opening means for the sentence after it (the
 * window a period gives, the day a start cuts at) is decided after parsing (src/language/openings.ts).
 */
import type { CalendarPeriodWindowNode, ContextOpeningNode, OpeningNode, PeriodOpeningNode, StartOpeningNode } from '../src/language/ast';
import { normalizeText } from '../src/values/text-key';
import { lower, span, toArray, type ClauseDraft, type Data, type List } from './builders';
import * as cb from './period-builders';
import type { Token } from './lexer';

/** The words of a context phrase: a space between tokens, none before a bracketed part ("Section 2(a)"). */
function subjectText(words: List<Token>): string {
  const tokens = toArray(words);
  return normalizeText(tokens.map((t, i) => (i > 0 && t.type !== 'enumerator' ? ` ${t.text}` : t.text)).join(''));
}

/** "In addition to the Base Commission,". */
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
