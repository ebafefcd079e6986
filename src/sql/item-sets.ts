/**
 * Defined sets of products or customers on the SQL engines ('"Eligible Products" means the Widget Pro and Widget Max
 * product lines.'): a milestone that names one counts only the rows whose cell names a member (src/language/item-sets.ts).
 *
 * Which cells name a member is the in-memory rule itself (`inSet`, `nearMember` on the reader's `normalizeText`), applied
 * in TypeScript to the ledger's distinct cells of the set's column, found by a query before the evaluation's: the
 * evaluation query then reads the rows whose cell is one of the matching cells exactly as written (bound parameters), so
 * that no text rule (Unicode spaces, quotes, invisible marks, case folding) is written again in SQL. The cells that nearly
 * match a member and those with no name are bound too: the query gives each near cell's first evaluated row and the count
 * of blank rows, which the report words as the evaluator does (src/evaluation/item-set-notes.ts).
 */
import { inSet, nearMember, type RowSet } from '../language/item-sets';
import { normalizeText } from '../values/text-key';
import type { SqlDialect } from './dialect';
import { quoteIdentifier } from './identifier';
import { SqlUnsupportedError } from './unsupported';

export type SetField = RowSet['field'];

export interface SetCells {
  /** Per set (`SqlPlan.sets` index): the cells, exactly as the ledger holds them, that name a member. */
  members: string[][];
  /** Per set: the cells that nearly match a member, with the name as the reader keeps it (`normalizeText`) and that member. */
  near: Array<Array<{ cell: string; name: string; member: string }>>;
  /** Per column: the cells with no name once invisible marks are removed (the reader's blank cell), which no set counts. */
  blank: Record<SetField, string[]>;
}

/** The most cells the query binds for the sets: more would pass the engines' parameter limits; such a ledger is refused by name. */
export const MAX_SET_CELLS = 20_000;

/** The columns the sets read, each once. */
export function setFields(sets: readonly RowSet[]): SetField[] {
  return [...new Set(sets.map((s) => s.field))];
}

/** The query for the ledger's distinct cells of one column (cast to text, as the evaluation query reads them). */
export function setCellsQuery(from: string, column: string, dialect: SqlDialect): string {
  const cell = `CAST(s.${quoteIdentifier(column)} AS ${dialect.text})`;
  return `SELECT DISTINCT ${cell} AS v FROM ${from} AS s WHERE ${cell} IS NOT NULL`;
}

/** Each set's matching and near cells among the ledger's distinct cells of its column, by the in-memory rule. */
export function judgeSetCells(sets: readonly RowSet[], cells: Record<SetField, readonly string[]>): SetCells {
  const judged: SetCells = { members: sets.map(() => []), near: sets.map(() => []), blank: { product: [], customer: [] } };
  let bound = 0;
  for (const field of setFields(sets)) {
    for (const cell of cells[field]) {
      // An empty cell is a required column's error (the query reports it); one of invisible marks only has no name.
      if (cell.trim() === '') continue;
      const name = normalizeText(cell);
      if (name === '') {
        judged.blank[field].push(cell);
        bound++;
        continue;
      }
      sets.forEach((set, k) => {
        if (set.field !== field) return;
        if (inSet(set, name)) {
          judged.members[k].push(cell);
          bound++;
          return;
        }
        const member = nearMember(set, name);
        if (member !== null) {
          judged.near[k].push({ cell, name, member });
          bound++;
        }
      });
    }
  }
  if (bound > MAX_SET_CELLS) {
    throw new SqlUnsupportedError(
      'defined set of many spellings',
      `the ledger writes the members of the defined sets in ${bound} different cells, more than the ${MAX_SET_CELLS} the SQL engines bind; evaluate this clause with the in-memory engine`,
    );
  }
  return judged;
}

/** Whether a row's cell (`column`, the raw text) is one of `cells`, never null. */
export function cellIn(column: string, cells: readonly string[], bind: (value: string) => string): string {
  return cells.length === 0 ? 'FALSE' : `COALESCE(${column} IN (${cells.map(bind).join(', ')}), FALSE)`;
}
