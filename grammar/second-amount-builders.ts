/**
 * Postprocessors for a second computed amount in one payer-pays sentence: "The Company shall pay the Sales Representative a
 * commission of five percent (5%) of Total Sales in each calendar quarter, and an incentive bonus of two percent (2%) of Total
 * Sales in such quarter above the Quarterly Target of One Hundred Thousand Dollars ($100,000)." Each amount is a milestone of
 * its own (its measure, its threshold); the second's "in such quarter" is the first amount's period, which it takes as its
 * window here, and whether the two name the same period is decided by the checker (src/language/check-measured.ts).
 */
import type { MilestoneNode, PaymentNode } from '../src/language/ast';
import { cons, span, toArray, type ClauseDraft, type Data } from './builders';
import { measuredClause, type MeasuredSentence } from './measured-builders';
import type { Token } from './lexer';
import { NO_CURRENCY } from '../src/values/money';

export function secondAmountClause(d: Data): ClauseDraft {
  const [sentence, , , second] = d as [MeasuredSentence, Token, Token, PaymentNode];
  const first = measuredClause([sentence, null]);
  const [head] = toArray(first.milestones);
  const own = measuredClause([{ ...sentence, payment: second, range: second.range }, null]);
  const [m] = toArray(own.milestones);
  // "in such quarter": the first amount's period.
  const milestone: MilestoneNode = { ...m, window: m.window.kind === 'open' && head ? head.window : m.window, sameSentence: true, range: second.range };
  // A rate on all names no amount: its zero target is in the currency the sentence's other amount names, as with a tail's.
  const t = head?.target;
  const withCurrency: MilestoneNode | undefined =
    head && t?.kind === 'revenue' && t.amount.currency === NO_CURRENCY && m.target.kind === 'revenue' && m.target.amount.currency !== NO_CURRENCY
      ? { ...head, target: { ...t, amount: { ...t.amount, currency: m.target.amount.currency } } }
      : head;
  return { ...first, milestones: cons(cons(null, withCurrency as MilestoneNode), milestone), range: span(d) };
}
