/**
 * Postprocessors for payment lists with a due time, per list or per item, and the sentences written after such a
 * list about its payments as a whole:
 * "… shall pay each of the following milestone payments to BioLine Partners Ltd. within thirty (30) days after the
 * achievement of such milestone: 1. …: $150,000; 2. …", "(a) within sixty (60) days following attainment of annual
 * Net Sales in Japan equal to ¥100,000,000: [******]", "Each of the milestones shall be paid only once.",
 * "Nothing herein shall preclude multiple milestone payments in a given twelve-month period.".
 * They only build nodes: what a due time or a once-only sentence means is read after parsing.
 */
import type { DueNode, MilestoneNode, MoneyNode, PaymentNode, SeveralPaymentsStatementNode } from '../src/language/ast';
import { normalizeText } from '../src/values/text-key';
import {
  cons, digits, paymentList, span, toArray, type ClauseDraft, type Comparison, type Condition, type Data, type Entry, type Item, type Label, type List,
  type Subject, type Unstated,
} from './builders';
import type { Token } from './lexer';

/** "within thirty (30) days after the achievement of such milestone", "within sixty (60) days following attainment of": days after the milestone is met. */
export function dueAfterAchievement(d: Data): DueNode {
  const [, n] = d as [Token, Token];
  return { kind: 'due', days: Number(digits(n)), after: 'achievement', calendar: false, range: span(d) };
}

/** "(a) within sixty (60) days following attainment of <condition>: [******]": an item with its own due time. */
export function dueItem(d: Data): Item {
  const [label, due, condition, , paid] = d as [Label, DueNode, Condition, Token, MoneyNode | Unstated];
  return { label, paid, condition, due, range: span(d) };
}

/** "annual Net Sales in Japan equal to ¥100,000,000" after "attainment of": the amount is to be reached. */
export function equalToCondition(d: Data): Condition {
  const [subject, equal, to, amount, window = null] = d as [Subject, Token, Token, MoneyNode, Condition['window'] | null];
  const comparison: Comparison = { comparator: { kind: 'comparator', strict: false, words: 'equal to', range: span(equal, to) }, amount, range: span(equal, amount) };
  return { subject, comparison, window: window ?? { kind: 'open', range: { start: amount.range.end, end: amount.range.end } }, range: span(d) };
}

/**
 * "pay each of the following milestone payments to BioLine Partners Ltd. within thirty (30) days after the achievement
 * of such milestone: 1. …": the payee after the list's words, and a due time for every payment of the list. An item
 * that states a due time of its own as well does not parse (the text would give two).
 */
export function eachOfList(d: Data, _location?: number, reject?: unknown): { payee: Data[number]; entries: List<Entry> } | unknown {
  const [, , , the, following, qualifiers, noun, , payee, due, colon, items] = d as [
    Token, Token, Token, Token, Token, unknown, Token, Token, unknown, DueNode | null, Token, List<Item>,
  ];
  const all = toArray(items);
  if (due && all.some((item) => item.due)) return reject;
  const listed = paymentList([the, following, qualifiers, noun, colon, items]) as List<Entry>;
  if (!due) return { payee, entries: listed };
  const entries = toArray(listed).reduce<List<Entry>>((list, entry) => cons(list, { ...entry, payment: timedBy(entry.payment, due) }), null);
  return { payee, entries };
}

function timedBy(payment: PaymentNode, due: DueNode): PaymentNode {
  if (payment.kind === 'timed') return payment;
  return { kind: 'timed', payment, due, range: payment.range };
}

/**
 * "Each of the milestones shall be paid only once [regardless of the number of Products that achieve it].",
 * "Each Sales Milestone Payment will be paid only once.": every milestone of the list is paid once.
 */
export function withOnceSentence(d: Data): ClauseDraft {
  const [clause, sentence] = d as [ClauseDraft, { range: ReturnType<typeof span> }];
  const once: MilestoneNode['once'] = { kind: 'once-only', words: 'paid only once', range: sentence.range };
  const milestones = toArray(clause.milestones).reduce<List<MilestoneNode>>((list, m) => cons(list, { ...m, once }), null);
  return { ...clause, milestones, range: span(clause, sentence) };
}

export function onceSentence(d: Data): { range: ReturnType<typeof span> } {
  return { range: span(d) };
}

/** "Nothing herein shall preclude multiple milestone payments in a given twelve-month period." */
export function nothingPrecludes(d: Data): SeveralPaymentsStatementNode {
  const [length, noun] = d.slice(-3, -1) as [Token, Token];
  return { kind: 'several-payments-statement', written: 'nothing-precludes', period: normalizeText(`${length.value} ${noun.value}`), range: span(d) };
}

/** "If more than one unmet Sales Milestone is achieved in a given Calendar Year, a Sales Milestone Payment will be made for each." */
export function madeForEach(d: Data): SeveralPaymentsStatementNode {
  // "unmet" is one of the qualifiers before the noun.
  const period = d[11] as Token[];
  return { kind: 'several-payments-statement', written: 'made-for-each', period: normalizeText(period.map((t) => t.value).join(' ')), range: span(d) };
}
