/**
 * Columns whose cells the in-memory reader checks (src/ledger/ledger-reading.ts) and the SQL engines do not: a stage
 * or status column (a row whose state says it is no sale, Failed or Closed Lost, is that row's error in memory) and a
 * payment API's amount columns (beside them a whole amount may be in cents: one error in memory, or
 * `--amount-unit`, which the SQL engines do not read). A table with one of them is refused by name, never summed as
 * a plain ledger.
 */
import { isStatusHeader } from '../ledger/column-mapping';
import { isMinorUnitColumn } from '../ledger/ledger-reading';
import type { DescribedColumn } from './table-spec';
import { SqlUnsupportedError } from './unsupported';

export function checkExportColumns(columns: readonly DescribedColumn[]): void {
  for (const column of columns) {
    const key = column.name.trim().toLowerCase();
    if (isStatusHeader(key)) {
      throw new SqlUnsupportedError(
        'status column',
        `the ledger has a column '${column.name}', whose rows the in-memory engine checks for a state that is no sale (Failed, Closed Lost); the SQL engines do not: ` +
          `evaluate with the in-memory engine, or keep only the rows that count and leave the column out`,
      );
    }
    if (isMinorUnitColumn(key) && columns.some((c) => c.name.trim().toLowerCase() === 'amount')) {
      throw new SqlUnsupportedError(
        'minor-unit amounts',
        `the ledger has a column '${column.name}', as a payment API writes beside amounts in the currency's smallest unit (60000 for 600.00 USD); ` +
          `the SQL engines do not tell cents from amounts as written: evaluate with the in-memory engine (with --amount-unit minor or major), or convert the amounts and leave the column out`,
      );
    }
  }
}
