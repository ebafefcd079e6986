/**
 * Postprocessors for a definition of who counts as a new customer: '"New Client" means a client that is not
 * and has never been party to a Sale Agreement.' Like grammar/builders.ts they only build the node; whether
 * the clause uses the term, and how it is read against the ledger, is the checker's
 * (src/language/check-customer-definition.ts).
 */
import type { CustomerDefinitionNode, Range } from '../src/language/ast';
import { lower, span, toArray, type Data, type List } from './builders';
import type { Token } from './lexer';
import { normalizeText } from '../src/values/text-key';

/** The meaning before its term is known: the noun, the words "is not and", and what they were never party to. */
interface NeverParty { noun: 'customers' | 'clients'; isNot: boolean; never: string; range: Range }

/** "a client that is not and has never been party to a Sale Agreement". */
export function neverParty(d: Data): NeverParty {
  const [, noun, , isNot, , , , , , a, words] = d as [Token, Token, Token, unknown, Token, Token, Token, Token, Token, Token, List<Token>];
  const plural = lower(noun).startsWith('client') ? 'clients' : 'customers';
  return { noun: plural, isNot: isNot !== null, never: normalizeText([a, ...toArray(words)].map((t) => t.value).join(' ')), range: span(d) };
}

/** '"New Client" means <meaning>.' */
export function customerDefinition(d: Data): CustomerDefinitionNode {
  const [term, , meaning] = d as [Token, unknown, NeverParty];
  return { kind: 'customer-definition', term: normalizeText(term.value.slice(1, -1)), noun: meaning.noun, isNot: meaning.isNot, never: meaning.never, range: span(d) };
}

