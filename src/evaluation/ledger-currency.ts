/**
 * The currency amounts are read and paid in: the one the clause names (its first revenue target's, else its first fixed
 * payment's), else the one the evaluation's context declares for the ledger (`ledgerCurrency`, "the ledger's amounts are
 * in USD") for a clause that names none ("1.5% of the increase in … sales"). A declaration the clause contradicts is an
 * error, never a conversion; with neither, a rate's currency is the first row's, or unknown (the evaluator warns).
 */
import type { DocumentNode } from '../language/ast';
import { isCurrencyCode } from '../values/money';
import { documentCurrency } from './plan';

export type CurrencyReading =
  | { ok: true; currency: string | null; note: string | null }
  | { ok: false; code: 'invalid-context'; message: string };

export function currencyReading(ast: DocumentNode, ledgerCurrency: string | undefined): CurrencyReading {
  const named = documentCurrency(ast);
  if (ledgerCurrency === undefined) return { ok: true, currency: named, note: null };
  if (!isCurrencyCode(ledgerCurrency)) {
    return { ok: false, code: 'invalid-context', message: `ledgerCurrency '${ledgerCurrency}' is not an ISO 4217 currency code such as USD or EUR` };
  }
  if (named !== null && named !== ledgerCurrency) {
    return { ok: false, code: 'invalid-context', message: `the clause is in ${named} and the context declares the ledger in ${ledgerCurrency}: amounts in different currencies are never converted; declare ${named} or leave ledgerCurrency out` };
  }
  if (named !== null) return { ok: true, currency: named, note: null };
  return {
    ok: true,
    currency: ledgerCurrency,
    note: `the clause names no currency: amounts are read and paid in ${ledgerCurrency}, the ledger's currency as the context declares it (ledgerCurrency); a row in another currency is an error`,
  };
}
