/**
 * A condition written after a computed amount, on the amount's own period: "The Distributor shall receive a commission
 * of five percent (5%) of Net Sales in each calendar quarter, provided that Net Sales in such quarter exceed $250,000."
 * The milestone is the amount's measure, as in a sentence with no condition (its window is the amount's period), with
 * the proviso's metric, comparator and figure as its target; "such quarter" is kept as written, and
 * src/language/check-period-proviso.ts checks that it names the amount's period.
 */
import type { MilestoneNode, PeriodUnit, Range, WindowNode } from '../src/language/ast';
import { cons, metricSubject, span, subjectTarget, type ClauseDraft, type Comparison, type Data, type Subject } from './builders';
import type { Token } from './lexer';
import { measureOf, type MeasuredSentence } from './measured-builders';

export interface PeriodProviso { subject: Subject; comparison: Comparison; such: { preposition: 'in'; calendar: boolean; unit: PeriodUnit }; range: Range }

/** ", provided that Net Sales in such quarter exceed $250,000" ("; provided, however, that …" alike). */
export function periodProviso(d: Data): PeriodProviso {
  const [, , , , metric, scope, , , calendar, unit, comparison] = d as [unknown, Token, unknown, Token, unknown, unknown, Token, Token, Token | null, Token, Comparison];
  return { subject: metricSubject([metric, scope]), comparison, such: { preposition: 'in', calendar: calendar !== null, unit: unit.value.toLowerCase() as PeriodUnit }, range: span(d) };
}

export function provisoClause(d: Data): ClauseDraft {
  const [sentence, proviso] = d as [MeasuredSentence, PeriodProviso];
  const { measure } = measureOf(sentence.payment);
  const { subject: s, comparison: c } = proviso;
  const milestone: MilestoneNode = {
    kind: 'milestone', label: null, labelSource: null,
    target: subjectTarget(s, c.amount, span(s, c)),
    // The period "such" refers to: the amount's own (a measure written here always names one).
    window: measure.window as WindowNode,
    payment: sentence.payment,
    comparator: c.comparator,
    periodProviso: { kind: 'period-proviso', such: proviso.such, range: proviso.range },
    range: span(sentence, proviso),
  };
  return {
    kind: 'clause', form: 'payer-pays', ...(sentence.payer ? { payer: sentence.payer } : {}), party: sentence.payee,
    milestones: cons(null, milestone), payments: null, range: span(d),
  } as ClauseDraft;
}
