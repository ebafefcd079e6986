/**
 * Checks of a definition of who counts as a new customer ('"New Client" means a client that is not and has
 * never been party to a Sale Agreement.'). The engine counts a customer as new in the window holding their
 * first positive-amount row in the whole ledger, a row being the agreement they were never party to before;
 * the definition says the same, so it is read that way and the reading is stated. A definition whose term
 * no new-customer count of the clauses uses, or whose noun is not the count's, defines nothing the
 * evaluation reads: a warning says so rather than leave it silently unused.
 */
import type { CustomerDefinitionNode, DocumentNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';

/** The customer definitions of a document. */
export function customerDefinitions(document: DocumentNode): CustomerDefinitionNode[] {
  return (document.definitions ?? []).filter((d): d is CustomerDefinitionNode => d.kind === 'customer-definition');
}

/** "New Client" for a count of new clients: the term a definition must have to define that count. */
const termFor = (noun: 'customers' | 'clients'): string => (noun === 'clients' ? 'new client' : 'new customer');

export function checkCustomerDefinitions(document: DocumentNode, out: Diagnostic[]): void {
  const counted = new Set<string>();
  for (const clause of document.clauses) for (const m of clause.milestones) if (m.target.kind === 'new-customers') counted.add(termFor(m.target.noun));
  for (const d of customerDefinitions(document)) {
    const term = d.term.toLowerCase().replace(/s$/, '');
    if (term !== termFor(d.noun) || !counted.has(term)) {
      out.push(
        diagnostic(
          'definition-not-used',
          d.range,
          `"${d.term}" is defined, but no count of the clauses is of "${term === termFor(d.noun) ? d.term : `new ${d.noun}`}": the definition changes nothing the evaluation reads. Count "new ${d.noun}" in the clause, or remove the definition.`,
        ),
      );
    }
  }
}

/** How the evaluation reads a definition, for the notes. */
export function customerDefinitionReading(d: CustomerDefinitionNode): string {
  const noun = d.noun === 'clients' ? 'client' : 'customer';
  return (
    `"${d.term}" is defined as a ${noun} that ${d.isNot ? 'is not and ' : ''}has never been party to ${d.never}: read as a ${noun} whose first ` +
    `positive-amount row in the whole ledger falls in the window, each row being ${d.never} entered into`
  );
}
