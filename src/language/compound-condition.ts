/**
 * What a compound condition means: its parts (the milestone's own condition first), how they group, and
 * the words that state the reading.
 *
 * The text has no brackets, so the grouping comes from the connectives. One connective throughout ("A and B
 * and C", "either A or B") is one group. Mixed, a comma before every connective of one kind and before none
 * of the other makes the comma's connective the outer one ("A and B, or C" is (A and B) or C; "A, and B or
 * C" is A and (B or C)). Otherwise the text has two readings; "and" is taken to bind first, as in logic, and
 * the checker warns (`compound-condition-reading`) naming both and how to write either.
 */
import type { ComparatorNode, CompoundConditionNode, ConditionPartNode, MilestoneNode, TargetNode, WindowNode } from './ast';
import { describeTarget } from './describe';

export type Connective = 'and' | 'or';

/** One part as the evaluation and the notes read it: the milestone's own condition is part 1. */
export interface ConditionPart {
  target: TargetNode;
  comparator: ComparatorNode | null;
  span: 'year-to-date' | null;
  measuredAtEnd: boolean;
  node: ConditionPartNode | null;
}

export interface CompoundReading {
  /** The connective between groups; `inner` joins the parts of one group. Equal when one connective is written. */
  outer: Connective;
  inner: Connective;
  /** Part indices (0 = the milestone's own condition), grouped. */
  groups: number[][];
  /** True when the grouping is a choice between two readings (the checker warns). */
  ambiguous: boolean;
  /** The other grouping, when ambiguous: the same parts grouped with the other connective outer. */
  other: number[][] | null;
}

export function conditionParts(m: MilestoneNode): ConditionPart[] {
  const first: ConditionPart = { target: m.target, comparator: m.comparator ?? null, span: null, measuredAtEnd: false, node: null };
  const rest = (m.compound?.parts ?? []).map((p): ConditionPart => ({
    target: p.target, comparator: p.comparator, span: p.span ?? null, measuredAtEnd: p.measuredAtEnd !== undefined, node: p,
  }));
  return [first, ...rest];
}

/** Splits parts 0..n at each connective equal to `outer`. */
function groupsBy(parts: readonly ConditionPartNode[], outer: Connective): number[][] {
  const groups: number[][] = [[0]];
  parts.forEach((p, i) => {
    if (p.connective === outer) groups.push([i + 1]);
    else groups[groups.length - 1].push(i + 1);
  });
  return groups;
}

export function compoundReading(compound: CompoundConditionNode): CompoundReading {
  const parts = compound.parts;
  const kinds = new Set(parts.map((p) => p.connective));
  if (kinds.size === 1) {
    const only = parts[0].connective;
    return { outer: only, inner: only, groups: [Array.from({ length: parts.length + 1 }, (_, i) => i)], ambiguous: false, other: null };
  }
  const commaBefore = (c: Connective): boolean[] => parts.filter((p) => p.connective === c).map((p) => p.comma);
  const decided = (c: Connective): boolean => commaBefore(c).every(Boolean) && !commaBefore(c === 'and' ? 'or' : 'and').some(Boolean);
  // A frame word ("either", "both") names the outer connective only when it agrees with a single connective; mixed, it does not group.
  const outer: Connective = decided('and') ? 'and' : decided('or') ? 'or' : 'or';
  const ambiguous = !decided('and') && !decided('or');
  return {
    outer, inner: outer === 'and' ? 'or' : 'and', groups: groupsBy(parts, outer), ambiguous,
    other: ambiguous ? groupsBy(parts, outer === 'and' ? 'or' : 'and') : null,
  };
}

/** "Net Sales at least $500,000.00", "at least 10 new customers", "Net Sales year-to-date at least …, measured at the end of such quarter". */
export function partWords(part: ConditionPart): string {
  const t = part.target;
  const what = t.kind === 'revenue' ? `${t.term ?? 'sales revenue'}${part.span ? ' year-to-date' : ''} ${part.comparator?.words ?? 'reaching'} ${t.amount.text}` : `${part.comparator?.words ?? ''} ${describeTarget(t)}`.trim();
  return `${what}${part.measuredAtEnd ? ` (measured at the end of such ${part.node?.measuredAtEnd?.period ?? 'period'})` : ''}`;
}

/** "(1 and 2) or 3" with part numbers from 1. */
export function groupingWords(groups: readonly number[][], outer: Connective): string {
  const inner: Connective = outer === 'and' ? 'or' : 'and';
  return groups.map((g) => (g.length === 1 ? `part ${g[0] + 1}` : `(${g.map((i) => `part ${i + 1}`).join(` ${inner} `)})`)).join(` ${outer} `);
}

/** The reading of a compound condition, in words, for the notes. */
export function compoundNote(m: MilestoneNode, reading: CompoundReading): string {
  const parts = conditionParts(m);
  const list = parts.map((p, i) => `part ${i + 1}: ${partWords(p)}`).join('; ');
  const rule = reading.outer === reading.inner
    ? reading.outer === 'and'
      ? 'met when all parts hold, on the day the last of them holds, by the row that completes it'
      : 'met when any part holds, on the day the first of them holds, by the row that completes it'
    : `met when ${groupingWords(reading.groups, reading.outer)} holds ("and": the day the last part holds; "or": the first)`;
  const each = parts.some((p) => p.measuredAtEnd) ? '; a part measured at the end of the period holds from the period\'s last day, once the period is over' : '';
  return `the condition has ${parts.length} parts (${list}): ${rule}; each part is tested in the milestone's window like a condition of its own${each}`;
}

/** Whether two windows are written alike (ranges aside): a part may repeat the first part's window. */
export function sameWindow(a: WindowNode, b: WindowNode): boolean {
  return JSON.stringify(a, (k, v) => (k === 'range' ? undefined : v)) === JSON.stringify(b, (k, v) => (k === 'range' ? undefined : v));
}
