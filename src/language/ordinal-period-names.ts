/**
 * "with respect to the First Net Sales Measuring Period": the lexer reads "First" as an ordinal, so the window parses as
 * the first "Net Sales Measuring Period". When the text defines no "Net Sales Measuring Period" but does define "First
 * Net Sales Measuring Period", the ordinal is a word of the defined name: the window is that defined period. Run once on
 * a parsed document, so that every later pass (checks, format, evaluation) sees the name the text defines.
 */
import type { DocumentNode } from './ast';
import { ordinalWord } from './describe';
import { termKey } from './period-definitions';

export function nameOrdinalPeriods(document: DocumentNode): DocumentNode {
  const defined = new Set((document.definitions ?? []).flatMap((d) => (d.kind === 'period-definition' ? [termKey(d.term)] : [])));
  if (defined.size === 0) return document;
  let changed = false;
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (value === null || typeof value !== 'object') return value;
    const node = value as Record<string, unknown>;
    if (node.kind === 'defined-period' && typeof node.which === 'number' && typeof node.term === 'string' && !defined.has(termKey(node.term))) {
      const word = ordinalWord(node.which);
      const named = `${word.charAt(0).toUpperCase()}${word.slice(1)} ${node.term}`;
      if (defined.has(termKey(named))) {
        changed = true;
        return { ...node, term: named, which: 'the' };
      }
    }
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(node)) out[key] = key === 'range' ? field : visit(field);
    return out;
  };
  const result = { ...document, clauses: visit(document.clauses) as DocumentNode['clauses'] };
  return changed ? result : document;
}
