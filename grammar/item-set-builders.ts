/**
 * Postprocessors for sets of products or customers named in a definition ('"Products" means the Model X and Model Y
 * systems listed in Exhibit A, excluding accessories and spare parts.', '"Introduced Customers" means Acme, Inc. and
 * Beta Holdings, LLC.') and for the unit conditions that name such a set ("Distributor purchases not less than five
 * thousand (5,000) units of Products for resale in the Territory"). Like grammar/builders.ts they only build nodes;
 * which scope names which set, and how names are matched in the ledger, is src/language/item-sets.ts's.
 */
import { metricDefinition } from './per-product-builders';
import type { CustomerDefinitionNode, DefinitionNode, QuotaNode, CalendarPeriodsNode, ComparatorNode, ItemSetDefinitionNode, ItemSetMemberNode, MoneyNode, PartyNode, Range, TargetNode, TargetReferenceNode } from '../src/language/ast';
import { cons, digits, lower, party, span, toArray, type Data, type List } from './builders';
import { ofComparison as ofAmount, type Comparison, type Subject } from './builders';
import { ofOrMoreComparison } from './first-time-builders';
import { quotaComparison } from './quota-builders';
import { customerDefinition } from './customer-definition-builders';
import * as ow from './window-builders';
import type { PeriodCondition } from './period-builders';
import type { Token } from './lexer';
import { normalizeText } from '../src/values/text-key';

/** A meaning before its term is known. */
interface SetMeaning { members: ItemSetMemberNode[]; noun: string | null; listedIn: string | null; excluding: string | null; range: Range }

const joined = (tokens: Token[]): string => normalizeText(tokens.map((t) => t.value).join(' '));

/** "Model X": the words of one name. */
export function setName(d: Data): ItemSetMemberNode {
  const tokens = toArray(d[0] as List<Token>);
  return { kind: 'set-member', name: joined(tokens), range: span(tokens) };
}

/** "systems", "product lines": the noun after the names. */
export function setNoun(d: Data): { text: string; range: Range } {
  return { text: joined(d as Token[]).toLowerCase(), range: span(d) };
}

/** "excluding accessories and spare parts": what is left out, as written. */
export function setExcluding(d: Data): { text: string; range: Range } {
  const tokens = toArray(d[2] as List<Token>);
  return { text: joined(tokens), range: span(d) };
}

/** "the Model X and Model Y systems listed in Exhibit A, excluding accessories and spare parts". */
export function productMeaning(d: Data): SetMeaning {
  const [, names, noun, listed, excluding] = d as [Token, List<ItemSetMemberNode>, { text: string }, { text: string } | null, { text: string } | null];
  return { members: toArray(names), noun: noun.text, listedIn: listed?.text ?? null, excluding: excluding?.text ?? null, range: span(d) };
}

/** "listed in Exhibit A". */
export function setListed(d: Data): { text: string; range: Range } {
  const [, , ref] = d as [Token, Token, { text: string }];
  return { text: ref.text, range: span(d) };
}

/** "listed in Exhibit A". */
export function setListedA(d: Data): { text: string; range: Range } {
  const letter = d[3] as Token;
  return { text: `Exhibit ${letter.value}`, range: span(d) };
}

/** "Acme, Inc. and Beta Holdings, LLC": company names, as party names are read. */
export function partyMeaning(d: Data): SetMeaning {
  const parties = toArray(d[0] as List<PartyNode>);
  const members: ItemSetMemberNode[] = parties.map((p, i) => ({ kind: 'set-member', name: i === parties.length - 1 && DOTTED_FORM.test(p.name) ? `${p.name}.` : p.name, range: p.range }));
  return { members, noun: null, listedIn: null, excluding: null, range: span(d) };
}

/** One company name of a list: read as a party name is ("Acme, Inc."). */
export function partyOf(d: Data): List<PartyNode> {
  return cons(null, party(d[0] as List<Token>));
}

export function appendParty(d: Data): List<PartyNode> {
  return cons(d[0] as List<PartyNode>, party(d[2] as List<Token>));
}

/** "Beta, Inc" before the sentence's period: the words with their company form, to which the period belongs too. */
export function endingDotted(d: Data): List<Token> {
  const [words, comma, suffix] = d as [List<Token>, Token, Token];
  return cons(cons(words, comma), { ...suffix, value: `${suffix.value}.` } as Token);
}

/** "Gamma Corp" before the sentence's period: a company form without a comma, to which the period belongs too. */
const DOTTED_FORM = /(?:^| )(?:Inc|Co|Corp|Ltd)$/;

/** "Acme, Inc. and Beta, Inc": the list, the last name with the sentence's period as its own. */
export function lastDottedMeaning(d: Data): SetMeaning {
  const last = d[d.length - 1] as List<Token>;
  const list = d.length === 1 ? cons(null, party(last)) : cons(d[0] as List<PartyNode>, party(last));
  return partyMeaning([list]);
}

/** What follows "of" in a comparison, kept as written until "of" joins it. */
export const ofTail = (d: Data): unknown[] => d;

/** "of $150,000" (reaching it), "of $150,000 or more", "of at least $100,000" (as "at least $100,000"). */
export function ofComparison(d: Data): Comparison {
  const [of, tail] = d as [Token, unknown[]];
  if (tail.length === 1) return ofAmount([of, tail[0]]);
  if (tail.length === 3) return ofOrMoreComparison([of, ...tail]);
  const [comparator, amount] = tail as [ComparatorNode, MoneyNode];
  return { comparator, amount, range: span(d) };
}

/** A named target before its comparator joins it. */
interface NamedAmount { kind: 'named-amount'; name: string; amount: MoneyNode; range: Range }

/** "the Target Sales Threshold of $150,000". */
export function namedAmount(d: Data): NamedAmount {
  const [, named, , amount] = d as [Token, { name: string }, Token, MoneyNode];
  return { kind: 'named-amount', name: named.name, amount, range: span(d) };
}

/** "<comparator> <a share of a quota>" or "<comparator> the <name> of <amount>". */
export function otherComparison(d: Data): Comparison {
  const [be, comparator, other] = d as [unknown, ComparatorNode, QuotaNode | NamedAmount];
  if (other.kind === 'quota') return quotaComparison(d);
  return { comparator, amount: other.amount, targetName: other.name, range: span(be, comparator, other) };
}

/** "Target Sales Threshold": the name a condition gives its target. */
export function namedTarget(d: Data): { name: string; range: Range } {
  const tokens = [d[0] as Token, ...toArray(d[1] as List<Token>)];
  return { name: joined(tokens), range: span(tokens) };
}


/** "the Target Sales Threshold" as an amount's threshold: the condition's target, by its name. */
export function namedTargetReference(d: Data): TargetReferenceNode {
  const named = d[1] as { name: string };
  return { kind: 'target-reference', name: named.name, range: span(d) };
}

/** '"Sales Period" means each calendar quarter.': the calendar's quarters, named by their last days. */
export function eachCalendarQuarter(d: Data): CalendarPeriodsNode {
  return { kind: 'calendar-periods', unit: 'quarter', written: 'calendar quarter', ends: ['03-31', '06-30', '09-30', '12-31'], range: span(d) };
}

/** A new-customer meaning, marked so that the definition sentence knows which it is. */
export const customerMeaningOf = (d: Data): { customer: unknown } => ({ customer: d[0] });

/** '"<Term>" means <meaning>.': a period or fiscal-label meaning (built with a kind), who counts as a new customer, or a set. */
export function termDefinition(d: Data): DefinitionNode {
  const meaning = d[2] as object;
  if ('metricMeaning' in meaning) return metricDefinition(d);
  return 'kind' in meaning ? ow.definitionSentence(d) : whoDefinition(d);
}

/** '"New Client" means a client that …' or '"Products" means the …': the one sentence form of both. */
export function whoDefinition(d: Data): CustomerDefinitionNode | ItemSetDefinitionNode {
  const [term, means, meaning, period] = d as [Token, unknown, { customer: unknown } | SetMeaning, Token];
  if ('customer' in meaning) return customerDefinition([term, means, meaning.customer, period]);
  return itemSetDefinition(d);
}

/** Customers (or clients, accounts) when the term's last word says so; otherwise products. */
const CUSTOMER_HEAD = /^(?:customers?|clients?|accounts?)$/i;

/** '"Products" means <meaning>.' */
export function itemSetDefinition(d: Data): ItemSetDefinitionNode {
  const [term, , meaning] = d as [Token, unknown, SetMeaning];
  const name = normalizeText(term.value.slice(1, -1));
  const head = name.split(' ').pop() ?? '';
  return {
    kind: 'item-set-definition', term: name, field: CUSTOMER_HEAD.test(head) ? 'customer' : 'product', members: meaning.members,
    noun: meaning.noun, listedIn: meaning.listedIn, excluding: meaning.excluding, range: span(d),
  };
}

/** "for resale": a purpose after the units, kept with the scope as written. */
export function purposePhrase(d: Data): { text: string; range: Range } {
  const [forWord, words] = d as [Token, List<Token>];
  return { text: joined([forWord, ...toArray(words)]), range: span(d) };
}

/** The scope of the units: its phrases, in order, as one text. */
export function unitsScope(d: Data): { text: string; range: Range } {
  const parts = (d as Array<List<{ text: string }> | { text: string } | null>).flatMap((x) => (x === null ? [] : 'text' in (x as object) ? [x as { text: string }] : toArray(x as List<{ text: string }>)));
  return { text: parts.map((p) => p.text).join(' '), range: span(d) };
}

/**
 * "Distributor purchases not less than five thousand (5,000) units of Products for resale in the Territory" after
 * "in which": a count of units, the party whose purchases count, and the scope as written.
 */
export function unitsPeriodCondition(d: Data): PeriodCondition {
  const [who, verb, comparator, count, noun, scope] = d as [PartyNode, Token, ComparatorNode, Token, Token[], { text: string; range: Range } | null];
  const target: TargetNode = { kind: 'units', count: digits(count), product: null, ...(scope ? { scope: scope.text } : {}), range: span(comparator, noun, scope) };
  const subject: Subject = { term: lower(verb), basis: null, scope: scope?.text ?? null, achiever: who, range: span(who, verb) };
  // A count has no amount of money: the milestone's target is `target`, and nothing reads this comparison's amount.
  const comparison = { comparator, amount: undefined, range: span(comparator, noun, scope) } as unknown as Comparison;
  return { subject, comparison, target, range: span(d) };
}
