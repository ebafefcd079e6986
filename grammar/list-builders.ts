/**
 * Postprocessors for payment lists with a due time, per list or per item, and the sentences written after such a
 * list about its payments as a whole:
 * "… shall pay each of the following milestone payments to BioLine Partners Ltd. within thirty (30) days after the
 * achievement of such milestone: 1. …: $150,000; 2. …", "(a) within sixty (60) days following attainment of annual
 * Net Sales in Japan equal to ¥100,000,000: [******]", "Each of the milestones shall be paid only once.",
 * "Nothing herein shall preclude multiple milestone payments in a given twelve-month period.".
 * They only build nodes: what a due time or a once-only sentence means is read after parsing.
 */
import type { DefinitionNode, DueNode, ListConditionNode, MilestoneNode, MoneyNode, PartyNode, PaymentNode, Range, SeveralPaymentsStatementNode, WindowNode } from '../src/language/ast';
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
 * of such milestone: 1. …": the payee after the list's words, and (in the second form) a due time for every payment of
 * the list, whose items then state none of their own (grammar: undueItems).
 */
export function eachOfList(d: Data): ListAction {
  const [, , , the, following, qualifiers, noun, , payee, lead, colon, items] = d as [
    Token, Token, Token, Token, Token, unknown, Token, Token, PartyNode, ListConditionNode | null, Token, List<Item>,
  ];
  return listAction(payee, [the, following, qualifiers, noun, colon, items], null, lead);
}

export function eachOfDueList(d: Data): ListAction {
  const [, , , the, following, qualifiers, noun, , payee, due, lead, colon, items] = d as [
    Token, Token, Token, Token, Token, unknown, Token, Token, PartyNode, DueNode, ListConditionNode | null, Token, List<Item>,
  ];
  return listAction(payee, [the, following, qualifiers, noun, colon, items], due, lead);
}

/**
 * "Pharmara will make each of the following one-time Sales Milestone Payments when worldwide aggregate Net Sales … in a
 * given Calendar Year first meet the corresponding threshold: (a) …": no payee named, and a condition for all the items.
 */
export function madeList(d: Data): ListAction {
  const [, , , the, following, qualifiers, noun, lead, colon, items] = d as [Token, Token, Token, Token, Token, unknown, Token, ListConditionNode, Token, List<Item>];
  return listAction(null, [the, following, qualifiers, noun, colon, items], null, lead);
}

interface ListAction { payee: PartyNode | null; entries: List<Entry>; clauseExtra?: { listCondition: ListConditionNode } }

/**
 * The list's entries: each item's payment timed by the list's due time, and the list condition's window given to each
 * item that writes none (an item that writes its own keeps it: the checker reports the two windows).
 */
function listAction(payee: PartyNode | null, listWords: Data, due: DueNode | null, lead: ListConditionNode | null): ListAction {
  const listed = paymentList(listWords) as List<Entry>;
  const entries = toArray(listed).reduce<List<Entry>>((list, entry) => {
    const payment = due ? timedBy(entry.payment, due) : entry.payment;
    const condition = lead && entry.condition.window.kind === 'open' ? { ...entry.condition, window: lead.window } : entry.condition;
    return cons(list, { ...entry, payment, condition });
  }, null);
  return { payee, entries, ...(lead ? { clauseExtra: { listCondition: lead } } : {}) };
}

/** "when worldwide aggregate Net Sales of Licensed Products … in a given Calendar Year first meet the corresponding threshold". */
export function listCondition(d: Data): ListConditionNode {
  const [, subject, window] = d as [Token, Subject, WindowNode];
  return {
    kind: 'list-condition', term: subject.term, basis: subject.basis, ...(subject.scope !== null ? { scope: subject.scope } : {}), window, range: span(d),
  };
}

/** "by or on behalf of Pharmara, its Affiliates or Sublicensees": whose sales count, as written. */
export function onBehalfScope(d: Data): { text: string; range: ReturnType<typeof span> } {
  const [by, or, on, behalf, of, parties] = d as [Token, Token, Token, Token, Token, List<Token[] | Token>];
  const tokens = [by, or, on, behalf, of, ...toArray(parties).flat()];
  const text = tokens.map((t, i) => (i === 0 || t.type === 'comma' ? t.value : ` ${t.value}`)).join('');
  return { text: normalizeText(text), range: span(d) };
}

function timedBy(payment: PaymentNode, due: DueNode): PaymentNode {
  if (payment.kind === 'timed') return payment;
  return { kind: 'timed', payment, due, range: payment.range };
}

/** A sentence after a list: once-only (every milestone), or statements that join the document's definitions. */
type ListEnd = { once: true; range: Range } | DefinitionNode | DefinitionNode[];

/**
 * "Each of the milestones shall be paid only once [regardless of the number of Products that achieve it].", "Each Sales
 * Milestone Payment will be paid only once.": every milestone of the list is paid once. A several-payments statement
 * (and a calendar-basis statement just before one) joins the document's definitions.
 */
export function withListTail(d: Data): ClauseDraft {
  const [clause, tail] = d as [ClauseDraft, List<ListEnd>];
  if (tail === null) return clause;
  const ends = toArray(tail);
  const onceSentence = ends.find((e): e is { once: true; range: Range } => !Array.isArray(e) && 'once' in e);
  const asides = ends.flatMap((e) => (Array.isArray(e) ? e : 'once' in e ? [] : [e]));
  const milestones = onceSentence
    ? toArray(clause.milestones).reduce<List<MilestoneNode>>((list, m) => cons(list, { ...m, once: { kind: 'once-only', words: 'paid only once', range: onceSentence.range } }), null)
    : clause.milestones;
  return { ...clause, milestones, ...(asides.length ? { asides: [...(clause.asides ?? []), ...asides] } : {}), range: span(clause, tail) };
}

export function onceSentence(d: Data): { once: true; range: Range } {
  return { once: true, range: span(d) };
}

/** "For purposes of this Section 4.3, annual Net Sales shall be calculated on a calendar year basis. Nothing herein …". */
export const basisThenSeveral = (d: Data): DefinitionNode[] => [d[0] as DefinitionNode, d[1] as DefinitionNode];

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
