/**
 * Statements that several milestones met in one period are each paid ("Nothing herein shall preclude multiple
 * milestone payments in a given twelve-month period.", "If more than one unmet Sales Milestone is achieved in a given
 * Calendar Year, a Sales Milestone Payment will be made for each."). Every milestone is evaluated on its own and paid
 * when it is met, however many others are met in the same period: the statement says the same, so it changes no
 * figure, and the notes state that reading. (Agreements that pay only the highest milestone met in a year write
 * that, and such a sentence is not in the language.)
 */
import type { DocumentNode, SeveralPaymentsStatementNode } from './ast';

export function severalPaymentsStatements(document: DocumentNode): SeveralPaymentsStatementNode[] {
  return (document.definitions ?? []).filter((d): d is SeveralPaymentsStatementNode => d.kind === 'several-payments-statement');
}

/** How the evaluation reads the statement, for the notes. */
export function severalPaymentsReading(d: SeveralPaymentsStatementNode): string {
  const said = d.written === 'nothing-precludes' ? `nothing precludes multiple milestone payments in a given ${d.period}` : `each milestone achieved in a given ${d.period} is paid, when more than one is`;
  return `the text says ${said}: each milestone is paid when it is met, however many others are met in the same ${d.period}, as every milestone is evaluated on its own`;
}
