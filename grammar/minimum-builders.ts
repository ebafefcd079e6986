/**
 * Postprocessors for shortfall sentences: "If the Distributor fails to purchase the Annual Minimum of
 * $500,000 in each year, it shall pay the Company 20% of the shortfall." Like grammar/builders.ts they
 * only build nodes; whether the shortfall can be priced (a count needs a price per unit) is the checker's.
 */
import type { MilestoneNode, MinimumConditionNode, MoneyNode, PartyNode, PaymentNode, Range, TargetNode, WindowNode } from '../src/language/ast';
import { cons, digits, lower, span, subjectTarget, toArray, type ClauseDraft, type Data, type List, type Subject as MetricSubject } from './builders';
import type { Token } from './lexer';

/** What the condition of a shortfall sentence gives the clause. */
interface MinimumCondition {
  /** The party that must reach the minimum (party form), or null (metric form). */
  performer: PartyNode | null;
  target: TargetNode;
  window: WindowNode;
  condition: Omit<MinimumConditionNode, 'payerIsIt' | 'range'>;
  range: Range;
}

/** The metric words of the metric form, as grammar/builders.ts `metricSubject` gives them. */
type Subject = Omit<MetricSubject, 'achiever'>;

/** "the Annual Minimum of": the name's words as written, joined by single spaces. */
export function minimumName(d: Data): { name: string; range: Range } {
  const names = d[1] as List<Token>;
  return { name: toArray(names).map((t) => t.value).join(' '), range: span(d) };
}

/** "$500,000", a target with its noun, or either after "the Annual Minimum of". */
export function minimumQuantity(d: Data): { name: string | null; target: TargetNode; range: Range } {
  const [named, quantity] = d as [{ name: string } | null, MoneyNode | TargetNode];
  const target: TargetNode = quantity.kind === 'money' ? { kind: 'revenue', amount: quantity, basis: null, range: quantity.range } : quantity;
  return { name: named?.name ?? null, target, range: span(d) };
}

/** "the Distributor fails to purchase …", "Reseller does not meet …". */
export function partyMinimum(d: Data): MinimumCondition {
  const [performer, failure, verb, quantity, window] = d as [PartyNode, Token[], Token[], { name: string | null; target: TargetNode }, WindowNode];
  return {
    performer,
    target: quantity.target,
    window,
    condition: {
      kind: 'minimum-condition',
      failure: failure.map(lower).join(' ') as 'fails to' | 'does not',
      verb: lower(verb[0]) as MinimumConditionNode['verb'],
      be: null,
      name: quantity.name,
    },
    range: span(d),
  };
}

/** "Net Sales in each year are less than $100,000" (the window may also follow the amount). */
function metricMinimum(subject: Subject, window: WindowNode, be: Token, amount: MoneyNode, range: Range): MinimumCondition {
  return {
    performer: null,
    target: subjectTarget(subject, amount, span(subject, amount)),
    window,
    condition: { kind: 'minimum-condition', failure: 'less than', verb: null, be: lower(be) as 'is' | 'are', name: null },
    range,
  };
}

export function windowFirstMinimum(d: Data): MinimumCondition {
  const [subject, window, be, , , amount] = d as [Subject, WindowNode, Token[], Token, Token, MoneyNode];
  return metricMinimum(subject, window, be[0], amount, span(d));
}

export function amountFirstMinimum(d: Data): MinimumCondition {
  const [subject, be, , , amount, window] = d as [Subject, Token[], Token, Token, MoneyNode, WindowNode];
  return metricMinimum(subject, window, be[0], amount, span(d));
}

/** "at $12.50 per unit". */
export function unitPrice(d: Data): MoneyNode {
  return d[1] as MoneyNode;
}

/** "the shortfall", "the difference at $12.50 per unit". */
export function wholeShortfall(d: Data): PaymentNode {
  const [, word, price] = d as [Token, Token[], MoneyNode | null];
  return { kind: 'shortfall', written: lower(word[0]) as 'shortfall' | 'difference', intro: false, percent: null, unitPrice: price, range: span(d) };
}

/** "20% of the shortfall", "twenty percent (20%) of the difference". */
export function shareOfShortfall(d: Data): PaymentNode {
  const [percent, , , word, price] = d as [Token, Token, Token, Token[], MoneyNode | null];
  return { kind: 'shortfall', written: lower(word[0]) as 'shortfall' | 'difference', intro: false, percent: digits(percent, true), unitPrice: price, range: span(d) };
}

/** "a payment equal to the shortfall". */
export function introducedShortfall(d: Data): PaymentNode {
  const share = d[4] as PaymentNode;
  return { ...share, intro: true, range: span(d) } as PaymentNode;
}

/**
 * The clause: its one milestone is the minimum. A payer written "it" is the party that failed (the
 * only party named before it); the words say so, so the builder resolves it here, with its own range.
 */
export function shortfallClause(d: Data): ClauseDraft {
  const [, condition, , payerWritten, , , , payee, payment] = d as [unknown, MinimumCondition, Token, PartyNode, unknown, Token, unknown, PartyNode, PaymentNode];
  const payerIsIt = condition.performer !== null && payerWritten.name.toLowerCase() === 'it';
  const payer: PartyNode = payerIsIt ? { ...(condition.performer as PartyNode), range: payerWritten.range } : payerWritten;
  const milestone: MilestoneNode = {
    kind: 'milestone', label: null, labelSource: null, target: condition.target, window: condition.window, payment,
    ...(condition.performer ? { achiever: condition.performer } : {}), range: condition.range,
  };
  return {
    kind: 'clause', form: 'shortfall', payer, party: payee,
    minimum: { ...condition.condition, payerIsIt, range: condition.range },
    milestones: cons(null, milestone), payments: null, range: span(d),
  };
}
