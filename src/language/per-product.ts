/**
 * Totals counted per product: "Annual Net Sales of a Licensed Product exceeding $1,000,000", or a metric term defined so
 * ('"Annual Net Sales" means the Net Sales of a Licensed Product in a Calendar Year.'). Each product's own total is
 * compared with the target (the products are the values of the ledger's `product` column), and the milestone is met
 * when one product's total meets it: sales of several products are never pooled to meet it. A ledger with no product
 * column cannot be read so, and the evaluation refuses it (naming the column) rather than count a pooled total.
 */
import type { DocumentNode, MetricDefinitionNode, MilestoneNode, PerProductNode } from './ast';
import { textKey } from '../values/text-key';

export function metricDefinitions(document: DocumentNode): MetricDefinitionNode[] {
  return (document.definitions ?? []).filter((d): d is MetricDefinitionNode => d.kind === 'metric-definition');
}

/** The definition of a metric term ("Annual Net Sales"), or null. */
export function metricDefinitionOf(document: DocumentNode, term: string | undefined): MetricDefinitionNode | null {
  if (term === undefined) return null;
  const key = textKey(term);
  return metricDefinitions(document).find((d) => textKey(d.term) === key) ?? null;
}

/** "of a Licensed Product", "of a Product": the noun names a product. "of a Distributor" names no product, and is not read per product. */
export const namesProduct = (noun: string): boolean => /(?:^| )products?$/i.test(noun);

export interface PerProductReading {
  node: PerProductNode;
  /** Where the words are: the milestone's own scope, or the definition of its metric term. */
  via: 'scope' | 'definition';
  definition: MetricDefinitionNode | null;
}

/** Whether `m` is counted per product, and where the text says so; null when it is not. */
export function perProductReading(m: MilestoneNode, document: DocumentNode): PerProductReading | null {
  const t = m.target;
  if (t.kind !== 'revenue') return null;
  const definition = metricDefinitionOf(document, t.term);
  if (t.perProduct) return namesProduct(t.perProduct.noun) ? { node: t.perProduct, via: 'scope', definition } : null;
  if (definition?.perProduct && namesProduct(definition.perProduct.noun)) return { node: definition.perProduct, via: 'definition', definition };
  return null;
}

/** The reading, in words, for the notes. */
export function perProductNote(r: PerProductReading): string {
  const where = r.via === 'scope' ? `'of a ${r.node.noun}'` : `the definition of "${r.definition?.term ?? ''}" ('of a ${r.node.noun}')`;
  return (
    `counted separately for each product: ${where} makes the total each ${r.node.noun}'s own, one series per product of the ledger's product column ` +
    `(names compared trimmed and case-insensitively); the target is met when one product's own total meets it, never by the products' sales pooled`
  );
}
