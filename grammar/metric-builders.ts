/**
 * Postprocessors for metrics with a period adjective: "annual Net Sales", "aggregate annual Net Sales",
 * "Monthly Sales". Like grammar/builders.ts they only build nodes; what the adjective means for the
 * window is decided in src/language/period-word.ts.
 */
import type { MetricBasisStatementNode, PeriodWordNode, Range } from '../src/language/ast';
import { lower, span, toArray, type Data, type List } from './builders';
import type { Token } from './lexer';

const UNITS: Record<PeriodWordNode['word'], PeriodWordNode['unit']> = {
  annual: 'year', yearly: 'year', quarterly: 'quarter', monthly: 'month', fortnightly: 'fortnight', weekly: 'week',
};

/** The metric's words as written (the adjective among them) and its period word. */
export function periodMetric(d: Data): { term: string; basis: 'gross' | 'net' | null; periodWord: PeriodWordNode; range: Range } {
  const [modifiers, period, basis, noun] = d as [List<Token>, Token, Token | null, Token[]];
  const tokens = [...toArray(modifiers), period, basis, ...noun].filter((t): t is Token => t !== null);
  const word = lower(period) as PeriodWordNode['word'];
  return {
    term: tokens.map((t) => t.value).join(' '),
    basis: basis ? (lower(basis) as 'gross' | 'net') : null,
    periodWord: { kind: 'period-word', word, unit: UNITS[word], range: span([period]) },
    range: span(d),
  };
}

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
  const [purpose, metric, , , , , , , unit] = d as [string | null, ReturnType<typeof periodMetric>, Token, Token, Token, Token, Token, Token, Token];
  return {
    kind: 'metric-basis-statement', term: metric.term, periodWord: metric.periodWord, unit: lower(unit) as MetricBasisStatementNode['unit'],
    purpose, range: span(d),
  };
}
