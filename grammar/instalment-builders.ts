/**
 * Postprocessors of the payer-pays sentence written payment first ("The sales milestone payment of $300,000 shall be
 * payable by BMX to Ambrose when …") and of a payment made in instalments ("…; provided that such payment will be
 * made in three (3) equal annual installments, one in each Calendar Year (beginning with the Calendar Year in which
 * the threshold is first reached) in which such threshold continues to be reached or exceeded."). They only build
 * nodes: which window an instalment needs is checked after parsing (src/language/check-instalments.ts), and what each
 * instalment owes is decided by the evaluation (src/evaluation/instalments.ts).
 */
import type { InstalmentsNode, MoneyNode, PartyNode, PaymentNode } from '../src/language/ast';
import { digits, lower, payerClause, qualifierWords, span, toArray, type ClauseDraft, type Condition, type Data, type List, type PayerSentence } from './builders';
import type { Token } from './lexer';

export function instalmentProviso(d: Data): InstalmentsNode {
  const count = d[9] as Token;
  const noun = lower((d[12] as Token[])[0]) === 'instalments' ? 'instalments' : 'installments';
  return { kind: 'instalments', count: Number(digits(count)), share: 'equal', every: 'calendar-year', trigger: 'each-period-met', noun, range: span(d) };
}

/** "The sales milestone payment of $300,000 shall be payable by BMX to Ambrose when …[; provided that … installments …].". */
export function payableByClause(d: Data): ClauseDraft {
  const [, qualifiers, noun, , amount, , , , , payer, , payee, , condition, instalments] = d as [
    Token, List<Token>, Token[], unknown, MoneyNode, unknown, Token, Token, Token, PartyNode, Token, PartyNode, unknown, Condition, InstalmentsNode | null,
  ];
  const words = qualifierWords(toArray(qualifiers));
  const payment: PaymentNode = {
    kind: 'fixed',
    noun: (noun as Token[]).map(lower).join(' ') as 'payment',
    ...(words.length ? { qualifiers: words } : {}),
    amount,
    ...(instalments ? { instalments } : {}),
    range: span(d.slice(1, 5)),
  };
  const sentence: PayerSentence = { form: 'payer-pays', payer, payee, payment, condition, range: span(d) };
  return { ...payerClause([sentence]), sentence: 'payable-by', range: span(d) };
}
