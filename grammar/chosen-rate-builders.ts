/**
 * Postprocessors for a rate chosen by conditions on the period's total: "an additional commission on Net Sales above the
 * Quarterly Plan of Five Hundred Thousand Dollars ($500,000), at one percent (1%) if Net Sales for such quarter are at
 * least 100% of the Quarterly Plan, two percent (2%) if they are at least 105% of the Quarterly Plan, and five percent (5%)
 * if they are at least 110% of the Quarterly Plan" (src/language/ast.ts ChosenRatePaymentNode). They build the node as
 * written; what a share of the threshold comes to and whether the conditions rise is decided after the parse
 * (src/language/rate-choices.ts, src/language/check-rate-choices.ts).
 */
import type { ChosenRatePaymentNode, ComparatorNode, MeasureNode, MoneyNode, PeriodUnit, RateChoiceNode, Range, SalesBasis } from '../src/language/ast';
import { digits, lower, span, toArray, type Data, type List } from './builders';
import type { Token } from './lexer';

type Noun = ChosenRatePaymentNode['noun'];
type Metric = { term: string; basis: SalesBasis; range: Range };
type Bound = RateChoiceNode['bound'];

/** "Net Sales for such quarter", or "they". */
export function metricSubject(d: Data): { subject: RateChoiceNode['subject']; range: Range } {
  const [metric, such] = d as [Metric, { such?: { unit: PeriodUnit } } | null];
  return { subject: { kind: 'metric', term: metric.term, basis: metric.basis, such: such?.such?.unit ?? null }, range: span(d) };
}

export function theySubject(d: Data): { subject: RateChoiceNode['subject']; range: Range } {
  return { subject: { kind: 'they' }, range: span(d) };
}

/** "105% of the Quarterly Plan": a share of the threshold, by the name the text gives it. */
export function thresholdShare(d: Data): Bound {
  const [percent, , , name] = d as [Token, Token, Token, List<Token>];
  return { kind: 'threshold-share', percent: digits(percent, true), name: toArray(name).map((t) => t.value).join(' '), range: span(d) };
}

/** "two percent (2%) if they are at least 105% of the Quarterly Plan". */
export function rateChoice(d: Data): RateChoiceNode {
  const [percent, , subject, verb, comparator, bound] = d as [Token, Token, { subject: RateChoiceNode['subject'] }, Token[] | null, ComparatorNode, Bound];
  const be = verb ? (lower(verb[0]) as 'is' | 'are' | 'were') : null;
  return { kind: 'rate-choice', percent: digits(percent, true), subject: subject.subject, verb: be === 'were' ? 'are' : be, comparator, bound, range: span(d) };
}

/** "an additional commission on Net Sales above the Quarterly Plan of $500,000, at <choices>". */
export function chosenRate(d: Data): ChosenRatePaymentNode {
  const [article, qualifiers, noun, , measure, excess, , name, , threshold, , , choices] = d as [
    Token[], List<Token>, Noun, Token, MeasureNode, { comparator: ChosenRatePaymentNode['comparator'] }, Token, List<Token>, Token, MoneyNode, Token, Token, List<RateChoiceNode>,
  ];
  const q = toArray(qualifiers).map((t) => t.value);
  return {
    kind: 'chosen-rate', article: lower(article[0]) === 'an' ? 'an' : 'a', ...(q.length ? { qualifiers: q } : {}), noun, measure, comparator: excess.comparator,
    threshold, thresholdName: toArray(name).map((t) => t.value).join(' '), choices: toArray(choices), range: span(d),
  };
}
