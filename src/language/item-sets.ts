/**
 * Sets of products or customers named in a definition ('"Products" means the Model X and Model Y systems listed in
 * Exhibit A, excluding accessories and spare parts.', '"Introduced Customers" means Acme, Inc. and Beta Holdings,
 * LLC.'), and which milestones count only the ledger rows of such a set: one whose scope names the term right after
 * its preposition ("units of Products for resale in the Territory", "net sales revenue from Eligible Products"), or
 * whose achieving party is a customer set's term ("upon the Introduced Customers first generating Gross Sales …").
 *
 * The one matching rule: a row belongs to the set when its product (or customer) cell, trimmed, with runs of
 * spaces made one and case ignored (`textKey`, the rule product and customer names already follow), equals a
 * member's name. A cell that differs from a member only in punctuation or spacing ("Acme Inc" for "Acme, Inc."),
 * or that begins with a member's name or is the start of one ("Model X System" for "Model X"), is a near match: it
 * is not counted, and the evaluation says so by name rather than leave it silently in or out.
 */
import type { DocumentNode, ItemSetDefinitionNode, MilestoneNode } from './ast';
import { textKey } from '../values/text-key';

export function itemSetDefinitions(document: DocumentNode): ItemSetDefinitionNode[] {
  return (document.definitions ?? []).filter((d): d is ItemSetDefinitionNode => d.kind === 'item-set-definition');
}

/** How a milestone names a set: by its scope (with the scope's words after the term, if any) or by its achieving party. */
export interface ItemSetUse {
  definition: ItemSetDefinitionNode;
  via: 'scope' | 'party';
  /** The scope's words before the term ("of"), for messages. */
  lead: string | null;
  /** The scope's words after the term ("for resale in the Territory"): not applied, and warned; null when none. */
  rest: string | null;
}

const SCOPE_LEAD = /^(of|from sales of|from|in)( the)? /i;

/** The set a milestone counts, or null. The longest term that fits is taken ("Eligible Products" before "Products"). */
export function itemSetUse(m: MilestoneNode, document: DocumentNode): ItemSetUse | null {
  const sets = itemSetDefinitions(document).sort((a, b) => b.term.length - a.term.length);
  if (sets.length === 0) return null;
  const t = m.target;
  const scope = t.kind === 'revenue' || t.kind === 'units' ? t.scope : undefined;
  if (scope !== undefined) {
    const lead = SCOPE_LEAD.exec(scope);
    if (lead) {
      const after = scope.slice(lead[0].length);
      for (const d of sets) {
        const head = after.slice(0, d.term.length);
        const next = after.charAt(d.term.length);
        if (textKey(head) === textKey(d.term) && (next === '' || next === ' ')) {
          const rest = after.slice(d.term.length).trim();
          return { definition: d, via: 'scope', lead: lead[0].trim(), rest: rest === '' ? null : rest };
        }
      }
    }
  }
  if (m.achiever) {
    const name = textKey(m.achiever.name).replace(/^the /, '');
    const d = sets.find((s) => s.field === 'customer' && textKey(s.term) === name);
    if (d) return { definition: d, via: 'party', lead: null, rest: null };
  }
  return null;
}

/** A set as the evaluation filters rows by it: the column, the members' keys, and one key naming the set. */
export interface RowSet {
  field: 'product' | 'customer';
  term: string;
  members: ReadonlySet<string>;
  /** Equal for two sets with the same column and members: they share their day sums. */
  key: string;
}

export function rowSetOf(d: ItemSetDefinitionNode): RowSet {
  const members = new Set(d.members.map((x) => textKey(x.name)));
  return { field: d.field, term: d.term, members, key: `${d.field}\u0000${[...members].sort().join('\u0000')}` };
}

/** Whether a ledger cell names a member (the one matching rule above). */
export function inSet(set: RowSet, cell: string): boolean {
  return set.members.has(textKey(cell));
}

const loose = (text: string): string => textKey(text).replace(/[^\p{L}\p{N}]+/gu, '');

/** The member a cell nearly matches (and does not match), or null. */
export function nearMember(set: RowSet, cell: string): string | null {
  if (inSet(set, cell)) return null;
  const c = loose(cell);
  if (c === '') return null;
  for (const m of set.members) {
    const k = loose(m);
    if (k !== '' && (c === k || c.startsWith(k) || k.startsWith(c))) return m;
  }
  return null;
}

const listed = (names: string[]): string => names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;

/** How the evaluation reads a set, for the notes. */
export function itemSetReading(use: ItemSetUse): string {
  const d = use.definition;
  const column = d.field === 'product' ? 'product' : 'customer';
  const names = listed(d.members.map((x) => `"${x.name}"`));
  const parts = [
    `"${d.term}" is read as the rows whose ${column} is ${names} (trimmed, runs of spaces read as one, case ignored; any other spelling is not counted)`,
  ];
  if (d.noun !== null) parts.push(`the noun "${d.noun}" after the names is not part of them`);
  if (d.listedIn !== null) parts.push(`"listed in ${d.listedIn}": ${d.listedIn} is not in the text, so the names written are the ones read`);
  if (d.excluding !== null) parts.push(`"excluding ${d.excluding}": rows of any product not named are not counted`);
  parts.push(`rows with no ${column} are not counted`);
  if (use.via === 'party') parts.push(`the sales "the ${d.term}" generate are read as the rows of those customers (the payee is the party the sentence pays)`);
  return parts.join('; ');
}
