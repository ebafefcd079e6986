/**
 * Postprocessors for a sentence paid on a share of a plan set out in a table below it: "Executive will earn $20,000 for
 * each calendar quarter in which Executive achieves 100% of the Quarterly Board Plan Bookings, or 100% of the Board Plan
 * Bookings year-to-date measured at the end of such quarter. Quarterly Board Plan Bookings for 2026: Q1 $500,000; …".
 * One milestone per row, in the row's quarter, its target the share of the row's amount (and a year-to-date part's the
 * share of the rows so far, summed), worked out after the parse (src/language/plan-table-targets.ts). Whether the names, the rows and the
 * periods agree is the checker's (src/language/check-plan-table.ts).
 */
import type {
  CalendarPeriodWindowNode, ComparatorNode, CompoundConditionNode, ConditionPartNode, FixedPaymentNode, MeasuredAtEndNode, MilestoneNode,
  MoneyNode, PartyNode, PlanRowNode, PlanShareNode, PlanTableNode, Range, TargetNode,
} from '../src/language/ast';
import { cons, digits, lower, span, toArray, type ClauseDraft, type Data, type List } from './builders';
import type { Token } from './lexer';
import { normalizeText } from '../src/values/text-key';

/** A plan's name as written, and its metric noun (its last word): "Quarterly Board Plan Bookings". */
interface PlanName { name: string; term: string; range: Range }
/** "100% of the Quarterly Board Plan Bookings" before its row is known. */
interface Share { percent: string; name: PlanName; range: Range }
/** ", or 100% of the Board Plan Bookings year-to-date measured at the end of such quarter". */
interface YearToDate { comma: boolean; share: Share; measuredAtEnd: MeasuredAtEndNode | null; range: Range }

/** "Quarterly Board Plan Bookings": the words, the metric noun last. */
export function planName(d: Data): PlanName {
  const [words, noun] = d as [List<Token>, Token | Token[]];
  const nouns = Array.isArray(noun) ? noun : [noun];
  const all = [...toArray(words), ...nouns];
  return { name: normalizeText(all.map((t) => t.value).join(' ')), term: normalizeText(nouns.map((t) => t.value).join(' ')), range: span(all) };
}

/** "100% of the Quarterly Board Plan Bookings". */
export function planShare(d: Data): Share {
  const [percent, , , name] = d as [Token, Token, Token, PlanName];
  return { percent: digits(percent, true), name, range: span(d) };
}

/** ", or 100% of the Board Plan Bookings year-to-date measured at the end of such quarter". */
export function yearToDateShare(d: Data): YearToDate {
  const [comma, , share, , measured] = d as [Token | null, Token, Share, Token, MeasuredAtEndNode | null];
  return { comma: comma !== null, share, measuredAtEnd: measured, range: span(d) };
}

/** "Q1 $500,000". */
export function planRow(d: Data): PlanRowNode {
  const [, n, amount] = d as [Token, Token, MoneyNode];
  return { kind: 'plan-row', quarter: Number(digits(n)), amount, range: span(d) };
}

/** "Quarterly Board Plan Bookings for 2026: Q1 $500,000; …" (without the period). */
export function planTable(d: Data): { name: PlanName; year: number; rows: PlanRowNode[]; range: Range } {
  const [name, , year, , rows] = d as [PlanName, Token, Token, Token, List<PlanRowNode>];
  return { name, year: Number(digits(year)), rows: toArray(rows), range: span(d) };
}

/** A target the text does not write as a figure (a share of a row, or of rows summed): worked out after the parse (src/language/plan-table-targets.ts). */
function pendingShare(row: MoneyNode, range: Range): MoneyNode {
  return { kind: 'money', amount: '0', currency: row.currency, text: '0', range };
}

/**
 * "<Payee> will earn $20,000 for each calendar quarter in which <Payee> achieves <share>[, or <year-to-date share>].
 * <plan table>.": the rule's positions in grammar/clause.ne.
 */
export function planTableClause(d: Data): ClauseDraft {
  const payee = d[0] as PartyNode;
  const value = d[3] as MoneyNode;
  const noun = d[6] as { unit: CalendarPeriodWindowNode['unit']; yearStart: string; statedMonths?: number[] };
  const forWord = d[4] as Token;
  const which = d[8] as Token;
  const achiever = d[9] as PartyNode;
  const verb = d[10] as Token | Token[];
  const share = d[11] as Share;
  const ytd = d[12] as YearToDate | null;
  const table = planTable(d.slice(14, 19));
  const sentenceWindow: CalendarPeriodWindowNode = {
    kind: 'calendar-period', unit: noun.unit, yearStart: noun.yearStart, selection: { kind: 'each' }, written: 'for each in which',
    ...(noun.statedMonths ? { statedMonths: noun.statedMonths } : {}), range: span(forWord, which),
  };
  const node: PlanTableNode = { kind: 'plan-table', name: table.name.name, year: table.year, rows: table.rows, window: sentenceWindow, range: table.range };
  const verbTokens = Array.isArray(verb) ? verb : [verb];
  const comparator: ComparatorNode = { kind: 'comparator', strict: false, words: verbTokens.map(lower).join(' '), range: span(verbTokens) };
  const payment: FixedPaymentNode = { kind: 'fixed', noun: 'payment', bare: true, amount: value, range: value.range };
  let milestones: List<MilestoneNode> = null;
  table.rows.forEach((row, i) => {
    const plan: PlanShareNode = { kind: 'plan-share', percent: share.percent, name: share.name.name, row: i + 1, range: share.range };
    const target: TargetNode = { kind: 'revenue', amount: pendingShare(row.amount, share.range), basis: null, term: share.name.term, range: share.range };
    const rowWindow: CalendarPeriodWindowNode = {
      kind: 'calendar-period', unit: noun.unit, yearStart: noun.yearStart, selection: { kind: 'named', year: table.year, n: row.quarter }, written: 'named', range: row.range,
    };
    let compound: CompoundConditionNode | undefined;
    if (ytd) {
      const partPlan: PlanShareNode = { kind: 'plan-share', percent: ytd.share.percent, name: ytd.share.name.name, row: i + 1, range: ytd.share.range };
      const part: ConditionPartNode = {
        kind: 'condition-part', connective: 'or', comma: ytd.comma,
        target: { kind: 'revenue', amount: pendingShare(row.amount, ytd.share.range), basis: null, term: ytd.share.name.term, range: ytd.share.range },
        comparator: { ...comparator }, window: null, achiever, span: 'year-to-date', ...(ytd.measuredAtEnd ? { measuredAtEnd: ytd.measuredAtEnd } : {}), plan: partPlan, range: ytd.range,
      };
      compound = { kind: 'compound-condition', framing: null, parts: [part], range: span(share, ytd) };
    }
    const milestone: MilestoneNode = {
      kind: 'milestone', label: null, labelSource: null, target, window: rowWindow, payment, comparator, achiever,
      ...(compound ? { compound } : {}), plan, range: span(achiever, ytd ?? share),
    };
    milestones = cons(milestones, milestone);
  });
  return { kind: 'clause', form: 'payer-pays', party: payee, milestones, payments: null, planTable: node, range: span(d) } as ClauseDraft;
}
