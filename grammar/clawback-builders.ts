/**
 * Postprocessors for the clawback sentence after a payer-pays or conditional clause: "Commissions paid on sales
 * later refunded shall be offset against future commissions.", "… shall be repaid.", "… shall be charged back.".
 * They only build the node; what is owed back is src/evaluation/clawback.ts's business.
 */
import type { ClawbackNode } from '../src/language/ast';
import { lower, span, type ClauseDraft, type Data } from './builders';
import type { Token } from './lexer';

type Remedy = Pick<ClawbackNode, 'remedy' | 'futureNoun'>;

export function refundedWords(d: Data): boolean {
  return d.length === 4;
}

export function offsetRemedy(d: Data): Remedy {
  const noun = d[3] as Token;
  return { remedy: 'offset', futureNoun: lower(noun) as ClawbackNode['noun'] };
}

export function simpleRemedy(d: Data): Remedy {
  return { remedy: lower(d[0] as Token) === 'repaid' ? 'repaid' : 'charged-back', futureNoun: null };
}

export function clawback(d: Data): ClawbackNode {
  const [noun, , , , that, , , remedy] = d as [Token, Token, Token, Token, boolean, Token, Token, Remedy];
  return { kind: 'clawback', noun: lower(noun) as ClawbackNode['noun'], that, ...remedy, range: span(d) };
}

export function withClawback(d: Data): ClauseDraft {
  const [clause, node] = d as [ClauseDraft, ClawbackNode];
  return { ...clause, clawback: node, range: span(clause, node) };
}
