/**
 * Postprocessor for a rate on the growth over the same quarter of the year before: "The Employee shall receive one and
 * one-half percent (1.5%) of the increase in quarter-to-quarter growth, comparing sales in a calendar quarter of one year
 * with sales in the same calendar quarter of the preceding year, starting with 2026 as the base year."
 * (src/language/ast.ts PriorPeriodReferenceNode). It builds the sentence as written: one milestone per calendar quarter
 * whose payment is the rate on the excess over the prior year's quarter; whether both metrics agree is the checker's
 * (src/language/check-growth.ts), which quarters are the base and what the prior total is, the evaluator's.
 */
import type { CalendarPeriodWindowNode, MilestoneNode, PartyNode, PriorPeriodReferenceNode, RateOnExcessPaymentNode, SalesBasis } from '../src/language/ast';
import { cons, digits, span, type ClauseDraft, type Data } from './builders';
import type { Token } from './lexer';
import { NO_CURRENCY } from '../src/values/money';

type Metric = { term: string; basis: SalesBasis; range: PriorPeriodReferenceNode['range'] };

export function growthClause(d: Data): ClauseDraft {
  const party = d[0] as PartyNode;
  const rate = d[2] as Token;
  const measured = d[11] as Metric;
  const calendar = d[14] as Token;
  const quarter = d[15] as Token;
  const compared = d[20] as Metric;
  const year = d[33] as Token;
  const range = span(d);
  const threshold: PriorPeriodReferenceNode = {
    kind: 'prior-period', unit: 'quarter', baseYear: Number(digits(year)), metric: compared.term, range: span(d.slice(19, 38)),
  };
  const payment: RateOnExcessPaymentNode = {
    kind: 'rate-on-excess',
    intro: null,
    percent: digits(rate, true),
    basis: measured.basis,
    comparator: 'over',
    threshold,
    measure: { kind: 'measure', term: measured.term, basis: measured.basis, determiner: null, window: null, range: measured.range },
    range: span(d.slice(2, 12)),
  };
  // "in a calendar quarter of one year": each calendar quarter is a period of its own.
  const window: CalendarPeriodWindowNode = {
    kind: 'calendar-period', unit: 'quarter', yearStart: '01-01', selection: { kind: 'each' }, written: 'in a', range: span([calendar, quarter]),
  };
  const milestone: MilestoneNode = {
    kind: 'milestone', label: null, labelSource: null,
    target: { kind: 'revenue', amount: { kind: 'money', amount: '0', currency: NO_CURRENCY, text: '0', range: measured.range }, basis: measured.basis, term: measured.term, range: measured.range },
    window,
    payment,
    comparator: { kind: 'comparator', strict: true, words: 'more than', range: measured.range },
    condition: 'payment',
    range,
  };
  return { kind: 'clause', form: 'payer-pays', party, milestones: cons(null, milestone), payments: null, range };
}
