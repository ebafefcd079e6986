/**
 * Postprocessors for the carry-forward sentence after a payer-pays or conditional clause: "Net Sales in excess of a
 * calendar quarter's target shall carry forward to the next calendar quarter." They only build the node; whether the
 * clause's periods allow it is src/language/check-carry-forward.ts's business, the amounts src/evaluation/carry-forward.ts's.
 */
import type { CarryForwardNode, CarryPeriod, PeriodUnit } from '../src/language/ast';
import { lower, span, type ClauseDraft, type Data } from './builders';
import type { Token } from './lexer';

interface Target {
  targetWritten: CarryForwardNode['targetWritten'];
  determiner: CarryForwardNode['determiner'];
  period: CarryPeriod;
}

const unitOf = (token: Token): PeriodUnit => lower(token).replace(/['’]s$/, '') as PeriodUnit;

/** "a calendar quarter's target". */
export function possessiveTarget(d: Data): Target {
  const [determiner, calendar, possessive] = d as [Token, Token | null, Token];
  return { targetWritten: 'possessive', determiner: lower(determiner) as Target['determiner'], period: { calendar: calendar !== null, unit: unitOf(possessive) } };
}

/** "the target for a calendar quarter". */
export function targetFor(d: Data): Target {
  const [, , , determiner, calendar, unit] = d as [Token, Token, Token, Token, Token | null, Token];
  return { targetWritten: 'target-for', determiner: lower(determiner) as Target['determiner'], period: { calendar: calendar !== null, unit: unitOf(unit) } };
}

/** "shall carry forward to", "shall be credited toward": the words after "shall", single spaces, lower case. */
export function verb(d: Data): CarryForwardNode['verb'] {
  return (d as Token[]).slice(1).map((t) => lower(t)).join(' ') as CarryForwardNode['verb'];
}

/** ", including amounts carried forward" / ", excluding amounts carried forward". */
export function again(d: Data): 'including' | 'excluding' {
  return lower(d[1] as Token) as 'including' | 'excluding';
}

export function carryForward(d: Data): CarryForwardNode {
  const [basis, , , , , target, written, , nextTarget, , calendar, unit, carriesAgain] = d as [
    Token | null, Token, Token, Token, Token, Target, CarryForwardNode['verb'], Token, unknown, Token, Token | null, Token, 'including' | 'excluding' | null,
  ];
  return {
    kind: 'carry-forward',
    basis: basis ? (lower(basis) as 'gross' | 'net') : null,
    ...target,
    verb: written,
    nextTarget: nextTarget !== null,
    next: { calendar: calendar !== null, unit: unitOf(unit) },
    again: carriesAgain ?? null,
    range: span(d),
  };
}

export function withCarryForward(d: Data): ClauseDraft {
  const [clause, node] = d as [ClauseDraft, CarryForwardNode];
  return { ...clause, carryForward: node, range: span(clause, node) };
}
