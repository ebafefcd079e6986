/**
 * Periods counted from an event the text dates in a sentence of its own: '"First Net Sales Measuring Period" means the
 * four (4) consecutive Calendar Quarters beginning with the first full Calendar Quarter after the Closing Date. The
 * Closing Date is February 10, 2026.' The first full calendar quarter after the event is the one that begins after its
 * day (a quarter that begins on that day is not wholly after it); the period is `n` calendar quarters from there, dated
 * as a span of 3n months before any window is (the evaluation's notes say so).
 *
 * '"Sales Milestone Period" means the period commencing on the First Commercial Sale Date, being March 17, 2026, and
 * ending on the last day of the twelfth (12th) full calendar month thereafter.': from the event's day to the last day of
 * the n-th calendar month wholly after it (a month that begins on that day is not wholly after it, as for quarters; the
 * checker warns when the day is the first of a month), dated as a range of days.
 */
import type { ClauseNode, DateRangeWindowNode, DefinitionNode, DocumentNode, EventDateStatementNode, FullMonthsAfterEventNode, PeriodDefinitionNode, QuartersAfterEventNode, Range, SpanWindowNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { addMonthsCorresponding, dayNumber, daysInMonth, formatIsoDate, fromDayNumber, parseIsoDate, type CalendarDate } from '../time/calendar-date';
import { ordinalWord } from './describe';

const key = (event: string): string => event.toLowerCase().replace(/\s+/g, ' ').trim();

function eventDates(document: DocumentNode): Map<string, EventDateStatementNode> {
  const out = new Map<string, EventDateStatementNode>();
  for (const d of document.definitions ?? []) if (d.kind === 'event-date' && !out.has(key(d.event))) out.set(key(d.event), d);
  return out;
}

/** The first day of the first calendar quarter that begins after `date`. */
export function firstQuarterAfter(date: CalendarDate): CalendarDate {
  const next = Math.floor((date.month - 1) / 3) * 3 + 4;
  return next > 12 ? { year: date.year + 1, month: next - 12, day: 1 } : { year: date.year, month: next, day: 1 };
}

/** The event's date as the text states it, or null after reporting that the text does not date it (`undefined-event`). */
export function checkEventDated(event: string, range: Range, document: DocumentNode, out: Diagnostic[]): { stated: EventDateStatementNode; date: CalendarDate } | null {
  const stated = eventDates(document).get(key(event));
  if (!stated) {
    out.push(
      diagnostic('undefined-event', range, `The period is counted from the ${event}, but the text does not say when it is: the period's dates are unknown.`, {
        suggestion: `add a sentence such as 'The ${event} is February 10, 2026.'`,
      }),
    );
    return null;
  }
  const date = parseIsoDate(stated.date);
  if (date === null) {
    out.push(diagnostic('undefined-event', stated.range, `The ${stated.event} is stated as ${stated.date}, which is not a calendar date: the period's dates are unknown.`));
    return null;
  }
  return { stated, date };
}

export function checkEventPeriod(meaning: QuartersAfterEventNode, document: DocumentNode, out: Diagnostic[]): void {
  const dated = checkEventDated(meaning.event, meaning.range, document, out);
  if (dated !== null) {
    const { stated, date } = dated;
    if (date.day === 1 && date.month % 3 === 1) {
      const next = formatIsoDate(firstQuarterAfter(date));
      out.push(
        diagnostic(
          'event-quarter-reading',
          meaning.range,
          `The ${stated.event}, ${stated.date}, is the first day of a calendar quarter: read as not wholly after it, so the periods begin ${next}; ` +
            `the quarter beginning ${stated.date} itself may be meant. To mean it, write the period with its own start ("the twelve (12) month period commencing on ${stated.date}").`,
        ),
      );
    }
  }
  if (meaning.n < 1) out.push(diagnostic('undefined-event', meaning.range, 'A period of no calendar quarters has no dates: write how many quarters it lasts.'));
}

/** "st", "nd", "rd" or "th" after a figure ("12th", "21st"). */
function figureSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
}

/** The last day of the `n`-th calendar month wholly after `date`: a month that begins on that day is not wholly after it. */
export function lastDayOfFullMonthsAfter(date: CalendarDate, n: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: daysInMonth(year, month) };
}

/** The period's dates, the ordinal word against its figure, and the reading of an event on the first day of a month. */
export function checkFullMonthsPeriod(meaning: FullMonthsAfterEventNode, out: Diagnostic[]): void {
  const date = parseIsoDate(meaning.date);
  if (date === null) {
    out.push(diagnostic('undefined-event', meaning.range, `The ${meaning.event} is written as ${meaning.date}, which is not a calendar date: the period's dates are unknown.`));
    return;
  }
  if (!Number.isSafeInteger(meaning.n) || meaning.n < 1) {
    out.push(diagnostic('undefined-event', meaning.range, 'A period ending with no full calendar month has no end: write which month ends it ("the twelfth (12th) full calendar month").'));
    return;
  }
  if (meaning.figure !== undefined && meaning.figure !== meaning.n) {
    out.push(
      diagnostic('words-figure-mismatch', meaning.range, `The ordinal word says the ${ordinalWord(meaning.n)} month and the figure in brackets says the ${meaning.figure}${figureSuffix(meaning.figure)}: the period's end is unknown.`, {
        suggestion: 'write the same month in words and in figures',
      }),
    );
    return;
  }
  if (date.day === 1) {
    const end = formatIsoDate(lastDayOfFullMonthsAfter(date, meaning.n));
    const other = formatIsoDate(lastDayOfFullMonthsAfter(date, meaning.n - 1));
    out.push(
      diagnostic(
        'event-month-reading',
        meaning.range,
        `The ${meaning.event}, ${meaning.date}, is the first day of a calendar month: that month is read as not wholly after it, so the ${ordinalWord(meaning.n)} full calendar month ` +
          `thereafter ends the period on ${end}; the month beginning ${meaning.date} may instead be meant as the first, which ends it on ${other}.`,
        { suggestion: `to end it on ${other}, write the period with its own start ("the ${meaning.n} month period commencing on ${meaning.date}")` },
      ),
    );
  }
}

/** A period from a dated event to the end of its n-th full month after it, as a range of dates, and the note that says how. */
function fullMonthsRange(term: string, m: FullMonthsAfterEventNode): { window: DateRangeWindowNode; note: string } {
  const date = parseIsoDate(m.date);
  // The checker reports a date that is not one; evaluating such a document is a caller's bug.
  if (date === null) throw new Error(`the ${m.event} is not a calendar date`);
  const to = formatIsoDate(lastDayOfFullMonthsAfter(date, m.n));
  const first = lastDayOfFullMonthsAfter(date, 1);
  const note =
    `'${term}' as the text defines it: ${m.date} (the ${m.event}) to ${to}, the last day of the ${ordinalWord(m.n)} full calendar month after it; ` +
    `the first full calendar month is ${formatIsoDate({ ...first, day: 1 }).slice(0, 7)} (the month of the ${m.event} is not wholly after it), whole days in the contract's zone`;
  return { window: { kind: 'date-range', from: m.date, to, range: m.range }, note };
}

/** The document with each period counted from a dated event as a span of months from its first quarter, and the notes that say how. */
export function resolveEventPeriods(document: DocumentNode): { document: DocumentNode; notes: string[] } {
  const definitions = document.definitions ?? [];
  const fromEvent = (d: DefinitionNode): boolean => d.kind === 'period-definition' && (d.meaning.kind === 'quarters-after-event' || d.meaning.kind === 'full-months-after-event' || (d.meaning.kind === 'periods-from-event' && d.meaning.start.kind === 'event'));
  const inline = document.clauses.some((c) => c.opening?.kind === 'period-opening' && c.opening.definition !== undefined && fromEvent(c.opening.definition));
  if (!definitions.some(fromEvent) && !inline) return { document, notes: [] };
  const dates = eventDates(document);
  const notes: string[] = [];
  const resolveOne = <D extends DefinitionNode>(d: D): D | PeriodDefinitionNode => {
    if (d.kind !== 'period-definition') return d;
    if (d.meaning.kind === 'full-months-after-event') {
      const { window, note } = fullMonthsRange(d.term, d.meaning);
      notes.push(note);
      return { ...d, meaning: window } satisfies PeriodDefinitionNode;
    }
    if (d.meaning.kind === 'periods-from-event' && d.meaning.start.kind === 'event') return datedPeriods(d, d.meaning.start.event, dates, notes);
    if (d.meaning.kind !== 'quarters-after-event') return d;
    const m = d.meaning;
    const stated = dates.get(key(m.event));
    const date = stated ? parseIsoDate(stated.date) : null;
    // The checker reports an undated event; evaluating such a document is a caller's bug.
    if (!stated || date === null) throw new Error(`the ${m.event} is not dated in the text`);
    const start = formatIsoDate(firstQuarterAfter(date));
    notes.push(
      `'${d.term}' as the text defines it: the ${m.n} calendar quarter${m.n === 1 ? '' : 's'} from ${start}, the first full calendar quarter after the ${m.event} ` +
        `(${stated.date}; a quarter that begins on that day would not be wholly after it)`,
    );
    const span: SpanWindowNode = { kind: 'span', n: 3 * m.n, unit: 'month', start: { kind: 'date', date: start }, written: 'period', range: m.range };
    return { ...d, meaning: span } satisfies PeriodDefinitionNode;
  };
  const resolved = definitions.map(resolveOne);
  const clause = (c: ClauseNode): ClauseNode =>
    c.opening?.kind === 'period-opening' && c.opening.definition ? { ...c, opening: { ...c.opening, definition: resolveOne(c.opening.definition) as PeriodDefinitionNode } } : c;
  return { document: { ...document, definitions: resolved, clauses: document.clauses.map(clause) }, notes };
}

/**
 * "each consecutive fourteen-day period beginning on the Commencement Date" with the event's date: the periods start on
 * that day, each `n` days long counting its first (months and years by the corresponding-day rule), in the contract's zone.
 */
function datedPeriods(d: PeriodDefinitionNode, event: string, dates: Map<string, EventDateStatementNode>, notes: string[]): PeriodDefinitionNode {
  if (d.meaning.kind !== 'periods-from-event') return d;
  const stated = dates.get(key(event));
  const date = stated ? parseIsoDate(stated.date) : null;
  // The checker reports an undated event; evaluating such a document is a caller's bug.
  if (!stated || date === null) throw new Error(`the ${event} is not dated in the text`);
  const m = d.meaning;
  const unit = `${m.unit}${m.n === 1 ? '' : 's'}`;
  notes.push(
    `'${d.term}' as the text defines it: consecutive periods of ${m.n} ${unit} from the ${event} (${stated.date}), ` +
      `the first ${stated.date} through ${formatIsoDate(periodEnd(date, m.n, m.unit))}, each the next ${m.n} ${unit} after the one before (${m.unit === 'day' ? 'counting its first day' : 'corresponding-day rule'}), in the contract's zone`,
  );
  return { ...d, meaning: { ...m, start: { kind: 'date', date: stated.date, event } } };
}

/** The last day of the first period of `n` units from `start`. */
function periodEnd(start: CalendarDate, n: number, unit: 'day' | 'month' | 'year'): CalendarDate {
  const first = dayNumber(start);
  const next = unit === 'day' ? first + n : dayNumber(addMonthsCorresponding(start, unit === 'year' ? 12 * n : n));
  return fromDayNumber(next - 1);
}
