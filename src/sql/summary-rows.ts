/**
 * Summary rows on the SQL engines: a row an export adds to total the rows above it (`Total`, `Subtotal`, `Total for
 * Contoso Ltd`), which the in-memory reader gives the row error `summary-row` (src/ledger/summary-rows.ts) rather than
 * count the sales above it a second time. The same rule, written as SQL over the same text columns (every column but
 * the order, date, amount, units and currency columns, as a CSV's are read): the whole trimmed cell is a summary label,
 * or on a row without a date it starts with the summary word.
 *
 * The reader's regular expressions use JavaScript's `\s` and ignore ASCII case only; the patterns below list those
 * whitespace characters and both cases of each letter, so that the engines' own regular-expression rules (Unicode
 * case folding, locale classes) never decide. The first-characters test the reader makes before its expressions
 * (`isSummaryLabel`: a space, tab or no-break space first, or `tot`/`sub`/`gra`) is repeated too.
 */
import type { SqlDialect } from './dialect';

/** JavaScript's `\s`, as characters of a bracket expression. */
const WHITESPACE = '\t\n\u000b\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
/** A word in either ASCII case: `[tT][oO]…`. */
const word = (text: string): string => [...text].map((c) => `[${c.toUpperCase()}${c}]`).join('');
const SEPARATOR = `[${WHITESPACE}-]*`;
const ANYTHING = '(?:.|\n)*';
const HEAD = `(?:${word('grand')}${SEPARATOR})?(?:${word('sub')}${SEPARATOR})?${word('total')}[sS]?`;

/** SUMMARY_LABEL of src/ledger/summary-rows.ts, matched against the whole trimmed cell. */
export const SUMMARY_LABEL_FORM =
  `${HEAD}(?:[${WHITESPACE}]*\\([^)]*\\))?[${WHITESPACE}]*:?` + `|(?:${word('sub')}${SEPARATOR})?${word('total')}[sS]?[${WHITESPACE}]+${word('for')}[${WHITESPACE}]${ANYTHING}`;
/** SUMMARY_START (`totals?\b` at the start), matched against the whole trimmed cell. */
export const SUMMARY_START_FORM = `${HEAD}(?:[^A-Za-z0-9_]${ANYTHING})?`;

/** A label column: its name as the report gives it, and its cell as text (null when empty). */
export interface LabelColumn {
  name: string;
  cell: string;
}

/**
 * The index of the first label column whose cell makes the row a summary row, else null. `dated`: a condition true when the row's date
 * cell starts with a digit (the reader's `isDated`). On a row without a date a cell starting with the summary word is
 * one, which every whole label also does (SUMMARY_LABEL_FORM's matches are SUMMARY_START_FORM's).
 */
export function summarySql(
  columns: readonly LabelColumn[],
  dated: string,
  dialect: SqlDialect,
  bind: (value: string) => string,
  trimSet: string,
): string | null {
  if (columns.length === 0) return null;
  const label = bind(SUMMARY_LABEL_FORM);
  const start = bind(SUMMARY_START_FORM);
  const lead = bind(' \t\u00a0');
  const first = (form: string): string =>
    `CASE ${columns
      .map(({ cell }, k) => {
        const begins = `length(${cell}) >= 5 AND (strpos(${lead}, substr(${cell}, 1, 1)) > 0 OR lower(substr(${cell}, 1, 3)) IN ('tot', 'sub', 'gra'))`;
        return `WHEN ${begins} AND ${dialect.fullMatch(dialect.trimChars(cell, trimSet), form)} THEN ${k}`;
      })
      .join(' ')} END`;
  return `CASE WHEN ${dated} THEN ${first(label)} ELSE ${first(start)} END`;
}

/** For `at`, the index summarySql gives: the summary row's column, as the report names it, and its cell trimmed (null for other rows). */
export function summaryLabelSql(
  columns: readonly LabelColumn[],
  at: string,
  dialect: SqlDialect,
  bind: (value: string) => string,
  trimSet: string,
): { column: string; value: string } {
  return {
    column: `CASE ${at} ${columns.map(({ name }, k) => `WHEN ${k} THEN ${bind(name)}`).join(' ')} END`,
    value: `CASE ${at} ${columns.map(({ cell }, k) => `WHEN ${k} THEN ${dialect.trimChars(cell, trimSet)}`).join(' ')} END`,
  };
}

/** Whether a date cell (text) starts with a digit, after leading spaces when it starts with a space or tab: `isDated`. */
export function datedSql(date: string, dialect: SqlDialect, bind: (value: string) => string, trimSet: string): string {
  const first = `substr(CASE WHEN strpos(${bind(' \t')}, substr(${date}, 1, 1)) > 0 AND length(${date}) > 0 THEN ${dialect.trimChars(date, trimSet)} ELSE ${date} END, 1, 1)`;
  return `COALESCE(${first} IN ('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), FALSE)`;
}
