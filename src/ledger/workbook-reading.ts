/**
 * What a workbook shows its reader beyond its cells, and how the ledger reads it: which sheet is the
 * ledger (the first one shown, in tab order, unless `--sheet` names one), rows hidden on it (by a
 * filter, a collapsed group or by hand), and the date system its serial numbers count in.
 *
 * A hidden row is a question the engine does not answer for the user: finance users hide or filter
 * out rows to leave them out (voided deals), and also hide rows only to keep them out of sight, and
 * spreadsheet tools read them both ways (pandas and openpyxl read every row; SheetJS's CSV export and
 * DevExpress's Excel data source skip hidden rows on request, DevExpress by default). So each hidden
 * row with cells is that row's error `hidden-row` naming the worksheet row, until `--hidden-rows
 * skip` or `--hidden-rows count` says which reading is meant; the chosen one is stated in the notes.
 *
 * Pure and browser-safe: the XLSX reader (src/node/xlsx-reader.ts) gathers the facts.
 */
import type { RowIssue } from './rows';

export type HiddenRows = 'count' | 'skip';

export const HIDDEN_ROWS: readonly HiddenRows[] = ['count', 'skip'];

/** A sheet as the workbook lists it (tab order). */
export interface WorkbookSheet {
  name: string;
  /** Hidden by the user (`hidden`) or only by a program (`veryHidden`). */
  hidden: boolean;
}

/** The workbook, as known before the ledger's first row. */
export interface WorkbookFacts {
  /** Every sheet, in tab order. */
  sheets: WorkbookSheet[];
  /** The sheet read as the ledger. */
  read: string;
  /** Serial numbers count days from 1904-01-01 (Excel for Mac before 2011 and files it made). */
  date1904: boolean;
}

/** The rows of the sheet read that the workbook hides, known once the sheet is read. */
export interface HiddenRowFacts {
  /** Worksheet row numbers (as Excel shows them) of hidden rows with cells, in order. */
  rows: number[];
  /** The sheet's filter range (`A1:E20`), when it has one. */
  filter: string | null;
  /** Header columns the sheet hides (its letters and header as written). */
  columns?: Array<{ column: string; header: string }>;
}

/**
 * What the report says of each hidden column: it is read as if shown (a ledger reads cells, not what the sheet
 * shows), and when it is the column read as a ledger column, so that an amount or date the user hid is never
 * summed without a word. `read` is the ledger column it is read as, or null.
 */
export function hiddenColumnNote(column: { column: string; header: string }, read: string | null): string {
  return read === null
    ? `column '${column.header}' (worksheet column ${column.column}) is hidden in the workbook; it is not read as a ledger column`
    : `column '${column.header}' (worksheet column ${column.column}) is hidden in the workbook, and is read as ${read} as if shown: if it was hidden because another column holds the ${read} meant, name that one with --columns ${read}="…"`;
}

/** The sheet the ledger is: the one named, else the first the workbook shows; null when it has none to show. */
export function ledgerSheet(sheets: readonly WorkbookSheet[], named: string | undefined): string | null {
  if (named !== undefined) return named;
  return sheets.find((s) => !s.hidden)?.name ?? sheets[0]?.name ?? null;
}

/** What the report says of the workbook's sheets: which one was read, and why. */
export function workbookNotes(facts: WorkbookFacts, named: string | undefined): string[] {
  const notes: string[] = [];
  const { sheets, read } = facts;
  const hidden = sheets.filter((s) => s.hidden).map((s) => s.name);
  const listed = sheets.map((s) => `'${s.name}'${s.hidden ? ' (hidden)' : ''}`).join(', ');
  if (named === undefined && sheets.length > 1) {
    const which = hidden.length === 0 ? `only the first, '${read}',` : `only '${read}', the first sheet it shows,`;
    notes.push(
      `the workbook has ${sheets.length} sheets (${listed}): ${which} is read as the ledger; --sheet names another, and sales kept on several sheets must be joined into one to be counted`,
    );
  } else if (named !== undefined && hidden.includes(named)) {
    notes.push(`sheet '${named}' is hidden in the workbook; it is read as the ledger because --sheet names it`);
  }
  if (facts.date1904) {
    notes.push('the workbook counts dates in the 1904 date system (days from 1904-01-01): its date cells, and any serial day number read with --date-format excel, are read in it');
  }
  return notes;
}

/** A row the workbook hides, while no reading of hidden rows is chosen: that row's error. */
export function hiddenRowIssue(row: number, sheetRow: number, sheet: string): RowIssue {
  const why = 'hidden in the workbook (by hand, by a filter or in a collapsed group)';
  return {
    row,
    column: '*',
    value: `row ${sheetRow}`,
    code: 'hidden-row',
    message:
      `row ${row} (worksheet '${sheet}' row ${sheetRow}) is ${why}: a hidden row may have been hidden to leave it out (a voided or lost deal) or only to keep it out of sight. ` +
      'The engine does not guess: pass --hidden-rows skip to leave the hidden rows out, as the sheet shows it, or --hidden-rows count to count them as well',
  };
}

/** The reading chosen for hidden rows, stated when the sheet has some. */
export function hiddenRowsNote(facts: HiddenRowFacts, reading: HiddenRows): string | null {
  const n = facts.rows.length;
  if (n === 0) return null;
  const shown = facts.rows.slice(0, 10).join(', ') + (n > 10 ? `, … (${n} in all)` : '');
  const what = n === 1 ? `1 row hidden in the workbook (worksheet row ${shown})` : `${n} rows hidden in the workbook (worksheet rows ${shown})`;
  const filter = facts.filter === null ? '' : `; the sheet has a filter on ${facts.filter}`;
  return reading === 'skip'
    ? `${what} ${n === 1 ? 'is' : 'are'} left out, as the sheet shows it (--hidden-rows skip)${filter}`
    : `${what} ${n === 1 ? 'is' : 'are'} counted like the rows shown (--hidden-rows count)${filter}`;
}
