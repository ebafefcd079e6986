/**
 * Postprocessors for totals counted per product: the scope "of a Licensed Product", the definition '"Annual Net Sales"
 * means the Net Sales of a Licensed Product in a Calendar Year.', and the once-only sentence "this milestone shall be
 * payable only once, even if other Licensed Products achieve …". They only build nodes; what per product means for the
 * evaluation is src/language/per-product.ts's business.
 */
import type { CalendarPeriodWindowNode, ComparatorNode, MetricDefinitionNode, MoneyNode, OnceOnlyNode, PerProductNode, Range } from '../src/language/ast';
import { normalizeText } from '../src/values/text-key';
import { scopeOf, span, toArray, type Data, type List } from './builders';
import { calendarWindow } from './period-builders';
import type { Token } from './lexer';

const text = (tokens: Token[]): string => normalizeText(tokens.map((t) => t.value).join(' '));

/** "of a Licensed Product": a scope phrase whose words are kept as written, with the per-product node. */
export function perProductScope(d: Data): { text: string; range: Range; perProduct: PerProductNode } {
  const [of, a, names] = d as [Token, Token, List<Token>];
  const noun = text(toArray(names));
  const range = span(d);
  return { text: text([of, a, ...toArray(names)]), range, perProduct: { kind: 'per-product', written: 'of-a', noun, range } };
}

/** The meaning of '"Annual Net Sales" means the Net Sales of a Licensed Product in a Calendar Year.', after "means". */
export interface MetricMeaning {
  metricMeaning: { metric: string; basis: 'gross' | 'net' | null; scope: string | null; perProduct?: PerProductNode; window: CalendarPeriodWindowNode };
}

export function metricMeaning(d: Data): MetricMeaning {
  const [, m, scopes, preposition, choice] = d as [Token, { term: string; basis: 'gross' | 'net' | null }, List<{ text: string; perProduct?: PerProductNode }>, Token[], CalendarPeriodWindowNode];
  const window = calendarWindow([preposition, choice]);
  const { scope, perProduct } = scopeOf(scopes);
  return { metricMeaning: { metric: m.term, basis: m.basis, scope, ...(perProduct ? { perProduct } : {}), window } };
}

export function metricDefinition(d: Data): MetricDefinitionNode {
  const [term, , meaning] = d as [Token, unknown, MetricMeaning];
  const m = meaning.metricMeaning;
  return {
    kind: 'metric-definition', term: normalizeText(term.value.slice(1, -1)), metric: m.metric, basis: m.basis, ...(m.scope !== null ? { scope: m.scope } : {}),
    ...(m.perProduct ? { perProduct: m.perProduct } : {}), window: m.window, range: span(d),
  };
}

/**
 * "For the avoidance of doubt, this milestone shall be payable only once, even if other Licensed Products achieve Annual
 * Net Sales exceeding $1,000,000.": paid once, whichever products meet the target.
 */
export function evenIfOthersOnce(d: Data): OnceOnlyNode {
  const noun = d[17] as List<Token>;
  const m = d[19] as { term: string };
  const comparator = d[20] as ComparatorNode;
  const amount = d[21] as MoneyNode;
  return {
    kind: 'once-only', words: 'payable only once', sentence: 'even-if-others', others: { noun: text(toArray(noun)), term: m.term, comparator, amount }, range: span(d),
  };
}
