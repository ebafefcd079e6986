/**
 * Checks of a commitment to sales targets set out in an exhibit written in the text ("Distributor hereby commits to
 * Supplier to achieve, at a minimum, the sales targets set forth on Exhibit C for each Contract Year … (the "Sales
 * Minimum"). If Distributor fails to achieve the Sales Minimum …, Supplier may … either (i) terminate …, or (ii) revoke
 * …. Exhibit C - Sales Minimum: Contract Year 1 …: $600,000; Contract Year 2: $900,000."): the three sentences must
 * speak of the same targets, exhibit and parties, and the rows must be the periods named, first, second, … in order;
 * otherwise a row could be read as another period's target. The clause also gets one note saying how it is read: the
 * consequence of a miss is not a payment.
 */
import type { ClauseNode, SalesMinimumNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export function checkSalesMinimum(clause: ClauseNode, out: Diagnostic[]): void {
  const s: SalesMinimumNode | undefined = clause.salesMinimum;
  if (!s) return;
  const mismatch = (message: string): void => void out.push(diagnostic('sales-minimum-mismatch', s.range, message));
  if (!same(s.failedName, s.name) || !same(s.tableName, s.name)) {
    mismatch(`The targets are named "${s.name}", but the other sentences speak of "${s.failedName}" and "${s.tableName}": write the same name in all three.`);
  }
  if (s.periodExhibit !== s.exhibit || s.tableExhibit !== s.exhibit) {
    mismatch(`The targets are set forth on Exhibit ${s.exhibit}, but the other sentences name Exhibit ${s.periodExhibit} and Exhibit ${s.tableExhibit}: name the same exhibit.`);
  }
  const party = clause.party?.name ?? '';
  if (!same(s.failing.name, party)) mismatch(`${party} commits to the targets, but the remedies follow when ${s.failing.name} fails: name the same party.`);
  if (!same(s.holder.name, s.beneficiary.name)) mismatch(`The commitment is made to ${s.beneficiary.name}, but ${s.holder.name} holds the remedies: name the same party.`);
  clause.milestones.forEach((m, i) => {
    const w = m.window;
    if (w.kind !== 'defined-period' || !same(w.term, s.each) || w.which !== i + 1) {
      out.push(diagnostic('sales-minimum-mismatch', m.range, `The rows of Exhibit ${s.exhibit} must be each ${s.each} in order (${s.each} 1, ${s.each} 2, …): row ${i + 1} is not ${s.each} ${i + 1}.`));
    }
  });
  const remedies = s.remedies.map((r) => `(${r.label}) ${r.verb} ${r.words}`).join(', or ');
  out.push(
    diagnostic(
      'remedy-not-payment',
      s.range,
      `Read as a commitment to the ${s.name} of Exhibit ${s.exhibit}: each ${s.each} is met when its sales reach the row's target (at a minimum: a total equal to it meets it), missed when it ends below. ` +
        `Missing it lets ${s.holder.name} ${remedies}: not a payment, so nothing is owed either way.`,
    ),
  );
}
