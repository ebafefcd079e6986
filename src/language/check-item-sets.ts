/**
 * Checks of sets of products or customers named in a definition ('"Products" means the Model X and Model Y systems
 * …'). A set that no milestone counts defines nothing the evaluation reads, and a set named twice in one definition
 * is a slip: each is said rather than left silent. How a set is matched against the ledger: src/language/item-sets.ts.
 */
import type { DocumentNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { itemSetDefinitions, itemSetUse } from './item-sets';
import { textKey } from '../values/text-key';

export function checkItemSets(document: DocumentNode, out: Diagnostic[]): void {
  const used = new Set<string>();
  for (const clause of document.clauses) {
    for (const m of clause.milestones) {
      const use = itemSetUse(m, document);
      if (use) used.add(use.definition.term);
    }
  }
  for (const d of itemSetDefinitions(document)) {
    if (!used.has(d.term)) {
      const how = d.field === 'product' ? `a scope that names it ("Net Sales of ${d.term}")` : `a scope or a party that names it ("upon the ${d.term} first generating Gross Sales of …")`;
      out.push(
        diagnostic(
          'definition-not-used',
          d.range,
          `"${d.term}" is defined, but no milestone of the clauses counts it: the definition changes nothing the evaluation reads. Count it with ${how}, or remove the definition.`,
        ),
      );
    }
    const seen = new Set<string>();
    for (const x of d.members) {
      const key = textKey(x.name);
      if (seen.has(key)) out.push(diagnostic('duplicate-set-member', x.range, `"${x.name}" is named twice in "${d.term}": it is counted once. Name it once.`));
      seen.add(key);
    }
  }
}
