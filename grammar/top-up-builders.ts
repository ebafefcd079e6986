/**
 * Postprocessors for a computed amount with a minimum per period, topped up: "Licensee shall pay Foundation earned
 * royalties of five percent (5%) of Net Sales ("Earned Royalties"), payable annually. If Licensee's Earned Royalties
 * for any calendar year are less than $100,000 (the "Minimum Royalty"), Licensee shall make a payment to Foundation
 * within sixty (60) days after the end of such calendar year equal to the difference between the Minimum Royalty and
 * the Earned Royalties for that calendar year." Like grammar/builders.ts they only build nodes: whether the names and
 * periods agree is the checker's (src/language/check-top-up.ts), what is owed the evaluator's.
 */
import type { ComparatorNode, DueNode, MeasureNode, MilestoneNode, MinimumTopUpNode, MoneyNode, PartyNode, PaymentNode, RatePaymentNode, WindowNode } from '../src/language/ast';
import { cons, digits, span, toArray, type ClauseDraft, type Data, type List } from './builders';
import * as cb from './period-builders';
import type { Token } from './lexer';

const quoted = (t: Token): string => t.value.slice(1, -1).replace(/\s+/g, ' ').trim();
const joined = (words: List<Token>): string => toArray(words).map((t) => t.value).join(' ');

interface RoyaltySentence { payer: PartyNode; payee: PartyNode; payment: RatePaymentNode }

/** "Licensee shall pay Foundation earned royalties of five percent (5%) of Net Sales ("Earned Royalties"), payable annually". */
export function royaltySentence(d: Data): RoyaltySentence {
  const [payer, , , payee, intro, percent, , measure, name] = d as [PartyNode, unknown, Token, PartyNode, Token[], Token, unknown, MeasureNode, Token[]];
  const payment: RatePaymentNode = {
    kind: 'rate', percent: digits(percent, true), basis: measure.basis,
    intro: { noun: 'royalty', link: 'of', qualifiers: [intro[0].value], plural: true },
    measure, definedAs: quoted(name[1]), definedBare: true, payable: 'annually', range: span(intro, d[d.length - 1]),
  };
  return { payer, payee, payment };
}

/** "for any calendar year": the calendar window "in any calendar year" (the words "for any" are the sentence's). */
export function topUpWindow(d: Data): WindowNode {
  const [forWord, any, noun] = d as [Token, Token, unknown];
  return cb.calendarWindow([[{ ...forWord, value: 'in' }], cb.calendarEachChoice([[any], noun])]);
}


/**
 * "If Licensee's Earned Royalties for any calendar year are less than $100,000 (the "Minimum Royalty"), Licensee shall
 * make a payment to Foundation within sixty (60) days after the end of such calendar year equal to the difference
 * between the Minimum Royalty and the Earned Royalties for that calendar year."
 */
export function topUpSentence(d: Data): MinimumTopUpNode {
  const [, owner, subject, window, , , , minimum, name, , payer, , , , , , payee, due, , , , , , , first, , , second, reference] = d as [
    unknown, Token, List<Token>, WindowNode, unknown, Token, Token, MoneyNode, { name: string }, Token, PartyNode, unknown, Token, Token, Token, Token, PartyNode, DueNode,
    Token, Token, Token, Token, Token, Token, List<Token>, Token, Token, List<Token>, WindowNode,
  ];
  return {
    kind: 'minimum-top-up', subject: joined(subject), owner: owner.value, minimum, minimumName: name.name, window, due, payer, payee,
    between: [joined(first), joined(second)], forPeriod: reference, range: span(d),
  };
}

/** "for that calendar year": the period the difference is for, as a window to compare with the minimum's. */
export function referencePeriod(d: Data): WindowNode {
  const [forWord, , noun] = d as [Token, unknown, unknown];
  return cb.calendarWindow([[{ ...forWord, value: 'in' }], cb.calendarEachChoice([[{ ...forWord, value: 'any' }], noun])]);
}

/**
 * The clause: one milestone, the amount's measure in each period the minimum names, whose total must give an amount
 * of at least the minimum; its payment is the computed amount, and the top-up is the clause's.
 */
export function royaltyWithTopUp(d: Data): ClauseDraft {
  const [sentence, , topUp] = d as [RoyaltySentence, Token, MinimumTopUpNode];
  const m = sentence.payment.measure as MeasureNode;
  const zero: MoneyNode = { kind: 'money', amount: '0', currency: topUp.minimum.currency, text: '0', range: m.range };
  const comparator: ComparatorNode = { kind: 'comparator', strict: false, words: 'not less than', range: topUp.range };
  const milestone: MilestoneNode = {
    kind: 'milestone', label: null, labelSource: null,
    target: { kind: 'revenue', amount: zero, basis: m.basis, term: m.term, ...(m.scope !== undefined ? { scope: m.scope } : {}), range: m.range },
    window: topUp.window, payment: sentence.payment as PaymentNode, comparator, condition: 'payment', range: span(sentence.payment, topUp),
  };
  return {
    kind: 'clause', form: 'payer-pays', payer: sentence.payer, party: sentence.payee, topUp,
    milestones: cons(null, milestone), payments: null, range: span(d),
  } as ClauseDraft;
}
