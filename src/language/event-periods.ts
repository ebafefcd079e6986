/**
 * Periods counted from an event the text dates in a sentence of its own: '"First Net Sales Measuring Period" means the
 * four (4) consecutive Calendar Quarters beginning with the first full Calendar Quarter after the Closing Date. The
 * Closing Date is February 10, 2026.' The first full calendar quarter after the event is the one that begins after its
 * day (a quarter that begins on that day is not wholly after it); the period is `n` calendar quarters from there, dated
 * as a span of 3n months before any window is (the evaluation's notes say so).
 */
import type { DocumentNode, EventDateStatementNode, PeriodDefinitionNode, QuartersAfterEventNode, SpanWindowNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { formatIsoDate, parseIsoDate, type CalendarDate } from '../time/calendar-date';

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

export function checkEventPeriod(meaning: QuartersAfterEventNode, document: DocumentNode, out: Diagnostic[]): void {
  const stated = eventDates(document).get(key(meaning.event));
  if (!stated) {
    out.push(
      diagnostic('undefined-event', meaning.range, `The period is counted from the ${meaning.event}, but the text does not say when it is: the period's dates are unknown.`, {
        suggestion: `add a sentence such as 'The ${meaning.event} is February 10, 2026.'`,
      }),
    );
  } else {
    const date = parseIsoDate(stated.date);
    if (date === null) {
      out.push(diagnostic('undefined-event', stated.range, `The ${stated.event} is stated as ${stated.date}, which is not a calendar date: the period's dates are unknown.`));
    } else if (date.day === 1 && date.month % 3 === 1) {
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

/** The document with each period counted from a dated event as a span of months from its first quarter, and the notes that say how. */
export function resolveEventPeriods(document: DocumentNode): { document: DocumentNode; notes: string[] } {
  const definitions = document.definitions ?? [];
  if (!definitions.some((d) => d.kind === 'period-definition' && d.meaning.kind === 'quarters-after-event')) return { document, notes: [] };
  const dates = eventDates(document);
  const notes: string[] = [];
  const resolved = definitions.map((d) => {
    if (d.kind !== 'period-definition' || d.meaning.kind !== 'quarters-after-event') return d;
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
  });
  return { document: { ...document, definitions: resolved }, notes };
}
