/**
 * Name cells (ids, products, customers) on the SQL engines, read as the in-memory reader reads them: `normalizeText`
 * (invisible marks removed, Unicode spaces and runs of spaces made one space, curly quotes made straight), and for
 * products and customers `textKey`'s JavaScript case folding.
 *
 * The query trims a cell and lower-cases it with the engine's `lower()`, which is the reader's rule exactly for a cell
 * of printable ASCII without two spaces in a row (`normalizeText` leaves such a cell as it is once trimmed). Every other
 * cell (a no-break or zero-width space, a doubled space, a tab, a curly apostrophe, a letter outside ASCII, whose case
 * folding PostgreSQL's locale or DuckDB's Unicode tables may do otherwise) is found by a query before the evaluation's,
 * read by the in-memory rule itself in TypeScript, and bound into the evaluation query with its reading: no text rule
 * is written again in SQL.
 */
import { normalizeText, textKey } from '../values/text-key';
import type { SqlDialect } from './dialect';
import { quoteIdentifier } from './identifier';
import { SqlUnsupportedError } from './unsupported';

/** The name columns the query reads. */
export type NameField = 'id' | 'product' | 'customer';

/** Per column: each unusual cell, exactly as the engine casts it to text, and the reader's reading of it (null: no name). */
export type NameCells = Record<NameField, ReadonlyArray<{ cell: string; name: string | null }>>;

/**
 * A cell the engine's trim and `lower()` may read otherwise than the reader: anything outside printable ASCII, or two
 * spaces in a row (the complement of `normalizeText`'s already-normal test, ends aside: both trim them alike).
 */
export const UNUSUAL_NAME_FORM = '(?:.|\n)*(?:[^ -~]|  )(?:.|\n)*';

/** The most unusual cells the evaluation query binds (each is a branch of a CASE per row); more are refused by name. */
export const MAX_NAME_CELLS = 2_000;

/** The query for the distinct unusual cells of the name columns (`col` the field, `v` the cell as the query reads it). */
export function nameCellsQuery(from: string, columns: ReadonlyArray<{ field: NameField; column: string }>, dialect: SqlDialect, bind: (value: string) => string): string {
  const form = bind(UNUSUAL_NAME_FORM);
  const parts = columns.map(({ field, column }) => {
    const cell = `CAST(s.${quoteIdentifier(column)} AS ${dialect.text})`;
    return `SELECT DISTINCT '${field}' AS col, ${cell} AS v FROM ${from} AS s WHERE ${cell} IS NOT NULL AND ${dialect.fullMatch(cell, form)}`;
  });
  return `SELECT col, v FROM (\n  ${parts.join('\n  UNION ALL\n  ')}\n) AS unusual LIMIT ${MAX_NAME_CELLS + 1}`;
}

/** The reader's reading of each unusual cell: `normalizeText` for ids, `textKey` for products and customers. */
export function readNameCells(rows: ReadonlyArray<{ field: NameField; cell: string }>): NameCells {
  if (rows.length > MAX_NAME_CELLS) {
    throw new SqlUnsupportedError(
      'names of many unusual spellings',
      `the ledger's id, product or customer cells hold more than ${MAX_NAME_CELLS} different names with Unicode spaces, doubled spaces, curly quotes, invisible marks or letters outside ASCII, more than the SQL engines bind; evaluate this clause without --engine`,
    );
  }
  const read: { [F in NameField]: Array<{ cell: string; name: string | null }> } = { id: [], product: [], customer: [] };
  for (const { field, cell } of rows) {
    const name = field === 'id' ? normalizeText(cell) : textKey(cell);
    read[field].push({ cell, name: name === '' ? null : name });
  }
  return read;
}

/** The query's reading of a name cell (`raw`, as cast to text): a bound reading for an unusual cell, else `otherwise`. */
export function nameCellSql(raw: string, cells: ReadonlyArray<{ cell: string; name: string | null }>, otherwise: string, bind: (value: string) => string, text: string): string {
  if (cells.length === 0) return otherwise;
  const branches = cells.map(({ cell, name }) => `WHEN ${bind(cell)} THEN ${name === null ? `CAST(NULL AS ${text})` : bind(name)}`);
  return `CASE ${raw} ${branches.join(' ')} ELSE ${otherwise} END`;
}
