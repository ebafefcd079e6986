/**
 * The condition a payment list states for all its items ("Pharmara will make each of the following one-time Sales
 * Milestone Payments when worldwide aggregate Net Sales … in a given Calendar Year first meet the corresponding
 * threshold: (a) first time annual Net Sales of Licensed Products exceed $1,000,000: $[***]; …"). Its window is each
 * item's (the items write none); each item's own metric, comparator and amount decide whether it is met ("the
 * corresponding threshold" is the item's). A list condition and an item that measure gross and net sales name two
 * metrics: an error, since which one the threshold is of cannot be told.
 */
import type { ClauseNode, DocumentNode, ListConditionNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { describeWindow } from './describe';

export function checkListCondition(clause: ClauseNode, out: Diagnostic[]): void {
  const lead = clause.listCondition;
  if (lead === undefined) return;
  const window = JSON.stringify(lead.window, withoutRanges);
  for (const m of clause.milestones) {
    if (JSON.stringify(m.window, withoutRanges) !== window) {
      out.push(
        diagnostic('list-condition-mismatch', m.window.range, "This item writes a window of its own, but the list's condition gives every item its window: which one the item is measured in cannot be told.", {
          suggestion: "leave out the item's window (the list's condition gives it), or write the window in every item and not in the list's condition",
        }),
      );
      continue;
    }
    if (m.target.kind !== 'revenue' || lead.basis === null || m.target.basis === null || m.target.basis === lead.basis) continue;
    out.push(
      diagnostic(
        'list-condition-mismatch',
        m.target.range,
        `The list's condition measures '${lead.term}', but this item measures '${m.target.term ?? m.target.basis}': a ${lead.basis} and a ${m.target.basis} total, and which one the threshold is of cannot be told.`,
        { suggestion: `write the same metric ('${lead.term}') in the list's condition and in its items` },
      ),
    );
  }
}

const withoutRanges = (key: string, value: unknown): unknown => (key === 'range' ? undefined : value);

/** How the evaluation reads each list condition, for the notes. */
export function listConditionReadings(document: DocumentNode): string[] {
  const count = document.clauses.length;
  return document.clauses.flatMap((clause, i) => (clause.listCondition ? [reading(clause.listCondition, count > 1 ? `clause ${i + 1}: ` : '')] : []));
}

function reading(lead: ListConditionNode, which: string): string {
  return (
    `${which}the list's condition ('${lead.term}${lead.scope ? ` ${lead.scope}` : ''} … first meet the corresponding threshold') gives every item its window, ` +
    `${describeWindow(lead.window)}; whether an item is met is decided by its own metric, comparator and amount (the corresponding threshold is the item's)`
  );
}
