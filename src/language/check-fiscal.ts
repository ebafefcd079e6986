/**
 * Checks of fiscal periods and the sentences that date them: a stated start or end that is not a
 * day of the calendar, two statements that disagree, a label definition without a four-digit year,
 * and an FY label the text does not define, read as the fiscal year ending in its year: one of two
 * plausible readings, so a warning.
 */
import type { DocumentNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { daysInMonth } from '../time/calendar-date';
import { FISCAL, fiscalYearStart, labelReading, statedFiscalStarts } from './fiscal-year';

export function checkFiscal(document: DocumentNode, out: Diagnostic[]): void {
  for (const d of document.definitions ?? []) {
    if (d.kind === 'fiscal-year-statement' && (d.day < 1 || d.day > daysInMonth(2024, d.month))) {
      out.push(diagnostic('impossible-date', d.range, `The fiscal year cannot ${d.edge === 'begins' ? 'begin' : 'end'} on day ${d.day} of month ${d.month}: that day is not in the calendar.`));
    }
    if (d.kind === 'fiscal-label-definition' && !(Number.isInteger(d.label) && d.label >= 1000 && d.label <= 9999)) {
      out.push(diagnostic('invalid-period', d.range, 'A fiscal-year label must carry its year in four digits, such as "FY2027".'));
    }
  }
  if (statedFiscalStarts(document).length > 1) {
    const found = fiscalYearStart(document, undefined);
    const at = document.definitions?.[0]?.range ?? document.clauses.find((c) => c.opening?.kind === 'start-opening')?.opening?.range ?? document.range;
    if (!found.ok) out.push(diagnostic('fiscal-year-start-conflict', at, `${found.message[0].toUpperCase()}${found.message.slice(1)}.`));
  }
  const warned = new Set<number>();
  for (const clause of document.clauses) {
    for (const m of clause.milestones) {
      const w = m.window;
      if (w.kind !== 'calendar-period' || w.yearStart !== FISCAL || w.selection.kind !== 'named' || warned.has(w.selection.year)) continue;
      const label = w.selection.year;
      warned.add(label);
      const start = fiscalYearStart(document, undefined);
      if (labelReading(document, label).stated || (start.ok && start.start === '01-01')) continue;
      out.push(
        diagnostic(
          'fy-label-reading',
          w.range,
          `'FY${label}' is read as the fiscal year ending in ${label}, the usual convention; some companies name a fiscal year by the year it begins in, which is a year later. ` +
            'The text does not say which (unless the fiscal year is the calendar year, when both agree).',
          { suggestion: `state the reading meant: add '"FY${label}" means the fiscal year ending <its last day, such as June 30, ${label}>.'` },
        ),
      );
    }
  }
}
