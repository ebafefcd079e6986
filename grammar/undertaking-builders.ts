/**
 * Postprocessors for an undertaking of a minimum of royalties owed under another provision, topped up: "During the year
 * commencing six (6) months from the date hereof, Operator undertakes to pay Licensor total royalties of not less than
 * US $11,500. Should the royalties under Paragraph 9(a) (eight percent (8%) of Gross Revenues) be insufficient to
 * achieve such minimum, Operator shall contribute the difference within forty-five (45) days after the end of that
 * twelve (12) month period." Like grammar/builders.ts they only build nodes: whether the parties and periods agree is
 * the checker's (src/language/check-top-up.ts), what is owed the evaluator's (src/evaluation/top-up.ts).
 */
import type { ComparatorNode, MeasureNode, MilestoneNode, MoneyNode, PartyNode, RatePaymentNode, RoyaltyUndertakingNode, SpanWindowNode } from '../src/language/ast';
import { cons, digits, span, toArray, type ClauseDraft, type Data, type List } from './builders';
import type { Token } from './lexer';

/** "the year commencing six (6) months from the date hereof": a year that starts n months after the date of the agreement. */
function delayedYear(d: Data): SpanWindowNode {
  const n = d[4] as Token;
  return { kind: 'span', n: 1, unit: 'year', start: { kind: 'after-date-hereof', n: Number(digits(n)), unit: 'month' }, written: 'the year', range: span(d) };
}

/** "US $11,500": the money, and whether "US" was written before it. */
export function usMoney(d: Data): { money: MoneyNode; us: boolean } {
  const [us, money] = d as [Token | null, MoneyNode];
  return { money, us: us !== null };
}

/** "Paragraph 9(a)", "Section 4.2": where the royalties are owed, as written. */
export function provisionRef(d: Data): string {
  const [word, ref] = d as [Token, List<Token>];
  return `${word.value} ${toArray(ref).map((t) => t.value).join('')}`;
}

export function undertakingClause(d: Data): ClauseDraft {
  // Positions in the rule (grammar/clause.ne, the undertaking): the window's ten tokens, the parties, the minimum, the
  // provision, the rate, the contributor, the due days and the period's length.
  const window = delayedYear(d.slice(0, 10));
  const payer = d[11] as PartyNode;
  const payee = d[15] as PartyNode;
  const comparator = d[19] as ComparatorNode;
  const minimum = d[20] as { money: MoneyNode; us: boolean };
  const under = d[26] as string;
  const percent = d[28] as Token;
  const measure = d[30] as MeasureNode;
  const contributor = d[39] as PartyNode;
  const days = d[45] as Token;
  const length = d[52] as Token;
  const rate: RatePaymentNode = { kind: 'rate', percent: digits(percent, true), basis: measure.basis, measure, owedUnder: under, range: span(percent, measure) };
  const zero: MoneyNode = { kind: 'money', amount: '0', currency: minimum.money.currency, text: '0', range: measure.range };
  const topUp: RoyaltyUndertakingNode = {
    kind: 'royalty-undertaking', comparator, minimum: minimum.money, ...(minimum.us ? { usWritten: true } : {}), under, contributor,
    days: Number(digits(days)), periodLength: Number(digits(length)), range: span(d),
  };
  const milestone: MilestoneNode = {
    kind: 'milestone', label: null, labelSource: null,
    target: { kind: 'revenue', amount: zero, basis: measure.basis, term: measure.term, ...(measure.scope !== undefined ? { scope: measure.scope } : {}), range: measure.range },
    window, payment: rate, comparator, condition: 'payment', range: span(d),
  };
  return { kind: 'clause', form: 'payer-pays', payer, party: payee, topUp, milestones: cons(null, milestone), payments: null, range: span(d) } as ClauseDraft;
}
