/**
 * A commitment to sales targets set out in an exhibit, with remedies that are not payments ("… Supplier may … either
 * (i) terminate this Agreement …, or (ii) revoke …"), on the SQL path: each exhibit row is a milestone with no payment,
 * tested like any other; the note that says nothing is owed is the evaluator's own (salesMinimumNote).
 */
import type { ClauseNode } from '../language/ast';

/** The sales minimum's fields: all of them word the note; none changes a figure. */
export const SALES_MINIMUM_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'sales-minimum': ['kind', 'beneficiary', 'name', 'exhibit', 'each', 'failing', 'failedName', 'periodExhibit', 'holder', 'remedies', 'tableExhibit', 'tableName', 'firstDefined', 'range'],
  remedy: ['kind', 'label', 'verb', 'words', 'range'],
};

export function checkSalesMinimum(clause: ClauseNode, requireKnown: (node: object, role: string) => void): void {
  const s = clause.salesMinimum;
  if (!s) return;
  requireKnown(s, 'sales minimum');
  for (const party of [s.beneficiary, s.failing, s.holder]) requireKnown(party, 'party');
  for (const remedy of s.remedies) requireKnown(remedy, 'remedy');
}
