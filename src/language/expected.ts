/**
 * What the parser expected at an error, in words. nearley's own message is a dump of parser
 * states; instead we read the Earley column where parsing stopped (kach/nearley issue #146)
 * and describe it. A nonterminal with a description ("a deadline such as …") stands for all the
 * tokens it could start with, so the message names the idea instead of listing twenty keywords.
 */
import type { Grammar } from 'nearley';
import { MONTH_NAMES, ORDINAL_WORDS } from '../../grammar/lexer';

const NONTERMINAL_WORDS: Readonly<Record<string, string>> = {
  clauses: "a clause such as 'The Seller agrees to meet the following sales milestones: …' or a heading such as 'Month 1 Milestone:'",
  enumeratedClause: "a clause such as 'The Seller agrees to meet the following sales milestones: …'",
  clauseHeading: "a clause heading such as 'Sales Bonus.'",
  headingWord: "more words of a clause heading ending with '.'",
  payerClause: "a sentence such as 'The Company shall pay the Agent a bonus of $5,000 if Net Sales exceed $100,000 in the first year.'",
  condition: "a condition such as 'Net Sales exceed $100,000 in the first year'",
  comparison: "a comparison such as 'exceed $100,000' or 'are at least $100,000'",
  comparator: "'exceed', 'in excess of', 'more than', 'at least', 'not less than' …",
  paidAmount: "a payment such as 'a bonus of $5,000'",
  metric: "a metric such as 'Net Sales' or 'Gross Revenue'",
  scopePhrase: "a scope such as 'of Products' or 'in the Territory'",
  headedItem: "a heading such as 'Month 2 Milestone:'",
  paymentTerm: "a payment sentence such as 'Upon achieving each milestone, the Seller will receive …'",
  partyName: "a party name such as 'Seller'",
  partyWords: "a party name such as 'Seller'",
  partyWord: 'more words of the party name',
  modal: "'will' or 'shall'",
  commitment: "'agrees to', 'shall' or 'will'",
  achieveVerb: "'meet', 'achieve' or 'reach'",
  label: "a milestone label such as '(ii)'",
  target: "a target such as '$100,000 in sales revenue', '500 units' or '10 new customers'",
  window: "a deadline such as 'by the end of the second month', 'by March 31, 2026' or 'in each month'",
  inlinePayment: "', for a bonus of $…'",
  separator: "',' or ';' before the next milestone",
  money: "an amount such as '$100,000' or 'USD 100,000'",
  multiplier: "'thousand', 'million' or 'billion'",
  basis: "'gross' or 'net'",
  revenueNoun: "'sales revenue', 'revenue' or 'sales'",
  ordinal: "an ordinal such as 'second' or '2nd'",
  periodUnit: "'month', 'quarter' or 'year'",
  date: "a date such as 'March 31, 2026' or '2026-03-31'",
  payment: "a payment such as 'a bonus of $5,000' or 'the corresponding commission payment as outlined in Section 4.2'",
  paymentNoun: "'commission', 'bonus' or 'commission payment'",
  sectionRef: "a section number such as '4.2' or '[X]'",
  heading: "a heading such as 'Month 1 Milestone'",
  goalNoun: "'Milestone', 'Goal' or 'Target'",
  scope: "'each milestone', 'the milestone' or 'milestone (ii)'",
};

const TOKEN_WORDS: Readonly<Record<string, string>> = {
  number: 'a number',
  dottedNumber: "a section number such as '7.1.2'",
  isoDate: "a date such as '2026-03-31'",
  ordinal: "an ordinal such as 'second'",
  ordinalNumber: "an ordinal such as '2nd'",
  enumerator: "a label such as '(ii)'",
  placeholder: "a placeholder such as '[X]'",
  currencySymbol: "a currency symbol such as '$'",
  currencyCode: "a currency code such as 'USD'",
  string: "a product name in quotes such as \"Widget\"",
  quote: 'a quotation mark',
  word: 'a word',
  draftedMoney: "an amount in words and figure such as 'Five Thousand Dollars ($5,000)'",
  draftedPercent: "a percentage in words and figure such as 'five percent (5%)'",
  monthName: "a month name such as 'March'",
  colon: "':'",
  comma: "','",
  semicolon: "';'",
  period: "'.'",
  percent: "'%'",
  bullet: "'-'",
  lparen: "'('",
  rparen: "')'",
  lessSign: "'<'",
  greaterSign: "'>'",
  slash: "'/'",
};

/** The keyword a token type stands for ("for_" → "for"), or null for a non-keyword type. */
function keywordOf(type: string): string | null {
  return type in TOKEN_WORDS ? null : type.replace(/_$/, '');
}

/** The words for a nonterminal of the grammar, if it has any. */
export function describeNonterminal(name: string): string | undefined {
  return NONTERMINAL_WORDS[name];
}

export function describeTokenType(type: string): string {
  return TOKEN_WORDS[type] ?? `'${keywordOf(type)}'`;
}

interface EarleyState {
  rule: { name: string; symbols: unknown[] };
  dot: number;
}

export interface Expectation {
  /** Phrases, e.g. "a deadline such as …", "','". */
  phrases: string[];
  /** Words a misspelt token could have meant, for "did you mean …?". */
  words: string[];
  /** The token types that could have come next. */
  types: string[];
}

const firstSets = new WeakMap<Grammar, Map<string, Set<string>>>();

/** The token types each nonterminal can start with (nullable rules handled). */
function firstSetsOf(grammar: Grammar): Map<string, Set<string>> {
  const cached = firstSets.get(grammar);
  if (cached) return cached;
  const first = new Map<string, Set<string>>();
  const nullable = new Set<string>();
  for (const rule of grammar.rules) first.set(rule.name, new Set());
  let changed = true;
  while (changed) {
    changed = false;
    for (const rule of grammar.rules) {
      const set = first.get(rule.name)!;
      let allNullable = true;
      for (const symbol of rule.symbols) {
        if (typeof symbol === 'string') {
          for (const t of first.get(symbol) ?? []) if (!set.has(t)) (set.add(t), (changed = true));
          if (!nullable.has(symbol)) {
            allNullable = false;
            break;
          }
        } else {
          const type = (symbol as { type?: string }).type;
          if (type && !set.has(type)) (set.add(type), (changed = true));
          allNullable = false;
          break;
        }
      }
      if (allNullable && !nullable.has(rule.name)) (nullable.add(rule.name), (changed = true));
    }
  }
  firstSets.set(grammar, first);
  return first;
}

/** Describes what the states of one Earley column were waiting for. */
export function expectationAt(grammar: Grammar, states: readonly EarleyState[]): Expectation {
  const terminals = new Set<string>();
  const described = new Set<string>();
  // Which rules predicted each nonterminal here: a state at dot 0 whose next symbol is X exists
  // because its rule was itself expected, so X is only a part of that larger expectation.
  const predictedBy = new Map<string, Set<string>>();
  for (const state of states) {
    const next = state.rule.symbols[state.dot];
    if (next === undefined) continue;
    if (typeof next === 'string') {
      if (next in NONTERMINAL_WORDS) described.add(next);
      if (state.dot === 0) {
        if (!predictedBy.has(next)) predictedBy.set(next, new Set());
        predictedBy.get(next)!.add(state.rule.name);
      }
    } else {
      const type = (next as { type?: string }).type;
      if (type) terminals.add(type);
    }
  }
  // Name the larger idea, not its first part: after "(ii)" a target is expected ("$100,000 in
  // sales revenue", "500 units" …), not only the amount its first alternative starts with.
  const withinDescribed = (name: string): boolean => {
    const seen = new Set<string>([name]);
    const queue = [...(predictedBy.get(name) ?? [])];
    while (queue.length > 0) {
      const parent = queue.pop()!;
      if (seen.has(parent)) continue;
      seen.add(parent);
      if (described.has(parent)) return true;
      queue.push(...(predictedBy.get(parent) ?? []));
    }
    return false;
  };
  const first = firstSetsOf(grammar);
  const uncovered = new Set(terminals);
  const phrases: string[] = [];
  const byBreadth = [...described].filter((name) => !withinDescribed(name)).sort((a, b) => (first.get(b)?.size ?? 0) - (first.get(a)?.size ?? 0) || a.localeCompare(b));
  for (const name of byBreadth) {
    const starts = first.get(name) ?? new Set<string>();
    if (![...starts].some((t) => uncovered.has(t))) continue;
    phrases.push(NONTERMINAL_WORDS[name]);
    for (const t of starts) uncovered.delete(t);
  }
  // An optional quotation mark around a pasted clause is never what the author was missing.
  uncovered.delete('quote');
  for (const type of [...uncovered].sort()) phrases.push(describeTokenType(type));

  const words = new Set<string>();
  for (const type of terminals) {
    if (type === 'ordinal') ORDINAL_WORDS.forEach((w) => words.add(w));
    else if (type === 'monthName') Object.keys(MONTH_NAMES).forEach((w) => words.add(w));
    else {
      const keyword = keywordOf(type);
      if (keyword) words.add(keyword);
    }
  }
  return { phrases, words: [...words], types: [...terminals] };
}

/** One phrase as it is; several as "one of: a; b; c" (phrases themselves contain "or"). */
export function joinAlternatives(phrases: readonly string[]): string {
  if (phrases.length <= 1) return phrases[0] ?? 'nothing more';
  return `one of: ${phrases.join('; ')}`;
}
