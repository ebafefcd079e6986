/**
 * Postprocessors for periods counted from a dated event and named in an opening: "For each Fortnight (each consecutive
 * fourteen-day period beginning on the Commencement Date), …" with "The Commencement Date is March 2, 2026." They only
 * build nodes: what the periods are (src/language/period-definitions.ts, src/language/event-periods.ts) and whether the
 * text dates the event (src/language/check-openings.ts) are later passes.
 */
import type { DefinedPeriodWindowNode, PeriodDefinitionNode, PeriodOpeningNode, PeriodsFromEventNode } from '../src/language/ast';
import { span, type Data } from './builders';
import { normalizeText } from '../src/values/text-key';
import type { Token } from './lexer';

interface Length { n: number; unit: 'day' | 'month' | 'year' }
interface PeriodName { term: string }

/** "each consecutive fourteen-day period beginning on the Commencement Date". */
export function periodsFromEvent(d: Data): PeriodsFromEventNode {
  const length = d[2] as Length;
  const event = d[7] as string;
  return { kind: 'periods-from-event', n: length.n, unit: length.unit, start: { kind: 'event', event }, range: span(d) };
}

/** "Fortnight": a period named by one word, which the text defines. */
export function soleName(d: Data): PeriodName & { range: ReturnType<typeof span> } {
  return { term: normalizeText((d[0] as Token).value), range: span(d) };
}

/** "For each Fortnight (each consecutive fourteen-day period beginning on the Commencement Date),": each such period. */
export function forEachDefined(d: Data): PeriodOpeningNode {
  const [, , name, inline] = d as [Token, Token, PeriodName, { meaning: PeriodsFromEventNode; range: ReturnType<typeof span> } | null];
  const window: DefinedPeriodWindowNode = { kind: 'defined-period', term: name.term, which: 'each', range: span([d[1], d[2]]) };
  const definition: PeriodDefinitionNode | null = inline ? { kind: 'period-definition', term: name.term, meaning: inline.meaning, range: inline.range } : null;
  return { kind: 'period-opening', written: 'for-each', window, ...(definition ? { definition } : {}), adjective: null, range: span(d) };
}

/** "(each consecutive fourteen-day period beginning on the Commencement Date)". */
export function inlineDefinition(d: Data): { meaning: PeriodsFromEventNode; range: ReturnType<typeof span> } {
  return { meaning: d[1] as PeriodsFromEventNode, range: span(d) };
}
