/**
 * Postprocessors for milestones defined in sentences of their own and for the once-only sentence after a payment:
 * '"Milestone 1" means the first achievement of annual Net Sales of at least $2,000,000 during …', 'Upon the
 * achievement of Milestone 1, Parent shall pay $250,000, …', 'Such payment shall be payable only upon the first
 * achievement of such milestone.'. Like grammar/builders.ts they only build nodes: which definition a payment
 * names is the checker's (src/language/check-milestone-definitions.ts).
 */
import type { MilestoneNode, OnceOnlyNode } from '../src/language/ast';
import { cons, span, toArray, type ClauseDraft, type Data, type List } from './builders';
import type { Token } from './lexer';

/** "any of its Affiliates": the words of one party of a "by …" scope. */
export function anyOfItsParty(d: Data): Token[] {
  const [any, of, its, names] = d as [Token, Token, Token, List<Token>];
  return [any, of, its, ...toArray(names)];
}

/** "Such payment shall be payable only upon the first achievement of such milestone[, and no amount shall be due …].". */
export function onceSentence(d: Data): OnceOnlyNode {
  const noRepeat = d[13] !== null;
  return { kind: 'once-only', words: 'payable only upon the first achievement', sentence: noRepeat ? 'first-achievement-no-repeat' : 'first-achievement', range: span(d) };
}

/** The clause before a once-only sentence: each of its milestones is paid once. */
export function withOnceSentence(d: Data): ClauseDraft {
  const [clause, once] = d as [ClauseDraft, OnceOnlyNode];
  const milestones = toArray(clause.milestones).reduce<List<MilestoneNode>>((list, m) => cons(list, { ...m, once }), null);
  return { ...clause, milestones, range: span(clause, once) };
}
