/**
 * What the report says of a milestone counted on a defined set's rows (src/language/item-sets.ts): its metric's reading
 * names the set, how the set is read, that a rate is counted on the same rows, each ledger name that nearly matches a
 * member (a warning, once per text), and the rows with no cell in the set's column. One place for both engines: the
 * in-memory evaluator and the SQL report give the same words from the same near matches and blank count.
 */
import { itemSetReading, type ItemSetUse, type RowSet } from '../language/item-sets';
import type { EvaluationDiagnostic } from './report';

/** The metric's reading for the notes, naming the set whose rows alone count. */
export function setMetricReading(reading: string, set: RowSet | null): string {
  return set ? reading.replace('of every row', `of the rows of "${set.term}"`) : reading;
}

export interface SetCounts {
  /** Ledger names that nearly match a member, with that member, in the order the rows first give them. */
  near: Iterable<readonly [string, string]>;
  /** Evaluated rows with no cell in the set's column. */
  blank: number;
}

/** The set's notes and near-match warnings for milestone `name`; `paysOnRows`: the payment is counted on revenue (a rate, tiers, an excess, increments of sales). */
export function itemSetNotes(
  name: string,
  use: ItemSetUse,
  set: RowSet,
  paysOnRows: boolean,
  counts: SetCounts,
  out: { notes: { add(text: string): void }; diagnostics: EvaluationDiagnostic[]; nearWarned: Set<string> },
): void {
  out.notes.add(`${name}: ${itemSetReading(use)}`);
  if (paysOnRows) out.notes.add(`${name}: the payment is counted on the same rows, those of "${use.definition.term}"`);
  const column = set.field;
  for (const [cell, member] of counts.near) {
    const message = `${name}: the ledger's ${column} "${cell}" nearly matches "${member}" of "${use.definition.term}" but is not the same name, so its rows are not counted; if it is the same ${column}, write the ledger's name as the definition does (or name it in the definition)`;
    if (!out.nearWarned.has(message)) {
      out.nearWarned.add(message);
      out.diagnostics.push({ code: 'set-near-miss', severity: 'warning', message });
      out.notes.add(message);
    }
  }
  const blank = counts.blank;
  if (blank > 0) out.notes.add(`${name}: ${blank} row${blank === 1 ? ' has' : 's have'} no ${column} and ${blank === 1 ? 'is' : 'are'} not counted in "${use.definition.term}"`);
}
