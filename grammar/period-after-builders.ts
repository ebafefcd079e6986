/**
 * Postprocessors for sentences after a computed amount that say how its periods settle: "Any product returns shall be
 * deducted from the Sales Representative's commission in the quarter during which the return occurs." (a `returns` node on
 * the clause) and "Commission payments shall be paid within thirty (30) days following the end of each calendar quarter."
 * (the same due date as ", within thirty (30) days after the end of such calendar quarter" after the amount). They only
 * build nodes: whether the periods named are the amount's is the checker's (src/language/check-returns.ts,
 * src/language/check-period-due.ts, src/language/check-measured.ts).
 */
import type { DueNode, PeriodUnit, ReturnsNode } from '../src/language/ast';
import { digits, lower, span, toArray, type ClauseDraft, type Data, type List } from './builders';
import type { Token } from './lexer';

/** The sentences after the amount: the returns sentence, and the due sentence after it when written. */
export interface PeriodAfterNode { kind: 'period-after'; returns: ReturnsNode; due: DueNode | null }

/** "Any product returns shall be deducted from the Sales Representative's commission in the quarter during which the return occurs." */
export function returnsSentence(d: Data): ReturnsNode {
  const product = d[1] as Token | null;
  const owner = toArray(d[8] as List<Token>).map((t) => t.value).join(' ');
  const calendar = d[12] as Token | null;
  return { kind: 'returns-in-period', product: product !== null, owner, calendar: calendar !== null, unit: lower(d[13] as Token) as PeriodUnit, range: span(d) };
}

/** "Commission payments shall be paid within thirty (30) days following the end of each calendar quarter.": each amount due that long after its period ends. */
export function periodDueSentence(d: Data): DueNode {
  const calendar = d[12] as Token | null;
  return { kind: 'due', days: Number(digits(d[5] as Token)), after: lower(d[13] as Token) as PeriodUnit, calendar: calendar !== null, such: true, range: span(d) };
}

export const periodAfter = (d: Data): PeriodAfterNode => ({ kind: 'period-after', returns: d[0] as ReturnsNode, due: (d[1] as DueNode | null) ?? null });

/**
 * The clause with the sentences after it: the returns node, and the due sentence as written (`periodDue`); which amounts it
 * makes due is worked out after the parse (src/language/period-due.ts).
 */
export function withPeriodAfter(clause: ClauseDraft, after: PeriodAfterNode): ClauseDraft {
  return { ...clause, returns: after.returns, ...(after.due ? { periodDue: after.due } : {}), range: span(clause, after.due ?? after.returns) };
}
