/**
 * Postprocessors for a commitment to sales targets set out in an exhibit written in the text, whose consequence is not a
 * payment: "Distributor hereby commits to Supplier to achieve, at a minimum, the sales targets set forth on Exhibit C
 * for each Contract Year during the Term (the "Sales Minimum"). If Distributor fails to achieve the Sales Minimum in
 * any period specified in Exhibit C, Supplier may, at its discretion, either (i) terminate this Agreement in
 * accordance with Section 9.1, or (ii) revoke the exclusive appointment granted under Section 1.3. Exhibit C - Sales
 * Minimum: Contract Year 1 (the twelve months starting on the Effective Date): $600,000; Contract Year 2: $900,000."
 * One milestone per row of the exhibit; whether the names, the exhibit and the rows agree is the checker's
 * (src/language/check-sales-minimum.ts).
 */
import type { ComparatorNode, MilestoneNode, MoneyNode, PartyNode, RemedyNode, SalesMinimumNode, TargetNode, WindowNode } from '../src/language/ast';
import { cons, digits, span, toArray, type ClauseDraft, type Data, type List } from './builders';
import type { Token } from './lexer';

interface PeriodName { term: string; range: SalesMinimumNode['range'] }
interface Row { window: WindowNode; amount: MoneyNode; defined: boolean; range: SalesMinimumNode['range'] }

const quoted = (t: Token): string => t.value.slice(1, -1).replace(/\s+/g, ' ').trim();
const joined = (words: List<Token>): string => toArray(words).map((t) => t.value).join(' ');

/** "(i) terminate this Agreement in accordance with Section 9.1": the label, the verb and the rest as written. */
export function remedy(d: Data): RemedyNode {
  const [label, verb, words] = d as [Token, Token, List<Token>];
  return { kind: 'remedy', label: label.value.slice(1, -1), verb: verb.value as RemedyNode['verb'], words: joined(words), range: span(d) };
}

/** "Contract Year 1 (the twelve months starting on the Effective Date): $600,000": the n-th such period and its target. */
export function exhibitRow(d: Data): Row {
  const [name, n, defined, , amount] = d as [PeriodName, Token, unknown, Token, MoneyNode];
  const window: WindowNode = { kind: 'defined-period', term: name.term, which: Number(digits(n)), range: span(name, n) };
  return { window, amount, defined: defined !== null, range: span(d) };
}

export function salesMinimumClause(d: Data): ClauseDraft {
  // Positions in the rule (grammar/clause.ne, the sales minimum).
  const party = d[0] as PartyNode;
  const beneficiary = d[4] as PartyNode;
  const exhibit = (d[19] as Token).value;
  const each = d[22] as PeriodName;
  const name = quoted(d[28] as Token);
  const failing = d[32] as PartyNode;
  const failedName = joined(d[37] as List<Token>);
  const periodExhibit = (d[44] as Token).value;
  const holder = d[46] as PartyNode;
  const remedies = toArray(d[54] as List<RemedyNode>);
  const tableExhibit = (d[57] as Token).value;
  const tableName = joined(d[59] as List<Token>);
  const rows = toArray(d[61] as List<Row>);
  const comparator: ComparatorNode = { kind: 'comparator', strict: false, words: 'at a minimum', range: span(d[7], d[10]) };
  const node: SalesMinimumNode = {
    kind: 'sales-minimum', beneficiary, name, exhibit, each: each.term, failing, failedName, periodExhibit, holder, remedies, tableExhibit, tableName,
    ...(rows[0]?.defined ? { firstDefined: true } : {}), range: span(d),
  };
  const milestones = rows.map((row): MilestoneNode => {
    const target: TargetNode = { kind: 'revenue', amount: row.amount, basis: null, term: 'sales', range: row.amount.range };
    return { kind: 'milestone', label: null, labelSource: null, target, window: row.window, payment: null, comparator, range: row.range };
  });
  let list: List<MilestoneNode> = null;
  for (const m of milestones) list = cons(list, m);
  return { kind: 'clause', form: 'commitment', party, salesMinimum: node, milestones: list, payments: null, range: span(d) } as ClauseDraft;
}
