/**
 * When the fiscal year starts, and which fiscal year a label such as "FY2027" names. The start comes
 * from the text ("The Company's fiscal year begins on July 1.", "… ends on September 30", '"FY2027"
 * means the fiscal year ending January 31, 2027') or from the evaluation's `fiscalYearStart`; with
 * neither, fiscal periods cannot be dated and the evaluation says so (never the calendar year in
 * their place). A label is read as the fiscal year ending in its year unless the text says otherwise;
 * the checker warns when it does not and the two readings differ.
 */
import type { CalendarPeriodWindowNode, ClauseNode, DocumentNode, FiscalLabelDefinitionNode, LimitNode, MilestoneNode, PaymentNode, WindowNode } from './ast';
import { paymentParts } from './payment-parts';
import { daysInMonth, parseIsoDate } from '../time/calendar-date';

export const FISCAL = 'fiscal';

/** "MM-DD" of a month and day. */
const monthDay = (month: number, day: number): string => `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The day after a month-day, as a year start: the day after September 30 is 10-01; after February 28, 03-01. */
function dayAfter(month: number, day: number): string {
  if (day < daysInMonth(2025, month)) return monthDay(month, day + 1);
  return monthDay((month % 12) + 1, 1);
}

/** "MM-DD" a year can start on, or null. */
export function validYearStart(text: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2025, month);
}

/** The year start each of the text's fiscal sentences states, with the words that state it. */
export function statedFiscalStarts(document: DocumentNode): { start: string; words: string }[] {
  const out: { start: string; words: string }[] = [];
  for (const d of document.definitions ?? []) {
    if (d.kind === 'fiscal-year-statement') {
      out.push({ start: d.edge === 'begins' ? monthDay(d.month, d.day) : dayAfter(d.month, d.day), words: `the fiscal year ${d.edge} on ${monthDay(d.month, d.day)}` });
    } else if (d.kind === 'fiscal-label-definition') {
      const date = parseIsoDate(d.date);
      if (date) out.push({ start: d.edge === 'beginning' ? monthDay(date.month, date.day) : dayAfter(date.month, date.day), words: `FY${d.label} is the fiscal year ${d.edge} ${d.date}` });
    }
  }
  return out;
}

export type FiscalStart =
  | { ok: true; start: string; source: string }
  | { ok: false; code: 'fiscal-year-start-unknown' | 'fiscal-year-start-conflict'; message: string };

/** Whether any milestone of `document` is counted in fiscal periods. */
export function usesFiscalPeriods(document: DocumentNode): boolean {
  return document.clauses.some((c) => c.milestones.some((m) => isFiscal(m.window) || fiscalCap(m) !== null));
}

/** A cap counted by fiscal year ("shall not exceed $15,000 in any fiscal year"), or null. */
function fiscalCap(m: MilestoneNode): LimitNode | null {
  const limited = m.payment ? paymentParts(m.payment).limited : null;
  return limited?.cap?.yearStart === FISCAL ? limited.cap : null;
}

/** The milestone's payment with its fiscal cap dated from `start`. */
function withCapStart(m: MilestoneNode, start: string): MilestoneNode {
  const cap = fiscalCap(m);
  if (!cap || !m.payment) return m;
  const dated = (p: PaymentNode): PaymentNode => (p.kind === 'limited' ? { ...p, cap: { ...cap, yearStart: start } } : p.kind === 'timed' ? { ...p, payment: dated(p.payment) as typeof p.payment } : p);
  return { ...m, payment: dated(m.payment) };
}

const isFiscal = (w: WindowNode): w is CalendarPeriodWindowNode => w.kind === 'calendar-period' && w.yearStart === FISCAL;

/** The fiscal year's start for `document`: the text's, else `option` (MM-DD); an error when neither says or they disagree. */
export function fiscalYearStart(document: DocumentNode, option: string | undefined): FiscalStart {
  const stated = statedFiscalStarts(document);
  const starts = [...new Set(stated.map((s) => s.start))];
  if (starts.length > 1) {
    return { ok: false, code: 'fiscal-year-start-conflict', message: `the text gives two fiscal-year starts (${stated.map((s) => s.words).join('; ')}): correct the one that is wrong` };
  }
  if (starts.length === 1) {
    if (option !== undefined && option !== starts[0]) {
      return {
        ok: false,
        code: 'fiscal-year-start-conflict',
        message: `the text says the fiscal year starts on ${starts[0]} (${stated[0].words}) but --fiscal-year-start gives ${option}: leave the option out, or correct the text`,
      };
    }
    return { ok: true, start: starts[0], source: `as the text states (${stated[0].words})` };
  }
  if (option !== undefined) return { ok: true, start: option, source: `as given by the fiscal-year-start option (${option}); the text does not say` };
  return {
    ok: false,
    code: 'fiscal-year-start-unknown',
    message:
      "the clause counts fiscal periods, but neither the text nor the options say when the fiscal year starts: add a sentence such as " +
      "'The Company's fiscal year begins on July 1.' or give the start as MM-DD (--fiscal-year-start 07-01, or fiscalYearStart in the library context or portfolio contract)",
  };
}

/** Which fiscal year a label names: the text's definition of it, else the one ending in the label's year. */
export function labelReading(document: DocumentNode, label: number): { edge: 'beginning' | 'ending'; stated: boolean } {
  const defined = (document.definitions ?? []).find((d): d is FiscalLabelDefinitionNode => d.kind === 'fiscal-label-definition' && d.label === label);
  if (!defined) return { edge: 'ending', stated: false };
  const date = parseIsoDate(defined.date);
  // "FY2027 means the fiscal year ending January 31, 2027": the label names the year ending in its year
  // when the date's year is the label, else the one beginning in it.
  if (date === null) return { edge: 'ending', stated: false };
  return { edge: (defined.edge === 'ending') === (date.year === label) ? 'ending' : 'beginning', stated: true };
}

/**
 * `document` with every fiscal period dated: its year start set, and each label's year turned into
 * the calendar year its fiscal year starts in. Returns the notes that state the readings.
 */
export function resolveFiscalPeriods(
  document: DocumentNode,
  option: string | undefined,
): { ok: true; document: DocumentNode; notes: string[] } | { ok: false; code: 'fiscal-year-start-unknown' | 'fiscal-year-start-conflict' | 'invalid-context'; message: string } {
  if (option !== undefined && !validYearStart(option)) {
    return { ok: false, code: 'invalid-context', message: `fiscal-year start '${option}' is not a month and day written MM-DD, such as 07-01 for July 1` };
  }
  if (!usesFiscalPeriods(document)) return { ok: true, document, notes: [] };
  const found = fiscalYearStart(document, option);
  if (!found.ok) return found;
  const start = found.start;
  const notes = [`fiscal periods: the fiscal year starts on ${start} (month-day), ${found.source}; fiscal quarters, months and half-years are counted from it`];
  const resolve = (w: CalendarPeriodWindowNode): CalendarPeriodWindowNode => {
    if (w.selection.kind !== 'named') return { ...w, yearStart: start };
    const label = w.selection.year;
    const reading = labelReading(document, label);
    // The fiscal year ending in the label's year starts in the year before, unless it is the calendar year.
    const startYear = reading.edge === 'ending' && start !== '01-01' ? label - 1 : label;
    notes.push(
      `FY${label} is read as the fiscal year ${reading.edge} in ${label} (starting ${startYear}-${start})` +
        (reading.stated ? ', as the text defines it' : ": the text does not say whether a label names the fiscal year ending or beginning in its year; the ending year is the usual convention"),
    );
    return { ...w, yearStart: start, selection: { ...w.selection, year: startYear } };
  };
  const milestone = (m: MilestoneNode): MilestoneNode => withCapStart(isFiscal(m.window) ? { ...m, window: resolve(m.window) } : m, start);
  const clause = (c: ClauseNode): ClauseNode => ({ ...c, milestones: c.milestones.map(milestone) });
  return { ok: true, document: { ...document, clauses: document.clauses.map(clause) }, notes };
}
