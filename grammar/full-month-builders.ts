/**
 * Postprocessors of a period counted from a dated event: "the period commencing on the First Commercial Sale Date, being
 * March 17, 2026, and ending on the last day of the twelfth (12th) full calendar month thereafter". They only build
 * the node: its dates are resolved, and the ordinal word checked against its figure, after parsing
 * (src/language/event-periods.ts).
 */
import type { FullMonthsAfterEventNode, SaleEventNode } from '../src/language/ast';
import { normalizeText } from '../src/values/text-key';
import { lower, span, type Data } from './builders';
import { ORDINAL_WORDS, type Token } from './lexer';

interface WrittenDate { date: string }
interface DraftedOrdinal { n: number; figure?: number }

const ordinalValue = (t: Token): number => {
  const word = ORDINAL_WORDS.indexOf(lower(t) as (typeof ORDINAL_WORDS)[number]);
  return word >= 0 ? word + 1 : parseInt(t.value, 10);
};

/** "twelfth", "12th", "twelfth (12th)". */
export function draftedOrdinal(d: Data): DraftedOrdinal {
  const [word, , figure] = d as [Token, unknown, Token | undefined];
  return figure === undefined ? { n: ordinalValue(word) } : { n: ordinalValue(word), figure: parseInt(figure.value, 10) };
}

export function fullMonthsAfterEvent(d: Data): FullMonthsAfterEventNode {
  const event = d[5] as SaleEventNode;
  const dateToken = d[6] as Token;
  const date = d[9] as WrittenDate;
  const ordinal = d[19] as DraftedOrdinal;
  return {
    kind: 'full-months-after-event',
    date: date.date,
    event: normalizeText(`${event.words} ${dateToken.value}`),
    n: ordinal.n,
    ...(ordinal.figure !== undefined ? { figure: ordinal.figure } : {}),
    range: span(d),
  };
}
