/**
 * Postprocessors for an amount's intro that names the sales it is on: "a commission on all sales completed by the Sales
 * Representative within the Territory of five percent (5%) of Net Sales …". They only build nodes: the words are kept on
 * the intro (`salesCounted`); that they are not applied to the ledger is the checker's warning (check-sales-counted.ts).
 */
import type { PartyNode, PaymentIntro, Range } from '../src/language/ast';
import { span, toArray, type Data, type List } from './builders';
import type { Token } from './lexer';

type Intro = { intro: NonNullable<PaymentIntro>; range: Range };
type Noun = NonNullable<PaymentIntro>['noun'];
interface Counted { by: string; within?: string; range: Range }

/** "on all sales completed by the Sales Representative within the Territory". */
export function completedSales(d: Data): Counted {
  const [, , , , , party, where] = d as [Token, Token, Token, Token, Token, PartyNode, List<Token> | null];
  const within = where === null ? undefined : toArray(where).map((t) => t.value).join(' ');
  return { by: party.name, ...(within !== undefined ? { within } : {}), range: span(d) };
}

/** "within the Territory": the place's words. */
export const completedWhere = (d: Data): List<Token> => d[2] as List<Token>;

/** "a commission on all sales completed by … of". */
export function completedIntro(d: Data): Intro {
  const [, qualifiers, noun, counted] = d as [Token, List<Token>, Noun, Counted, Token];
  const q = toArray(qualifiers).map((t) => t.value);
  const { range: _range, ...salesCounted } = counted;
  return { intro: { noun, link: 'of', ...(q.length ? { qualifiers: q } : {}), salesCounted }, range: span(d) };
}
