/**
 * Postprocessors for commitment sentences: "Distributor shall purchase no less than 3,000 units of the Product
 * ("Units") per month. The minimum purchase volume shall increase by ten percent (10%) on every annual anniversary of
 * the Effective Date of this Agreement." Like grammar/builders.ts they only build nodes: which windows an escalation
 * can apply to is the checker's (src/language/check-commitment.ts).
 */
import type { CommitmentNode, ComparatorNode, EscalationNode, MilestoneNode, PartyNode, TargetNode, WindowNode } from '../src/language/ast';
import { cons, digits, span, toArray, type ClauseDraft, type Data, type List } from './builders';
import type { Token } from './lexer';

interface ProductWords { words: string; defined: string | null }

/** "of the Product ("Units")": the words, and the term the quotes define. */
export function commitmentProduct(d: Data): ProductWords {
  const [, , words, defined] = d as [Token, Token, List<Token>, Token[] | null];
  return { words: toArray(words).map((t) => t.value).join(' '), defined: defined ? defined[1].value.slice(1, -1) : null };
}

/** "The minimum purchase volume shall increase by ten percent (10%) on every annual anniversary of the Effective Date …". */
export function escalation(d: Data): EscalationNode {
  const [, subject, , , , percent] = d as [Token, List<Token>, unknown, Token, Token, Token];
  return { kind: 'escalation', subject: toArray(subject).map((t) => t.value).join(' '), percent: digits(percent, true), range: span(d) };
}

export function commitmentClause(d: Data): ClauseDraft {
  const [party, tail] = d as [PartyNode, unknown[]];
  const [verb, comparator, count, unit, product, window, , raised] = tail as [Token, ComparatorNode, Token, Token[], ProductWords | null, WindowNode, Token, EscalationNode | null];
  const target: TargetNode = { kind: 'units', count: digits(count), product: null, range: span(count, unit) };
  const commitment: CommitmentNode = { kind: 'commitment', verb: 'purchase', productWords: product?.words ?? null, defined: product?.defined ?? null, escalation: raised, range: span(verb, window) };
  const milestone: MilestoneNode = { kind: 'milestone', label: null, labelSource: null, target, window, payment: null, comparator, range: span(comparator, window) };
  return { kind: 'clause', form: 'commitment', party, commitment, milestones: cons(null, milestone), payments: null, range: span(d) };
}
