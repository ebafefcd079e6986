/**
 * Checks of windows with their own start, defined periods and definition sentences: dates that are
 * not in the calendar, ranges that end before they start, a defined period the text never defines
 * (or whose definition cannot give the period asked for), and the default reading of an undefined
 * "Contract Year", which is one of two plausible readings and so a warning.
 */
import { checkEventDated, checkEventPeriod, checkFullMonthsPeriod } from './event-periods';
import type { DocumentNode, Range, WindowNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { parseIsoDate } from '../time/periods';
import { calendarPeriodsYearStart, defaultDefinitionText, definitionsOf, periodDefinitions, periodMeaning, successiveMonths, termKey } from './period-definitions';

/** Years outside these are almost always a typing slip (as for deadlines: check.ts). */
const FIRST_LIKELY_YEAR = 1900;
const LAST_LIKELY_YEAR = 2199;

function checkDate(date: string, range: Range, out: Diagnostic[]): boolean {
  const parsed = parseIsoDate(date);
  if (parsed === null) {
    out.push(diagnostic('impossible-date', range, `${date} is not a date in the calendar.`));
    return false;
  }
  if (parsed.year < FIRST_LIKELY_YEAR || parsed.year > LAST_LIKELY_YEAR) {
    out.push(diagnostic('unusual-year', range, `The window's date is in the year ${parsed.year}, far from any contract's dates (a digit missing or extra?); it is read as written.`));
  }
  return true;
}

function checkDates(window: WindowNode, out: Diagnostic[]): void {
  if (window.kind === 'calendar-period' && window.bound) checkDate(window.bound.date, window.bound.range, out);
  if (window.kind === 'span' && window.start.kind === 'date') checkDate(window.start.date, window.range, out);
  if (window.kind === 'date-range') {
    const ok = checkDate(window.from, window.range, out) && checkDate(window.to, window.range, out);
    if (ok && window.to < window.from) {
      out.push(diagnostic('inverted-range', window.range, `The period ends on ${window.to}, before it starts on ${window.from}: no day is in it.`, { suggestion: 'write the earlier date first' }));
    }
  }
}

export function checkOwnWindows(document: DocumentNode, out: Diagnostic[]): void {
  const definitions = definitionsOf(document);
  const seen = new Set<string>();
  for (const d of periodDefinitions(document)) {
    const key = termKey(d.term);
    if (seen.has(key)) out.push(diagnostic('duplicate-definition', d.range, `'${d.term}' is defined twice; the first definition is the one read. Keep one.`));
    seen.add(key);
    if (d.meaning.kind === 'successive-periods' && successiveMonths(d.meaning.n, d.meaning.unit) === null) {
      out.push(diagnostic('invalid-period', d.meaning.range, `'${d.term}' is defined as periods of days; successive periods are counted in months or years from the effective date.`));
    } else if (d.meaning.kind === 'calendar-periods') {
      if (calendarPeriodsYearStart(d.meaning) === null) {
        const length = d.meaning.unit === 'quarter' ? 'three months apart, four of them' : 'six months apart, two of them';
        out.push(
          diagnostic('invalid-period', d.meaning.range, `'${d.term}' is defined by days that are not the last days of ${d.meaning.unit === 'quarter' ? 'quarters' : 'half-years'} of one year: each must end a month, ${length}.`, {
            suggestion: d.meaning.unit === 'quarter' ? "write 'ending on March 31, June 30, September 30 or December 31'" : "write 'ending on June 30 or December 31'",
          }),
        );
      }
    } else if (d.meaning.kind === 'quarters-after-event') {
      checkEventPeriod(d.meaning, document, out);
    } else if (d.meaning.kind === 'full-months-after-event') {
      checkFullMonthsPeriod(d.meaning, out);
    } else if (d.meaning.kind === 'periods-from-event') {
      checkEventDated(d.meaning.start.event, d.meaning.range, document, out);
    } else if (d.meaning.kind !== 'successive-periods') checkDates(d.meaning, out);
  }
  const warned = new Set<string>();
  for (const clause of document.clauses) {
    for (const m of clause.milestones) {
      const w = m.window;
      checkDates(w, out);
      if (w.kind !== 'defined-period') continue;
      const meaning = periodMeaning(w.term, definitions);
      if (meaning === null) {
        if (definitions.has(termKey(w.term))) continue; // its definition has the error
        out.push(
          diagnostic('undefined-period', w.range, `'${w.term}' is not defined in the text, so its dates are unknown.`, {
            suggestion: `add its definition with the agreement's own dates, such as '"${w.term}" means the 12 month period commencing on June 1, 2026.'`,
          }),
        );
        continue;
      }
      if (meaning.kind === 'calendar' && w.which !== 'each') {
        out.push(
          diagnostic('period-not-named', w.range, `'${w.term}' names periods of the calendar: the text must say 'in a ${w.term}' or 'in each ${w.term}'.`, {
            suggestion: `write 'in each ${w.term}'`,
          }),
        );
      }
      if (meaning.kind === 'window' && w.which !== 'the') {
        out.push(
          diagnostic('single-period-definition', w.range, `'${w.term}' is defined as one period, so there is no ${w.which === 'each' ? "'each'" : 'numbered one'}.`, {
            suggestion: `write 'during the ${w.term}'`,
          }),
        );
      }
      if (meaning.kind === 'successive' && w.which === 'the') {
        out.push(
          diagnostic('period-not-named', w.range, `'the ${w.term}' does not say which ${w.term}: the term names successive periods.`, {
            suggestion: `write 'during the first ${w.term}' or 'in each ${w.term}'`,
          }),
        );
      }
      if (meaning.kind === 'successive' && typeof w.which === 'number' && (!Number.isSafeInteger(w.which) || w.which < 1)) {
        out.push(diagnostic('invalid-period', w.range, `${w.which} is not a period number: periods are counted 1, 2, 3, … from the effective date.`));
      }
      if (meaning.kind === 'successive' && meaning.defined === null && !warned.has(termKey(w.term))) {
        warned.add(termKey(w.term));
        const definition = defaultDefinitionText(w.term, meaning.months);
        const end = lastSentenceEnd(document);
        out.push(
          diagnostic(
            'contract-year-reading',
            w.range,
            `'${w.term}' is not defined in the text: it is read as each ${meaning.months}-month period from the effective date or an anniversary of it. ` +
              `Some agreements mean calendar years instead; if so, the figures differ.`,
            {
              suggestion: `state the reading meant: add '${definition}'`,
              fix: { title: `Add the definition of '${w.term}'`, offset: end, endOffset: end, text: ` ${definition}` },
            },
          ),
        );
      }
    }
  }
}

/** Where a definition sentence can be added: after the last clause or definition (inside any closing quote). */
function lastSentenceEnd(document: DocumentNode): number {
  const ends = [...document.clauses.map((c) => c.range.end.offset), ...(document.definitions ?? []).map((d) => d.range.end.offset)];
  return Math.max(...ends);
}
