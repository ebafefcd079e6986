/**
 * Postprocessors for compound conditions: "Net Sales exceed $500,000 and at least 10 new customers …",
 * "either Net Sales in any Calendar Quarter exceed $X or Net Sales year-to-date are at least $Y measured at the
 * end of such calendar quarter". They only build nodes: what the parts mean together, and whether "and" and
 * "or" mixed need a warning, is src/language/compound-condition.ts's and check-compound.ts's business.
 */
import type { ComparatorNode, CompoundConditionNode, ConditionPartNode, MeasuredAtEndNode, TargetNode, WindowNode } from '../src/language/ast';
import { lower, span, subjectTarget, type Comparison, type Condition, type Data, type Subject } from './builders';
import type { Token } from './lexer';

/** A part as written after its connective, before the connective is known. */
type Part = Omit<ConditionPartNode, 'connective' | 'comma'>;

/** The revenue target of a subject and its comparison (as a payer-pays condition's milestone has it). */
const revenueTarget = (s: Subject, c: Comparison): TargetNode => subjectTarget(s, c.amount, span(s, c));

/** A part written as a full condition: a metric, its comparison and perhaps its own window. */
function fullPart(s: Subject, c: Comparison, window: WindowNode | null, range: Data): Part {
  return {
    kind: 'condition-part', target: revenueTarget(s, c), comparator: c.comparator, window,
    ...(s.achiever ? { achiever: s.achiever } : {}), range: span(range),
  };
}

export function windowFirstPart(d: Data): Part {
  const [s, window, c] = d as [Subject, WindowNode, Comparison];
  return fullPart(s, c, window, d);
}

export function comparisonFirstPart(d: Data): Part {
  const [s, c, window] = d as [Subject, Comparison, WindowNode | null];
  return fullPart(s, c, window, d);
}

/** "at least 10 new customers", "more than 500 units of "Widget"": a count, in the first part's window unless one is written. */
export function countPart(d: Data): Part {
  const [comparator, target, window] = d as [ComparatorNode, TargetNode, WindowNode | null];
  return { kind: 'condition-part', target, comparator, window, range: span(d) };
}

/** "Net Sales year-to-date are at least $1,700,000 measured at the end of such calendar quarter". */
export function yearToDatePart(d: Data): Part {
  const [s, , c, measured] = d as [Subject, Token, Comparison, MeasuredAtEndNode | null];
  return { ...fullPart(s, c, null, d), span: 'year-to-date', ...(measured ? { measuredAtEnd: measured } : {}) };
}

/** "measured at the end of such calendar quarter". */
export function measuredAtEnd(d: Data): MeasuredAtEndNode {
  const nouns = (d.slice(6) as Array<Token | Token[] | null>).flat().filter((t): t is Token => t !== null);
  return { kind: 'measured-at-end', period: nouns.map(lower).join(' '), range: span(d) };
}

/** The connective and its comma: [comma?, and|or]. */
function connective(d: Data): { connective: 'and' | 'or'; comma: boolean } {
  const [comma, word] = d as [Token | null, Token];
  return { connective: lower(word) === 'or' ? 'or' : 'and', comma: comma !== null };
}

export const conditionJoin = (d: Data): { connective: 'and' | 'or'; comma: boolean } => connective(d);

/** "<condition> and <part>": one more part on a condition (simple or already compound). */
export function joinedCondition(d: Data): Condition {
  const [head, join, part] = d as [Condition, { connective: 'and' | 'or'; comma: boolean }, Part];
  const node: ConditionPartNode = { ...part, ...join };
  const compound: CompoundConditionNode = head.compound
    ? { ...head.compound, parts: [...head.compound.parts, node], range: span(head.compound, part) }
    : { kind: 'compound-condition', framing: null, parts: [node], range: span(head, part) };
  return { ...head, compound, range: span(d) };
}

/** "either <condition> or <part>", "both <condition> and <part>": the frame word before the first part. */
export function framedCondition(d: Data): Condition {
  const [frame, first, join, part] = d as [Token, Condition, { connective: 'and' | 'or'; comma: boolean }, Part];
  const joined = joinedCondition([first, join, part]);
  const compound = joined.compound as CompoundConditionNode;
  return { ...joined, compound: { ...compound, framing: lower(frame) === 'both' ? 'both' : 'either', range: span(frame, part) }, range: span(d) };
}

/** The first part after a frame word, with or without its own window. */
export function framedHeadCondition(d: Data): Condition {
  const [s, c, window] = d as [Subject, Comparison, WindowNode | null];
  return { subject: s, comparison: c, window: window ?? { kind: 'open', range: { start: c.range.end, end: c.range.end } }, range: span(d) };
}
