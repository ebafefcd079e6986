/**
 * What a defined period means: the document's definition sentence for the term, else, for the
 * "Contract Year" agreements use without always defining it, the usual reading: consecutive
 * twelve-month periods from the effective date. That
 * default is one of two plausible readings (some agreements mean calendar years), so the checker
 * warns when it is used.
 */
import type { DateRangeWindowNode, DocumentNode, PeriodDefinitionNode, SpanWindowNode } from './ast';

export type PeriodMeaning =
  | { kind: 'successive'; months: number; defined: PeriodDefinitionNode | null }
  | { kind: 'window'; window: SpanWindowNode | DateRangeWindowNode; defined: PeriodDefinitionNode };

/** A term compared as the reader compares it: case and spacing aside. */
export const termKey = (term: string): string => term.toLowerCase().replace(/\s+/g, ' ').trim();

const DEFAULT_MONTHS: Readonly<Record<string, number>> = { 'contract year': 12 };

/** Months of a successive-periods definition's periods; null for days (not a contract period). */
export function successiveMonths(n: number, unit: 'day' | 'month' | 'year'): number | null {
  if (unit === 'day') return null;
  return unit === 'year' ? n * 12 : n;
}

/** The document's definitions of periods (not its fiscal-year statements). */
export function periodDefinitions(document: DocumentNode): PeriodDefinitionNode[] {
  return (document.definitions ?? []).filter((d): d is PeriodDefinitionNode => d.kind === 'period-definition');
}

/** The first definition of each term in `document`, by `termKey`. */
export function definitionsOf(document: DocumentNode): Map<string, PeriodDefinitionNode> {
  const out = new Map<string, PeriodDefinitionNode>();
  for (const d of periodDefinitions(document)) if (!out.has(termKey(d.term))) out.set(termKey(d.term), d);
  return out;
}

/** What `term` means in `document`, or null when the text does not define it and it has no default reading. */
export function periodMeaning(term: string, definitions: ReadonlyMap<string, PeriodDefinitionNode>): PeriodMeaning | null {
  const defined = definitions.get(termKey(term));
  if (defined) {
    const meaning = defined.meaning;
    if (meaning.kind !== 'successive-periods') return { kind: 'window', window: meaning, defined };
    const months = successiveMonths(meaning.n, meaning.unit);
    return months === null || !Number.isSafeInteger(months) || months < 1 ? null : { kind: 'successive', months, defined };
  }
  const months = DEFAULT_MONTHS[termKey(term)];
  return months === undefined ? null : { kind: 'successive', months, defined: null };
}

/** The definition the text would need for a default reading, as the text would write it. */
export function defaultDefinitionText(term: string, months: number): string {
  return `"${term}" means each ${months} month period beginning on the Effective Date or an anniversary of it.`;
}
