/**
 * The ledger translator (src/ledger/ledger-reading.ts) for one document: the columns its milestones
 * cannot do without and the currency its amounts are in. The command line, the library and the
 * playground build it here, so an export is checked the same way whichever of them reads it.
 */
import type { DocumentNode } from '../language/ast';
import { LedgerTranslator, type LedgerReading } from '../ledger/ledger-reading';
import { currencyReading } from './ledger-currency';
import { documentCurrency, requiredColumns } from './plan';

/** `ledgerCurrency`: the currency of a clause that names none (EvaluationOptions.ledgerCurrency; a bad one is the evaluation's error). */
export function documentTranslator(ast: DocumentNode, reading: LedgerReading, ledgerCurrency?: string): LedgerTranslator {
  const currency = currencyReading(ast, ledgerCurrency);
  return new LedgerTranslator(reading, { required: requiredColumns(ast), currency: currency.ok ? currency.currency : documentCurrency(ast) });
}
