/**
 * "If <condition>, <Payer> shall pay <Payee> <amount>." with or without a tail after the amount (a due term, a cap):
 * one grammar alternative for both, so that a clause start predicts one Earley state for them, not two. The clause is
 * built exactly as each form alone builds it.
 */
import { payerClause, type ClauseDraft, type Data } from './builders';
import { tailedPayerClause } from './measured-builders';

export function conditionFirstClause(d: Data): ClauseDraft {
  return d[1] === null ? payerClause([d[0], d[2]]) : tailedPayerClause(d);
}
