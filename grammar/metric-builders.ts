/**
 * Postprocessors for metrics with a period adjective: "annual Net Sales", "aggregate annual Net Sales",
 * "Monthly Sales". Like grammar/builders.ts they only build nodes; what the adjective means for the
 * window is decided in src/language/period-word.ts.
 */
import type { MetricBasisStatementNode, PeriodWordNode } from '../src/language/ast';
import { lower, periodWordOf, span, toArray, type Data, type List } from './builders';
import type { Token } from './lexer';

/** "Section 4.3", "Agreement": what a purpose lead names, as written. */
export function sectionObject(d: Data): string {
  const [section, ref] = d as [Token, List<Token>];
  return `${section.value} ${toArray(ref).map((t) => t.value).join('')}`;
}

export function agreementObject(d: Data): string {
  return (d[0] as Token).value;
}

/** "For purposes of this Section 4.3,": the words after "For purposes of", as written. */
export function purposeLead(d: Data): string {
  const [, , , thisWord, object] = d as [Token, Token, Token, Token, string];
  return `${thisWord.value} ${object}`;
}

/** "annual Net Sales shall be calculated on a calendar year basis.": the metric's periods are calendar periods. */
export function basisStatement(d: Data): MetricBasisStatementNode {
  const [purpose, period, basis, noun, , , , , , , unit] = d as [string | null, Token, Token | null, Token[], Token, Token, Token, Token, Token, Token, Token];
  const tokens = [period, basis, ...noun].filter((t): t is Token => t !== null);
  return {
    kind: 'metric-basis-statement', term: tokens.map((t) => t.value).join(' '), periodWord: periodWordOf([period]) as PeriodWordNode,
    unit: lower(unit) as MetricBasisStatementNode['unit'], purpose, range: span(d),
  };
}
