/**
 * Postprocessors for royalties written measure first, then their rates after "at": "Licensee shall pay Licensor royalties
 * on Net Sales of all Licensed Products in each Calendar Year at four percent (4%) of the first Twenty Million Dollars
 * ($20,000,000) of such Net Sales and six percent (6%) of such Net Sales above Twenty Million Dollars ($20,000,000)", and
 * the sentence that may follow it: "For avoidance of doubt, each rate applies only to that portion of the Net Sales that
 * falls within its range of sales." They build the nodes as written; which reading the tiers get and whether the
 * sentence has tiers to speak of is decided after the parse (src/language/tier-band-resolution.ts,
 * src/language/check-tiers.ts).
 */
import type { MeasureNode, PaymentNode, PortionStatementNode, Range, TierBandNode } from '../src/language/ast';
import { span, toArray, type Data, type List } from './builders';
import type { Token } from './lexer';

/** "royalties on <measure> at <bands>[, on a marginal basis]": the measure names the window the bands' "such" refers to. */
export function royaltiesOnAt(d: Data): PaymentNode {
  const [, , measure, , list, method] = d as [Token, Token, MeasureNode, Token, List<TierBandNode>, { method: 'marginal' | 'retroactive' } | null];
  return { kind: 'tiered', intro: null, bands: toArray(list), method: method?.method ?? null, layout: 'measure-first', measure, range: span(d) };
}

/** "of all Licensed Products": a scope, as written. */
export function allScope(d: Data): { text: string; range: Range } {
  const [of, all, names] = d as [Token, Token, List<Token>];
  return { text: [of, all, ...toArray(names)].map((t) => t.value).join(' '), range: span(d) };
}

/** "For avoidance of doubt, each rate applies only to that portion of the Net Sales that falls within its range of sales." */
export function portionStatement(d: Data): PortionStatementNode {
  const the = d[1] as Token | null;
  const metric = d[15] as { term: string };
  return { kind: 'portion-statement', article: the !== null, term: metric.term, range: span(d) };
}
