/**
 * Checks of a sentence's opening phrase (src/language/openings.ts): a start date that is not in the
 * calendar; a period opening whose sentence measures in another window (two periods, neither taken);
 * and "On a quarterly basis," with nothing in the sentence that says calendar quarters, a reading
 * chosen between two (calendar quarters, or quarters counted from the effective date).
 */
import type { ClauseNode, DocumentNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { parseIsoDate } from '../time/calendar-date';
import { openingPeriodWords, openingWords, samePeriod } from './openings';
import { checkOpeningPeriod } from './check-opening-period';

export function checkOpening(clause: ClauseNode, document: DocumentNode, out: Diagnostic[]): void {
  const o = clause.opening;
  if (o === undefined) return;
  if (o.kind === 'start-opening' && parseIsoDate(o.date) === null) {
    out.push(diagnostic('impossible-date', o.range, `${o.date} is not a date in the calendar.`));
  }
  if (o.kind !== 'period-opening') return;
  const period = openingPeriodWords(o);
  checkOpeningPeriod(clause, o, document, out);
  let ownCalendar = false;
  for (const m of clause.milestones) {
    if (m.window.kind === 'open') continue;
    if (samePeriod(m.window, o.window)) {
      ownCalendar = true;
      continue;
    }
    out.push(
      diagnostic(
        'opening-period-conflict',
        m.window.range,
        `The opening '${openingWords(o)}' measures the sentence in each ${period}, but this condition names another period: ` +
          `neither is taken. Keep one: leave out the opening, or the condition's own period.`,
      ),
    );
  }
  if (o.written === 'basis' && !ownCalendar && o.window.kind === 'calendar-period') {
    out.push(
      diagnostic(
        'basis-opening-reading',
        o.range,
        `'${openingWords(o)}' names no calendar: it is read as each ${period}, aligned to the calendar; it could also mean ` +
          `${o.window.unit}s counted from the effective date. Write 'For each ${period},' for the calendar reading, or ` +
          `'in each ${o.window.unit}' after the condition for periods counted from the effective date.`,
      ),
    );
  }
}
