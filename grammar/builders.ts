/**
 * The grammar's postprocessors. They only build AST nodes from tokens: no checks, no lookups
 * beyond the lexer's own tables, and no throwing, because nearley runs them for dead parses too
 * (kach/nearley issues #144, #285). Lists are cons cells, and every builder takes constant time:
 * a headed clause or a document is completed once per item (the text could end after any item),
 * so joining lists there would make parsing quadratic. The clause and document builders return
 * drafts that still hold cons lists; `finishDocument` joins them into arrays once, after parsing.
 */
import type {
  ClauseHeadingNode, ClauseNode, ContextOpeningNode, ComparatorNode, DefinitionNode, DocumentNode, DueNode, FixedPaymentNode, MilestoneNode, MoneyNode, PartyNode, PaymentTimingNode, PaymentNode, PaymentTermNode,
  PerProductNode, PeriodUnit, PeriodWordNode, Position, QuotaNode, Range, TargetNode, WindowNode, LabelSourceNode, CompoundConditionNode, SincePreviousNode,
} from '../src/language/ast';
import { currencyOfCode, currencyOfName, currencyOfSymbol } from '../src/values/money';
import { normalizeText } from '../src/values/text-key';
import { figureValue } from '../src/values/number-notation';
import { MONTH_NAMES, ORDINAL_WORDS, type Token } from './lexer';

// nearley hands postprocessors untyped arrays; each builder names the shape it expects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any[];

/** A list cell; `first` is the list's first value, so that a list's start is found at once. */
interface Cons<T> { prev: List<T>; value: T; first: T }
type List<T> = Cons<T> | null;

const cons = <T>(prev: List<T>, value: T): Cons<T> => ({ prev, value, first: prev ? prev.first : value });

function toArray<T>(list: List<T>): T[] {
  const out: T[] = [];
  for (let cell = list; cell; cell = cell.prev) out.push(cell.value);
  return out.reverse();
}

export const id = (d: Data): unknown => d[0];
export const empty = (): List<never> => null;
export const single = (d: Data): List<unknown> => cons(null, d[0]);
export const append = (d: Data): List<unknown> => cons(d[0], d[1]);
export const appendThird = (d: Data): List<unknown> => cons(d[0], d[2]);
export const appendFourth = (d: Data): List<unknown> => cons(d[0], d[3]);
/** Appends every item after the list that is there: `list , Inc .` → list, ",", "Inc", ".". */
export const appendAll = (d: Data): List<unknown> => d.slice(1).reduce((list: List<unknown>, x: unknown) => (x === null ? list : cons(list, x)), d[0]);

// --- positions ---------------------------------------------------------------------------------

function isToken(x: unknown): x is Token {
  return typeof x === 'object' && x !== null && 'offset' in x && 'text' in x && 'col' in x;
}

function tokenStart(t: Token): Position {
  return { line: t.line, column: t.col, offset: t.offset };
}

function tokenEnd(t: Token): Position {
  return { line: t.line, column: t.col + t.text.length, offset: t.offset + t.text.length };
}

/** The start of the first, or end of the last, token or node inside nested data. */
function edge(x: unknown, which: 'start' | 'end'): Position | null {
  if (x === null || x === undefined) return null;
  if (isToken(x)) return which === 'start' ? tokenStart(x) : tokenEnd(x);
  if (Array.isArray(x)) {
    const ordered = which === 'start' ? x : [...x].reverse();
    for (const item of ordered) {
      const found = edge(item, which);
      if (found) return found;
    }
    return null;
  }
  if (typeof x === 'object') {
    if ('range' in x) return (x as { range: Range }).range[which];
    if ('prev' in x && 'value' in x && 'first' in x) {
      // Constant time, no recursion down the list: lists may have thousands of items.
      const cell = x as Cons<unknown>;
      return which === 'end' ? edge(cell.value, 'end') : edge(cell.first, 'start');
    }
  }
  return null;
}

function span(...parts: unknown[]): Range {
  const start = edge(parts, 'start');
  const end = edge(parts, 'end');
  if (!start || !end) throw new Error('span of nothing'); // a grammar bug, never user input
  return { start, end };
}

// Content is read from `value`: the text as written, less invisible characters inside words
// (lexer.ts). Positions are computed from `text`, which is exactly what the source holds.
const lower = (t: Token): string => t.value.toLowerCase();
/** A number token's value as a decimal string, in whichever notation it groups its thousands. */
const digits = (t: Token, decimalIfPossible = false): string => figureValue(t.value, decimalIfPossible);

// --- document and clauses ----------------------------------------------------------------------

/** A clause or document as the grammar builds it: its lists are still cons lists. */
export interface ClauseDraft extends Omit<ClauseNode, 'milestones' | 'payments'> {
  milestones: List<MilestoneNode>;
  payments: List<PaymentTermNode>;
  /** Statements written inside the clause ("(the Company's fiscal year ends on September 30)"): they join the document's definitions. */
  asides?: DefinitionNode[];
}
export interface DocumentDraft extends Omit<DocumentNode, 'clauses' | 'definitions'> {
  clauses: List<ClauseDraft>;
  /** The definition sentences before and after the clauses (grammar/window-builders.ts). */
  definitionLists?: [List<DefinitionNode | DefinitionNode[]>, List<DefinitionNode | DefinitionNode[]>];
}

export function document(d: Data): DocumentDraft {
  return { kind: 'document', clauses: d[1] as List<ClauseDraft>, range: span(d) };
}

/** The AST of a parse: the draft's lists joined into arrays, in one pass over the document. */
export function finishDocument(draft: DocumentDraft): DocumentNode {
  const asides: DefinitionNode[] = [];
  const clauses = toArray(draft.clauses).map((c): ClauseNode => {
    const { asides: written, ...clause } = c;
    if (written) asides.push(...written);
    return { ...clause, milestones: toArray(c.milestones), payments: toArray(c.payments) };
  });
  const { definitionLists, ...rest } = draft;
  if (!definitionLists && asides.length === 0) return { ...rest, clauses };
  // A sentence that states the fiscal year and defines a label gives two definitions.
  const sentences = definitionLists ? [...toArray(definitionLists[0]), ...toArray(definitionLists[1])].flat() : [];
  return { ...rest, clauses, definitions: [...asides, ...sentences] };
}

interface Intro { party: PartyNode; range: Range }

export function intro(d: Data): Intro {
  return { party: party(d[1]), range: span(d) };
}

export function enumeratedClause(d: Data): ClauseDraft {
  const [head, items, , terms] = d as [Intro, List<MilestoneNode>, Token, List<PaymentTermNode>];
  return { kind: 'clause', form: 'enumerated', party: head.party, milestones: items, payments: terms, range: span(d) };
}

/** A clause with the heading written before it: the heading's range is the clause's start. */
export function withHeading(d: Data): ClauseDraft {
  const [heading, clause] = d as [ClauseHeadingNode | null, ClauseDraft];
  return heading ? { ...clause, heading, range: span(heading, clause) } : clause;
}

// --- clause headings ---------------------------------------------------------------------------

/** "4.2", "2.3(a)", "Article 6.2", "3.": the tokens as written, a space only after a word. */
export function sectionNumber(d: Data): { text: string; range: Range } {
  const [prefix, n, parts, dot] = d as [Token | null, Token, List<Token>, Token | null];
  const text = `${prefix ? `${prefix.value} ` : ''}${n.text}${toArray(parts).map((t) => t.text).join('')}${dot ? '.' : ''}`;
  return { text, range: span(d) };
}

export function clauseHeading(d: Data): ClauseHeadingNode {
  const [number, words] = d as [{ text: string } | null, List<Token>];
  return { kind: 'clause-heading', number: number?.text ?? null, title: normalizeText(toArray(words).map((t) => t.value).join(' ')), range: span(d) };
}

// --- payer-pays and conditional sentences ------------------------------------------------------

export interface Subject { term: string; basis: 'gross' | 'net' | null; scope: string | null; achiever: PartyNode | null; periodWord?: PeriodWordNode; perProduct?: PerProductNode; range: Range }
export interface Comparison { comparator: ComparatorNode; amount: MoneyNode; range: Range; quota?: QuotaNode; targetName?: string }
/** `target`: a condition that counts something other than money (units), built whole by its rule; else the comparison's amount of the subject's metric. */
export interface Condition { subject: Subject; comparison: Comparison; window: WindowNode; range: Range; target?: TargetNode; compound?: CompoundConditionNode }
/** One payment with its condition; a label when it is an item of a list. */
interface Entry { payment: PaymentNode; condition: Condition; label: Label | null; range: Range; extra?: Partial<MilestoneNode> }
export interface PayerSentence {
  form: 'payer-pays' | 'conditional'; payer: PartyNode; payee: PartyNode; payment: PaymentNode; condition: Condition; range: Range;
  /** Milestone fields a sentence form adds (a period echo such as "for such Calendar Quarter"). */
  extra?: Partial<MilestoneNode>;
  /** A milestone built whole by the sentence form (an event), in place of the condition's. */
  milestone?: MilestoneNode;
  /** Context written after the payee (", in addition to the commissions under Article 6.1,"): the clause's `aside`. */
  aside?: ContextOpeningNode;
  /** Several payments, each with its condition (a list, or "…, and an additional bonus of … if …"); `payment` and `condition` are the first's. */
  entries?: List<Entry>;
  /** Clause fields a sentence form adds (the condition a list states for all its items). */
  clauseExtra?: Pick<ClauseNode, 'listCondition'>;
}

const words = (tokens: Token[]): string => tokens.map((t) => t.value).join(' ');

export function strict(d: Data): ComparatorNode {
  return { kind: 'comparator', strict: true, words: words(d as Token[]).toLowerCase(), range: span(d) };
}

export function inclusive(d: Data): ComparatorNode {
  return { kind: 'comparator', strict: false, words: words(d as Token[]).toLowerCase(), range: span(d) };
}

export function comparison(d: Data): Comparison {
  const [, comparator, amount] = d as [unknown, ComparatorNode, MoneyNode];
  return { comparator, amount, range: span(d) };
}

/** "first exceed $250,000": the comparison, with where "first" is written (its reading depends on the window). */
export function firstComparison(d: Data): Comparison {
  const [first, comparator, amount] = d as [Token, ComparatorNode, MoneyNode];
  return { comparator: { ...comparator, first: span(first) }, amount, range: span(d) };
}

export function orMoreComparison(d: Data): Comparison {
  const [, amount, or, more] = d as [unknown, MoneyNode, Token, Token[]];
  return { comparator: { kind: 'comparator', strict: false, words: `or ${lower(more[0])}`, range: span(or, more) }, amount, range: span(d) };
}

/** "Gross Sales of $150,000": the amount is to be reached (greater or equal). */
export function ofComparison(d: Data): Comparison {
  const [of, amount] = d as [Token, MoneyNode];
  return { comparator: { kind: 'comparator', strict: false, words: 'of', range: span(of) }, amount, range: span(d) };
}

export function metric(d: Data): { term: string; basis: 'gross' | 'net' | null; periodWord?: PeriodWordNode; range: Range } {
  const [modifiers, basis, noun] = d as [List<Token>, Token | null, Token[]];
  const tokens = [...toArray(modifiers), basis, ...noun].filter((t): t is Token => t !== null);
  const periodWord = periodWordOf(toArray(modifiers));
  return { term: words(tokens), basis: basis ? (lower(basis) as 'gross' | 'net') : null, ...(periodWord ? { periodWord } : {}), range: span(d) };
}

export function scopePhrase(d: Data): { text: string; range: Range } {
  const [preposition, the, names] = d as [Token[], Token | null, List<Token>];
  const tokens = [...preposition, ...(the ? [the] : []), ...toArray(names)];
  return { text: normalizeText(words(tokens)), range: span(d) };
}

/** "of each Product": the words as written. */
export function eachScopePhrase(d: Data): { text: string; range: Range } {
  const [of, each, names] = d as [Token, Token, List<Token>];
  return { text: normalizeText(words([of, each, ...toArray(names)])), range: span(d) };
}

/** "its Affiliates": the words of one party of a "by …" scope. */
export function scopeParty(d: Data): Token[] {
  const [its, names] = d as [Token | null, List<Token>];
  return [...(its ? [its] : []), ...toArray(names)];
}

/** "by Licensee, its Affiliates and Sublicensees": commas join the word before them. */
export function byScope(d: Data): { text: string; range: Range } {
  const [by, parties] = d as [Token, List<Token[] | Token>];
  const tokens = [by, ...toArray(parties).flat()];
  const text = tokens.map((t, i) => (i === 0 || t.type === 'comma' ? t.value : ` ${t.value}`)).join('');
  return { text: normalizeText(text), range: span(d) };
}

/** A metric's scope phrases as one scope; "of a Licensed Product": its words stay in the scope as written, and the node says the total is counted per product. */
export function scopeOf(scopes: List<{ text: string; perProduct?: PerProductNode }>): { scope: string | null; perProduct?: PerProductNode } {
  const list = toArray(scopes);
  const perProduct = list.find((x) => x.perProduct !== undefined)?.perProduct;
  return { scope: list.length > 0 ? list.map((x) => x.text).join(' ') : null, ...(perProduct ? { perProduct } : {}) };
}

function subject(achiever: PartyNode | null, m: { term: string; basis: 'gross' | 'net' | null; periodWord?: PeriodWordNode }, scopes: List<{ text: string; perProduct?: PerProductNode }>, range: Range): Subject {
  const { scope, perProduct } = scopeOf(scopes);
  return { term: m.term, basis: m.basis, scope, achiever, ...(m.periodWord ? { periodWord: m.periodWord } : {}), ...(perProduct ? { perProduct } : {}), range };
}

export function metricSubject(d: Data): Subject {
  return subject(null, d[0], d[1], span(d));
}

export function partySubject(d: Data): Subject {
  return subject(party(d[1]), d[4], d[5], span(d));
}

export function windowFirstCondition(d: Data): Condition {
  const [s, window, c] = d as [Subject, WindowNode, Comparison];
  return { subject: s, comparison: c, window, range: span(d) };
}

export function comparisonFirstCondition(d: Data): Condition {
  const [s, c, window] = d as [Subject, Comparison, WindowNode];
  return { subject: s, comparison: c, window, range: span(d) };
}

/** No deadline written: the window is the empty range just after the comparison. */
export function openCondition(d: Data): Condition {
  const [s, c] = d as [Subject, Comparison];
  const window: WindowNode = { kind: 'open', range: { start: c.range.end, end: c.range.end } };
  return { subject: s, comparison: c, window, range: span(d) };
}

export function paidAmount(d: Data): PaymentNode {
  const [, qualifiers, noun, , value] = d as [unknown, List<Token>, Token[], unknown, MoneyNode | Unstated];
  return paymentOfValue(value, nounOf(noun), qualifierWords(toArray(qualifiers)), span(d));
}

/** "$[***]", "[******]": a redacted figure, with the currency it shows if any. */
interface Unstated { kind: 'unstated-value'; currency: string | null; text: string; range: Range }

export function redactedValue(d: Data): Unstated {
  const tokens = d as Token[];
  const mark = tokens.length === 2 ? tokens[0] : null;
  const currency = mark === null ? null : mark.type === 'currencySymbol' ? currencyOfSymbol(mark.value) ?? null : mark.value;
  return { kind: 'unstated-value', currency, text: tokens.map((t) => t.value).join(''), range: span(d) };
}

/** The words before a payment's noun ("one-time"), as a payment keeps them. */
export const qualifierWords = (tokens: Token[]): string[] => tokens.map((t) => normalizeText(t.value));

/** The payment a written or redacted value makes, with the noun and the words before it ("one-time"). */
export function paymentOfValue(value: MoneyNode | Unstated, noun: FixedPaymentNode['noun'], qualifiers: string[], range: Range): PaymentNode {
  const words = qualifiers.length ? { qualifiers } : {};
  if (value.kind === 'unstated-value') return { kind: 'unstated', how: 'redacted', currency: value.currency, text: value.text, ...words, range };
  return { kind: 'fixed', noun, ...words, amount: value, range };
}

export function paidCondition(d: Data): Entry {
  const [payment, , condition] = d as [PaymentNode, unknown, Condition];
  return { payment, condition, label: null, range: span(d) };
}

/** What follows the payer and its modal: who is paid, and the payments with their conditions. */
interface PayAction { payee: PartyNode; entries: List<Entry>; clauseExtra?: Pick<ClauseNode, 'listCondition'> }
/** A payment whose milestone is not a condition with a figure ("First Commercial Sale …": grammar/opening-builders.ts). */
interface EventAction { payee: PartyNode; milestone: MilestoneNode; range: Range }

export function paymentFirst(d: Data): PayerSentence {
  const [payer, action] = d as [PartyNode, PayAction | EventAction];
  if ('milestone' in action) {
    const m = action.milestone;
    return { form: 'payer-pays', payer, payee: action.payee, payment: m.payment as PaymentNode, condition: null as never, milestone: m, range: span(d) };
  }
  const first = (action.entries as Cons<Entry>).first;
  return {
    form: 'payer-pays', payer, payee: action.payee, payment: first.payment, condition: first.condition, entries: action.entries,
    ...(action.clauseExtra ? { clauseExtra: action.clauseExtra } : {}), range: span(d),
  };
}

export function paidConditions(d: Data): PayAction {
  const [, , payee, entries] = d as [Token, unknown, PartyNode, List<Entry>];
  return { payee, entries };
}

export const listAction = paidConditions;

/** "a one-time payment to Infinitas of $[**]": the payment and who is paid. */
export function madeAmount(d: Data): { payment: PaymentNode; payee: PartyNode } {
  const [article, qualifiers, noun, , payee, link, value] = d as [unknown, List<Token>, Token[], Token, PartyNode, unknown, MoneyNode | Unstated];
  return { payment: paidAmount([article, qualifiers, noun, link, value]), payee };
}

export function madePayment(d: Data): PayAction {
  const [, made, , condition] = d as [Token, { payment: PaymentNode; payee: PartyNode }, unknown, Condition];
  const entry: Entry = { payment: made.payment, condition, label: null, range: span(made, condition) };
  return { payee: made.payee, entries: cons(null, entry) };
}

export function conditionFirst(d: Data): PayerSentence {
  const [, condition, , payer, , , , payee, payment] = d as [unknown, Condition, Token, PartyNode, unknown, Token, unknown, PartyNode, PaymentNode];
  return { form: 'conditional', payer, payee, payment, condition, range: span(d) };
}

/** An item of a payment list, before the list's own words (noun, "one-time") are applied. */
export interface Item {
  label: Label; paid: PaymentNode | MoneyNode | Unstated; condition: Condition; range: Range;
  /** "(a) within sixty (60) days following attainment of …": when this item's payment falls due. */
  due?: DueNode;
}

export function payerItem(d: Data): Item {
  const [label, paid, , condition] = d as [Label, PaymentNode | MoneyNode | Unstated, unknown, Condition];
  return { label, paid, condition, range: span(d) };
}

/** "(a) first time annual Net Sales exceed $1,000,000: $[***]". */
export function valueLastItem(d: Data): Item {
  const [label, , condition, , paid] = d as [Label, unknown, Condition, Token, MoneyNode | Unstated];
  return { label, paid, condition, range: span(d) };
}

/** The list's words ("the following one-time milestone payments") apply to each bare amount. */
export function paymentList(d: Data): List<Entry> {
  const [, , qualifiers, noun, , items] = d as [Token, Token, List<Token>, Token, Token, List<Item>];
  const words = qualifierWords(toArray(qualifiers));
  const listNoun: FixedPaymentNode['noun'] = lower(noun) === 'bonuses' ? 'bonus' : 'payment';
  return toArray(items).reduce<List<Entry>>((list, item) => {
    const paid = item.paid;
    const stated = paid.kind === 'money' || paid.kind === 'unstated-value' ? paymentOfValue(paid, listNoun, words, paid.range) : paid;
    const payment: PaymentNode = item.due && stated.kind !== 'timed' ? { kind: 'timed', payment: stated, due: item.due, range: span(item.due, stated) } : stated;
    return cons(list, { payment, condition: item.condition, label: item.label, range: item.range });
  }, null);
}

/** "the milestone bonus set forth opposite such milestone in Schedule 4.2": the amount is there, by label. */
export function elsewherePayment(d: Data): PaymentNode {
  const where = d[5] as { text: string };
  return { kind: 'unstated', how: 'elsewhere', currency: null, text: where.text, range: span(d) };
}

export function documentRef(d: Data): { text: string; range: Range } {
  const [kind, id] = d as [Token, Token];
  return { text: `${capitalise(kind.value)} ${id.value}`, range: span(d) };
}

export const last = (d: Data): unknown => d[d.length - 1];

interface ConditionItem { label: Label; condition: Condition; range: Range }

export function conditionItem(d: Data): ConditionItem {
  const [label, condition] = d as [Label, Condition];
  return { label, condition, range: span(d) };
}

/** Each listed condition is a milestone paid by the one payment; the achieving party is the sentence's. */
export function achievementList(d: Data): PayerSentence {
  const achiever = possessive(d[1] as List<Token>);
  const [payer, , , payee, payment, , items] = d.slice(11) as [PartyNode, Token, unknown, PartyNode, PaymentNode, Token, List<ConditionItem>];
  const entries = toArray(items).reduce<List<Entry>>((list, item) => {
    const condition = item.condition.subject.achiever ? item.condition : { ...item.condition, subject: { ...item.condition.subject, achiever } };
    return cons(list, { payment, condition, label: item.label, range: item.range });
  }, null);
  const first = (entries as Cons<Entry>).first;
  return { form: 'payer-pays', payer, payee, payment: first.payment, condition: first.condition, entries, range: span(d) };
}

/** "Distributor's": the party without its possessive ending. */
function possessive(words: List<Token>): PartyNode {
  const node = party(words);
  return { ...node, name: node.name.replace(/['’]s$/, '') };
}

export function paymentTiming(d: Data): PaymentTimingNode {
  const [, , , , n, unit, , , , , , period] = d as [Token, unknown, unknown, Token, Token, Token, Token, Token, Token, Token, Token, List<Token>];
  return {
    kind: 'payment-timing', n: Number(digits(n)), unit: lower(unit) === 'days' ? 'day' : 'month',
    period: normalizeText(words(toArray(period))), range: span(d),
  };
}

export function withTiming(d: Data): ClauseDraft {
  const [clause, timing] = d as [ClauseDraft, PaymentTimingNode];
  return { ...clause, timing, range: span(clause, timing) };
}

export function payerClause(d: Data): ClauseDraft {
  const [sentence] = d as [PayerSentence];
  if (sentence.entries) {
    const milestones = toArray(sentence.entries).reduce<List<MilestoneNode>>((list, entry) => cons(list, milestoneOf(entry.condition, entry.payment, entry.label, entry.extra ?? {})), null);
    return { kind: 'clause', form: sentence.form, payer: sentence.payer, party: sentence.payee, milestones, payments: null, ...sentence.clauseExtra, range: span(d) };
  }
  const milestone = sentence.milestone ?? milestoneOf(sentence.condition, sentence.payment, null, sentence.extra ?? {});
  return {
    kind: 'clause', form: sentence.form, payer: sentence.payer, party: sentence.payee, ...(sentence.aside ? { aside: sentence.aside } : {}),
    milestones: cons(null, milestone), payments: null, range: span(d),
  };
}

/** The revenue target of a condition's subject (its metric, scope and period word) at an amount. */
export function subjectTarget(s: Omit<Subject, 'achiever'>, amount: MoneyNode, range: Range): TargetNode {
  return {
    kind: 'revenue', amount, basis: s.basis, term: s.term, ...(s.scope !== null ? { scope: s.scope } : {}),
    ...(s.perProduct ? { perProduct: s.perProduct } : {}), ...(s.periodWord ? { periodWord: s.periodWord } : {}), range,
  };
}

/** The milestone of one payment and its condition. */
function milestoneOf(condition: Condition, payment: PaymentNode, label: Label | null, extra: Partial<MilestoneNode>): MilestoneNode {
  const { subject: s, comparison: c, window } = condition;
  const target: TargetNode = condition.target ?? subjectTarget(s, c.amount, span(s, c));
  return {
    kind: 'milestone', label: label?.label ?? null, labelSource: label?.source ?? null, target, window, payment, comparator: c.comparator,
    ...(s.achiever ? { achiever: s.achiever } : {}), ...(c.quota ? { quota: c.quota } : {}), ...(c.targetName ? { targetName: c.targetName } : {}), ...(condition.compound ? { compound: condition.compound } : {}), ...extra, range: label ? span(label, condition) : condition.range,
  };
}

export function headedClause(d: Data): ClauseDraft {
  const [items, terms = null] = d as [List<MilestoneNode>, List<PaymentTermNode>?];
  return { kind: 'clause', form: 'headed', party: null, milestones: items, payments: terms, range: span(d) };
}

function party(words: List<Token>): PartyNode {
  const tokens = toArray(words);
  // Words joined by one space; a comma or the period of "Inc." joins the word before it.
  const name = tokens.map((t, i) => (i === 0 || t.type === 'comma' || t.type === 'period' ? t.value : ` ${t.value}`)).join('');
  return { kind: 'party', name: normalizeText(name), range: span(tokens) };
}

export function partyRef(d: Data): PartyNode {
  return party(d[1]);
}

// --- milestones --------------------------------------------------------------------------------

/** Carries `range` (the label's) so that the milestone's range starts at its label. */
interface Label { label: string; source: LabelSourceNode; range: Range }

export function parenthesisedLabel(d: Data): Label {
  const t = d[0] as Token;
  const range = span(t);
  return { label: t.value.slice(1, -1), source: { kind: 'label', style: 'parenthesised', text: t.value, range }, range };
}

export function dottedLabel(d: Data): Label {
  const [n, dot] = d as [Token, Token];
  const range = span(n, dot);
  return { label: n.value, source: { kind: 'label', style: 'dotted', text: `${n.value}.`, range }, range };
}

export function item(d: Data): MilestoneNode {
  const [label, target, window, payment] = d as [Label | null, TargetNode, WindowNode, PaymentNode | null];
  return {
    kind: 'milestone', label: label?.label ?? null, labelSource: label?.source ?? null, target, window, payment, range: span(d),
  };
}

interface Heading extends Label { implied: WindowNode }

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();

export function numberedHeading(d: Data): Heading {
  const [unit, n, noun] = d as [Token, Token, Token[]];
  const range = span(d);
  const label = `${capitalise(unit.value)} ${n.value}`;
  return {
    label,
    range,
    source: { kind: 'label', style: 'heading', text: `${label} ${capitalise(noun[0].value)}`, range },
    implied: { kind: 'end-of-period', unit: lower(unit) as PeriodUnit, n: Number(digits(n)), written: 'implied', range },
  };
}

const ADJECTIVE_UNITS: Readonly<Record<string, PeriodUnit>> = { quarterly: 'quarter', annual: 'year', yearly: 'year' };

export function adjectiveHeading(d: Data): Heading {
  const [adjective, noun] = d as [Token, Token[]];
  const range = span(d);
  const label = `${capitalise(adjective.value)} ${capitalise(noun[0].value)}`;
  return {
    label,
    range,
    source: { kind: 'label', style: 'heading', text: label, range },
    implied: { kind: 'end-of-period', unit: ADJECTIVE_UNITS[lower(adjective)], n: 1, written: 'implied', range },
  };
}

export function headedItem(d: Data): MilestoneNode {
  const [, heading, , , target, window, payment] = d as [unknown, Heading, Token, unknown, TargetNode, WindowNode | null, PaymentNode | null];
  return {
    kind: 'milestone', label: heading.label, labelSource: heading.source, target, window: window ?? heading.implied, payment, range: span(d),
  };
}

// --- targets -----------------------------------------------------------------------------------

export function revenueTarget(d: Data): TargetNode {
  const [amount, , basis] = d as [MoneyNode, Token, Token | null];
  return { kind: 'revenue', amount, basis: basis ? (lower(basis) as 'gross' | 'net') : null, range: span(d) };
}

/** Carries `range` so that the units target's range ends after the product name. */
export function product(d: Data): { name: string; range: Range } {
  const t = d[1] as Token;
  // The ledger's product cells go through the same normalisation, so the two compare equal.
  return { name: normalizeText(t.value.slice(1, -1)), range: span(d) };
}

export function unitsTarget(d: Data): TargetNode {
  const [count, , named] = d as [Token, Token, { name: string } | null];
  return { kind: 'units', count: digits(count), product: named?.name ?? null, range: span(d) };
}

/** "customer" → "customers": a count of one may be written in the singular. */
const plural = (noun: string): string => (noun.endsWith('s') ? noun : `${noun}s`);

export function newCustomersTarget(d: Data): TargetNode {
  const [count, , noun] = d as [Token, Token, Token];
  return { kind: 'new-customers', count: digits(count), noun: plural(lower(noun)) as 'customers' | 'clients', range: span(d) };
}

export function dealsTarget(d: Data): TargetNode {
  const [count, noun] = d as [Token, Token[]];
  const words = plural(noun.map(lower).join(' ')) as 'sales' | 'deals' | 'closed deals';
  return { kind: 'deals', count: digits(count), noun: words, range: span(d) };
}

// --- money -------------------------------------------------------------------------------------

/** Each multiplier as a power of ten. */
const MULTIPLIERS: Readonly<Record<string, number>> = { thousand: 3, million: 6, billion: 9 };

/**
 * A decimal string times 10^zeros, exactly, by moving the decimal point: decimal.js rounds a
 * product to its 60 significant digits, which silently changed "$1.2222…2 million" (70 digits).
 */
function timesPowerOfTen(value: string, zeros: number): string {
  const [whole, fraction = ''] = value.split('.');
  const moved = fraction.padEnd(zeros, '0');
  const integer = `${whole}${moved.slice(0, zeros)}`.replace(/^0+(?=\d)/, '');
  const rest = moved.slice(zeros).replace(/0+$/, '');
  return rest ? `${integer}.${rest}` : integer;
}

function money(currency: string, number: Token, multiplier: Token | null, text: string, range: Range): MoneyNode {
  // Before a multiplier "1.500" is a decimal ("$1.500 million"); elsewhere dots group thousands.
  let amount = digits(number, multiplier !== null);
  if (multiplier) amount = timesPowerOfTen(amount, MULTIPLIERS[lower(multiplier)]);
  return { kind: 'money', amount, currency, text, range };
}

const withMultiplier = (text: string, m: Token | null): string => (m ? `${text} ${m.value}` : text);

export function symbolMoney(d: Data): MoneyNode {
  const [symbol, n, m] = d as [Token, Token, Token | null];
  return money(currencyOfSymbol(symbol.value) as string, n, m, withMultiplier(symbol.value + n.value, m), span(d));
}

export function codeFirstMoney(d: Data): MoneyNode {
  const [code, n, m] = d as [Token, Token, Token | null];
  return money(currencyOfCode(code.value), n, m, withMultiplier(`${code.value} ${n.value}`, m), span(d));
}

/** "Two Thousand Five Hundred Dollars ($2,500)": the bracketed figure, in the symbol's currency (else the name's). */
export function draftedMoney(d: Data): MoneyNode {
  const t = d[0] as Token;
  const symbol = /[$€£¥]/.exec(t.value)?.[0];
  const name = t.text.slice(0, t.text.lastIndexOf('('));
  const currency = symbol ? (currencyOfSymbol(symbol) as string) : currencyOfName(name) ?? 'USD';
  const figure = t.value.replace(/^(?:US)?[$€£¥]?\s?/, '');
  return { kind: 'money', amount: figureValue(figure), currency, text: t.text.replace(/\s+/g, ' '), range: span(t) };
}

export function codeLastMoney(d: Data): MoneyNode {
  const [n, m, code] = d as [Token, Token | null, Token];
  return money(currencyOfCode(code.value), n, m, `${withMultiplier(n.value, m)} ${code.value}`, span(d));
}

// --- windows -----------------------------------------------------------------------------------

function ordinalValue(t: Token): number {
  const word = ORDINAL_WORDS.indexOf(lower(t) as (typeof ORDINAL_WORDS)[number]);
  return word >= 0 ? word + 1 : parseInt(t.value, 10);
}

export function endOfOrdinal(d: Data): WindowNode {
  const unit = d[6] as Token;
  return { kind: 'end-of-period', unit: lower(unit) as PeriodUnit, n: ordinalValue(d[5]), written: 'ordinal', range: span(d) };
}

export function endOfNumbered(d: Data): WindowNode {
  const [, , , , unit, n] = d as Token[];
  return { kind: 'end-of-period', unit: lower(unit) as PeriodUnit, n: Number(digits(n)), written: 'number', range: span(d) };
}

export function endOfThe(d: Data): WindowNode {
  const unit = d[5] as Token;
  return { kind: 'end-of-period', unit: lower(unit) as PeriodUnit, n: 1, written: 'the', range: span(d) };
}

/** Carries `range` so that the by-date window's range ends after the date. */
interface WrittenDate { date: string; range: Range }

export function byDate(d: Data): WindowNode {
  return { kind: 'by-date', date: (d[1] as WrittenDate).date, range: span(d) };
}

const pad = (value: string, width: number): string => value.padStart(width, '0');

export function isoDate(d: Data): WrittenDate {
  return { date: (d[0] as Token).value, range: span(d) };
}

function writtenDate(year: Token, month: Token, day: Token, range: Range): WrittenDate {
  return { date: `${pad(digits(year), 4)}-${pad(String(MONTH_NAMES[lower(month)]), 2)}-${pad(digits(day), 2)}`, range };
}

export function monthFirstDate(d: Data): WrittenDate {
  const [month, day, , year] = d as [Token, Token, unknown, Token];
  return writtenDate(year, month, day, span(d));
}

export function dayFirstDate(d: Data): WrittenDate {
  const [day, month, year] = d as Token[];
  return writtenDate(year, month, day, span(d));
}

export function within(d: Data): WindowNode {
  const [, n, unit, relation] = d as Token[];
  return {
    kind: 'within',
    n: Number(digits(n)),
    unit: lower(unit).startsWith('day') ? 'day' : 'month',
    relation: lower(relation) as 'of' | 'after' | 'from',
    range: span(d),
  };
}

export function periodOrdinal(d: Data): WindowNode {
  return { kind: 'period', unit: lower(d[3]) as PeriodUnit, n: ordinalValue(d[2]), range: span(d) };
}

export function periodNumbered(d: Data): WindowNode {
  return { kind: 'period', unit: lower(d[1]) as PeriodUnit, n: Number(digits(d[2])), range: span(d) };
}

export function recurring(d: Data): WindowNode {
  return { kind: 'recurring', unit: lower(d[1]) as PeriodUnit, range: span(d) };
}

// --- payments ----------------------------------------------------------------------------------

const nounOf = (words: Token[]): FixedPaymentNode['noun'] => words.map(lower).join(' ') as FixedPaymentNode['noun'];

export function inlinePayment(d: Data): PaymentNode {
  const [, forWord, , noun, , amount] = d as [unknown, Token, Token, Token[], Token, MoneyNode];
  return { kind: 'fixed', noun: nounOf(noun), amount, range: span(forWord, amount) };
}

export function fixedPayment(d: Data): PaymentNode {
  const [, noun, , amount] = d as [Token, Token[], Token, MoneyNode];
  return { kind: 'fixed', noun: nounOf(noun), amount, range: span(d) };
}

export function sectionPayment(d: Data): PaymentNode {
  const parts = toArray<Token>(d[8]);
  const ref = parts.map((t) => t.value).join('');
  return { kind: 'section', ref, placeholder: parts[0].type === 'placeholder', range: span(d) };
}

export function ratePayment(d: Data): PaymentNode {
  const percent = d[3] as Token;
  const basis = d[6] as Token | null;
  const since = d[9] as SincePreviousNode | null;
  // A percentage's dot is a decimal point: "2.125%" is never 2,125%.
  return { kind: 'rate', percent: digits(percent, true), basis: basis ? (lower(basis) as 'gross' | 'net') : null, ...(since ? { since } : {}), range: span(d) };
}

export function sincePrevious(d: Data): SincePreviousNode {
  return { kind: 'since-previous', word: lower(d[2] as Token) as SincePreviousNode['word'], range: span(d) };
}

export function eachScope(): PaymentTermNode['scope'] {
  return { kind: 'each' };
}

export function labelScope(d: Data): PaymentTermNode['scope'] {
  const t = d[1] as Token;
  return { kind: 'milestone', label: t.type === 'enumerator' ? t.value.slice(1, -1) : t.value, range: span(t) };
}

export function paymentTerm(d: Data): PaymentTermNode {
  const scope = d[2] as PaymentTermNode['scope'];
  const who = d[4] as PartyNode | null;
  const payment = d[8] as PaymentNode;
  return { kind: 'payment-term', scope, party: who, payment, range: span(d) };
}

// For the payment-mechanics builders (grammar/payment-builders.ts).
export { cons, digits, lower, party, span, toArray, type Cons, type Data, type Entry, type Label, type List, type Unstated };

const UNITS: Record<PeriodWordNode['word'], PeriodWordNode['unit']> = {
  annual: 'year', yearly: 'year', quarterly: 'quarter', monthly: 'month', fortnightly: 'fortnight', weekly: 'week',
};

/** The period word among a metric's modifiers ("annual" in "aggregate annual Net Sales"), or undefined. */
export function periodWordOf(modifiers: Token[]): PeriodWordNode | undefined {
  const token = modifiers.find((t) => (lower(t) as PeriodWordNode['word']) in UNITS);
  if (token === undefined) return undefined;
  const word = lower(token) as PeriodWordNode['word'];
  return { kind: 'period-word', word, unit: UNITS[word], range: span([token]) };
}
