/**
 * Checks of totals counted per product (src/language/per-product.ts): where the words leave it unclear whether the sales
 * of several products are pooled or counted per product, a warning names both readings; what the evaluation cannot yet
 * count per product (a computed payment, several conditions, catch-up, a clawback, a carry-forward) is refused by name;
 * a once-only sentence that restates the condition must restate the milestone's.
 */
import type { ClauseNode, DocumentNode, MilestoneNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { paymentFor } from './describe';
import { paymentParts } from './payment-parts';
import { metricDefinitionOf, namesProduct, perProductReading } from './per-product';
import { textKey } from '../values/text-key';
import { Dec } from '../values/money';

/** A plural product noun in a scope ("of Licensed Products"): the sales of all of them, pooled. */
const PLURAL_PRODUCTS = /(?:^| )of (?:the )?([A-Z][\w-]*(?: [A-Z][\w-]*)* Products)(?= |$)/;

export function checkPerProduct(document: DocumentNode, out: Diagnostic[]): void {
  for (const clause of document.clauses) for (const m of clause.milestones) checkMilestone(clause, m, document, out);
}

function checkMilestone(clause: ClauseNode, m: MilestoneNode, document: DocumentNode, out: Diagnostic[]): void {
  const t = m.target;
  const reading = perProductReading(m, document);
  // "of a Distributor", "of a Territory": a total per item of another kind, which no ledger column here counts; refused, never pooled.
  for (const node of [t.kind === 'revenue' ? t.perProduct : undefined, (t.kind === 'revenue' ? metricDefinitionOf(document, t.term) : null)?.perProduct]) {
    if (node && !namesProduct(node.noun)) {
      out.push(diagnostic('unsupported-construct', node.range, `'of a ${node.noun}' counts a total for each ${node.noun} on its own; the engine counts per product only ('of a Licensed Product'), from the ledger's product column.`, {
        suggestion: `write the scope as a product ('of a Licensed Product'), or evaluate each ${node.noun}'s ledger on its own`,
      }));
    }
  }
  const definition = t.kind === 'revenue' ? metricDefinitionOf(document, t.term) : null;
  if (definition !== null && t.kind === 'revenue' && t.basis !== definition.basis && !(t.basis === null && definition.basis === null)) {
    out.push(diagnostic('metric-definition-basis', t.range, `'${t.term}' is read as ${t.basis ?? 'gross (no basis written)'}, but its definition names ${definition.metric} (${definition.basis ?? 'no basis'}): the text gives the metric two bases.`, {
      suggestion: `write the term with the definition's basis ("${definition.basis === 'net' ? 'Net' : 'Gross'} …")`,
    }));
  }
  if (definition !== null && m.window.kind !== 'open') {
    out.push(diagnostic('unsupported-construct', m.window.range, `"${definition.term}" is defined with its own period (${definition.window.written} calendar ${definition.window.unit}), and the condition writes another window as well; the language reads the defined period only when the condition writes none.`, {
      suggestion: `leave out the window after "${definition.term}"`,
    }));
  }
  // The condition pools ("of Licensed Products") while the definition of its term counts per product, or the reverse.
  const scope = t.kind === 'revenue' ? t.scope : undefined;
  const plural = scope === undefined ? null : PLURAL_PRODUCTS.exec(scope);
  if (reading !== null && reading.via === 'definition' && plural) {
    out.push(diagnostic('per-product-reading', t.range,
      `'of ${plural[1]}' counts the sales of every product together, but "${reading.definition?.term ?? ''}" is defined per product ('of a ${reading.node.noun}'): two readings. ` +
        `It is read per product, as the definition says: the target is met when one product's own total meets it.`,
      { suggestion: `write 'of a ${reading.node.noun}' in the condition, or define the term without 'of a ${reading.node.noun}' if the products' sales are pooled` }));
  }
  if (reading === null && definition === null && m.once?.sentence === 'even-if-others') {
    out.push(diagnostic('per-product-reading', m.once.range,
      `'even if other ${m.once.others?.noun ?? 'products'} achieve …' speaks of each product meeting the target, but the condition counts the sales of all products together: two readings. ` +
        `It is read as the condition writes it, the sales pooled.`,
      { suggestion: `write the condition's metric 'of a <Product>' (for example 'Net Sales of a Licensed Product') to count each product on its own` }));
  }
  if (m.once?.sentence === 'even-if-others' && m.once.others && t.kind === 'revenue') {
    const o = m.once.others;
    const same = textKey(o.term) === textKey(t.term ?? '') && o.comparator.strict === (m.comparator?.strict ?? false) && o.amount.currency === t.amount.currency && new Dec(o.amount.amount).equals(new Dec(t.amount.amount));
    if (!same) {
      out.push(diagnostic('once-restatement-mismatch', m.once.range, `the sentence restates the condition as '${o.term} ${o.comparator.words} ${o.amount.text}', which is not the milestone's ('${t.term ?? ''} ${m.comparator?.words ?? ''} ${t.amount.text}').`, {
        suggestion: `restate the milestone's own condition: '${t.term ?? ''} ${m.comparator?.words ?? 'exceeding'} ${t.amount.text}'`,
      }));
    }
  }
  if (reading === null) return;
  // What per-product counting does not cover yet: refused by name, never a pooled reading.
  const refuse = (what: string): void => {
    out.push(diagnostic('unsupported-construct', reading.node.range, `'of a ${reading.node.noun}' counts each product on its own; ${what} is not counted per product by the engine.`, {
      suggestion: 'write the milestone without it, or evaluate each product\'s ledger on its own',
    }));
  };
  const applies = paymentFor(m, clause);
  const kind = applies ? paymentParts(applies.payment).base.kind : null;
  if (kind !== null && kind !== 'fixed' && kind !== 'unstated') refuse(`a computed payment (${kind})`);
  if (m.compound) refuse('a condition of several parts');
  if (clause.catchUp) refuse('catch-up of earlier milestones');
  if (clause.clawback) refuse('a clawback');
  // One product's excess would otherwise carry into the next period's total, where another product may meet the target with it.
  if (clause.carryForward) refuse('carrying an excess forward to the next period');
  if (m.achiever) refuse('a condition that names the party whose sales count');
}
