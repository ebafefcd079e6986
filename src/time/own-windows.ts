/**
 * The instances of windows with their own start and of defined periods (the other windows are
 * contract periods from the effective date: periods.ts). Like periods.ts, everything is computed on
 * calendar dates and every window starts and ends at a local midnight in the contract's zone.
 */
import { assertNever, type ByDateWindowNode, type DateRangeWindowNode, type DocumentNode, type SpanWindowNode, type WindowNode } from '../language/ast';
import { definitionsOf, periodMeaning, type PeriodMeaning } from '../language/period-definitions';
import {
  addMonthsCorresponding, corresponding, ContractCalendar, dayNumber, formatIsoDate, fromDayNumber, instance, parseIsoDate, windowInstances,
  type CalendarDate, type WindowInstance,
} from './periods';

const ORDINALS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
const ordinal = (n: number): string => ORDINALS[n] ?? `${n}th`;

/** The instances of any milestone window of `document` (its definitions give defined periods their meaning). */
export function milestoneWindowInstances(window: WindowNode, calendar: ContractCalendar, asOf: CalendarDate, document: DocumentNode): WindowInstance[] {
  switch (window.kind) {
    case 'span':
      return [spanInstance(window, calendar, '')];
    case 'date-range':
      return [dateRangeInstance(window, calendar, '')];
    case 'term': {
      const e = calendar.effectiveDay;
      const end = Math.max(dayNumber(asOf) + 1, e + 1);
      return [{
        ...instance(e, end, null, true,
          `during the term: cumulative from the effective date ${formatIsoDate(calendar.effective)}; the clause does not state when the term ends, ` +
          `so the total runs through the as-of date and the milestone is pending, never missed, until it is met`),
        openEnded: true,
      }];
    }
    case 'defined-period':
      return definedInstances(window, calendar, asOf, document);
    default:
      return windowInstances(window, calendar, asOf);
  }
}

/** A note for a window that starts before E: the engine never counts rows before the effective date. */
function beforeEffective(startDay: number, calendar: ContractCalendar): string {
  return startDay < calendar.effectiveDay
    ? `; it starts before the effective date ${formatIsoDate(calendar.effective)}, and rows before the effective date are not counted`
    : '';
}

function startOf(window: SpanWindowNode, calendar: ContractCalendar): CalendarDate | null {
  switch (window.start.kind) {
    case 'effective-date':
      return calendar.effective;
    case 'date':
      return parseIsoDate(window.start.date);
    case 'after-date-hereof':
      // "six (6) months from the date hereof": the date of the agreement is read as the effective date.
      return addMonthsCorresponding(calendar.effective, window.start.n);
    default:
      return assertNever(window.start);
  }
}

function spanInstance(window: SpanWindowNode, calendar: ContractCalendar, as: string): WindowInstance {
  const start = startOf(window, calendar);
  // An impossible date is the checker's error; here it yields an empty window at E.
  if (start === null) return instance(calendar.effectiveDay, calendar.effectiveDay, null, false, `${as}the window's start is not a calendar date`);
  const startDay = dayNumber(start);
  const months = window.unit === 'year' ? window.n * 12 : window.unit === 'month' ? window.n : null;
  const endDay = months === null ? startDay + window.n : dayNumber(addMonthsCorresponding(start, months));
  const from = window.start.kind === 'effective-date'
    ? `the effective date ${formatIsoDate(start)}`
    : window.start.kind === 'after-date-hereof'
      ? `${formatIsoDate(start)}, ${window.start.n} months from the date hereof (read as the effective date ${formatIsoDate(calendar.effective)}, by the corresponding-day rule)`
      : formatIsoDate(start);
  const length = `${window.n} ${window.unit}${window.n === 1 ? '' : 's'}`;
  const rule = months === null ? `${window.n} days counting the first` : new ContractCalendar(start).usedMonthEndRule(months)
    ? `corresponding-day rule; a month without day ${start.day} moves the boundary to the 1st of the next month`
    : 'corresponding-day rule';
  return instance(startDay, endDay, null, window.start.kind === 'effective-date', 
    `${as}the ${length} from ${from}: ${formatIsoDate(start)} through ${formatIsoDate(fromDayNumber(endDay - 1))} (${rule}), ` +
    `counting the window's own sales only${beforeEffective(startDay, calendar)}`);
}

function dateRangeInstance(window: DateRangeWindowNode, calendar: ContractCalendar, as: string): WindowInstance {
  const from = parseIsoDate(window.from);
  const to = parseIsoDate(window.to);
  if (from === null || to === null) return instance(calendar.effectiveDay, calendar.effectiveDay, null, false, `${as}the window's dates are not calendar dates`);
  const startDay = dayNumber(from);
  const endDay = Math.max(startDay, dayNumber(to) + 1);
  return instance(startDay, endDay, null, false,
    `${as}the period from ${window.from} to ${window.to}: both whole local days included, counting the window's own sales only${beforeEffective(startDay, calendar)}`);
}

/** "the period beginning on the Effective Date and ending on December 31, 2027": cumulative from the effective date through that whole local day. */
function effectiveThroughInstance(window: ByDateWindowNode, calendar: ContractCalendar, as: string): WindowInstance {
  const e = calendar.effectiveDay;
  const date = parseIsoDate(window.date);
  // An impossible date is the checker's error; here it simply yields an empty window.
  const end = date ? dayNumber(date) + 1 : e;
  if (end <= e) return instance(e, end, null, true, `${as}the period from the effective date ${formatIsoDate(calendar.effective)} to ${window.date}: that day is before the effective date, so no sale can count`);
  return instance(e, end, null, true, `${as}the period from the effective date ${formatIsoDate(calendar.effective)} through the whole local day ${window.date}, cumulative`);
}

function definedInstances(window: Extract<WindowNode, { kind: 'defined-period' }>, calendar: ContractCalendar, asOf: CalendarDate, document: DocumentNode): WindowInstance[] {
  const meaning = periodMeaning(window.term, definitionsOf(document));
  // The checker reports an undefined term or a "which" its definition cannot give; evaluating such an AST is a caller's bug.
  if (meaning === null) throw new Error(`'${window.term}' is not defined in the text`);
  if (meaning.kind === 'window') {
    if (window.which !== 'the') throw new Error(`'${window.term}' is defined as one period, so it has no ${window.which === 'each' ? 'instances' : 'numbered periods'}`);
    const as = `'${window.term}' as the text defines it, `;
    if (meaning.window.kind === 'by-date') return [effectiveThroughInstance(meaning.window, calendar, as)];
    return [meaning.window.kind === 'span' ? spanInstance(meaning.window, calendar, as) : dateRangeInstance(meaning.window, calendar, as)];
  }
  if (meaning.kind === 'from-date') return fromDateInstances(window, meaning, calendar, asOf);
  // Calendar-defined periods are calendar windows by then (src/language/defined-calendar-periods.ts).
  if (meaning.kind === 'calendar') throw new Error(`'${window.term}' names calendar periods: resolve them before dating the windows`);
  if (window.which === 'the') throw new Error(`'${window.term}' names successive periods: the text must say which one`);
  const months = meaning.months;
  const reading = meaning.defined
    ? `as the text defines it: each ${months}-month period from the effective date ${formatIsoDate(calendar.effective)}`
    : `not defined in the text, read as each ${months}-month period from the effective date ${formatIsoDate(calendar.effective)} or an anniversary of it`;
  const period = (n: number): { startDay: number; endDay: number } => ({
    startDay: dayNumber(calendar.boundary((n - 1) * months)),
    endDay: dayNumber(calendar.boundary(n * months)),
  });
  const describe = (n: number, p: { startDay: number; endDay: number }): string =>
    `${window.term} ${n} is ${formatIsoDate(fromDayNumber(p.startDay))} to ${formatIsoDate(fromDayNumber(p.endDay - 1))} ('${window.term}' ${reading}; ${corresponding(calendar, n * months)})`;
  if (window.which === 'each') {
    const result: WindowInstance[] = [];
    const asOfDay = dayNumber(asOf);
    for (let n = 1; ; n++) {
      const p = period(n);
      if (n > 1 && p.startDay > asOfDay) break;
      result.push(instance(p.startDay, p.endDay, n, false, `each ${window.term}, instance ${n}: that period alone; ${describe(n, p)}`));
    }
    return result;
  }
  const p = period(window.which);
  return [instance(p.startDay, p.endDay, null, false, `during the ${ordinal(window.which)} ${window.term}: that period alone, not cumulative; ${describe(window.which, p)}`)];
}

/**
 * Consecutive periods of `n` days (months, years) from a dated event ("each consecutive fourteen-day period beginning on
 * the Commencement Date"): period k starts (k - 1) periods after the event's day, each counted in whole local days. The
 * periods that end before the effective date hold no counted row and are not instances; numbering still counts from the event.
 */
function fromDateInstances(
  window: Extract<WindowNode, { kind: 'defined-period' }>, meaning: Extract<PeriodMeaning, { kind: 'from-date' }>, calendar: ContractCalendar, asOf: CalendarDate,
): WindowInstance[] {
  const start = parseIsoDate(meaning.start);
  if (start === null) throw new Error(`the ${meaning.event} is not a calendar date`);
  const months = meaning.unit === 'day' ? null : meaning.unit === 'year' ? 12 * meaning.n : meaning.n;
  const from = new ContractCalendar(start);
  const boundary = (k: number): number => (months === null ? dayNumber(start) + k * meaning.n : dayNumber(from.boundary(k * months)));
  const unit = `${meaning.n} ${meaning.unit}${meaning.n === 1 ? '' : 's'}`;
  const rule = months === null ? 'counting its first day' : 'corresponding-day rule';
  const period = (k: number): { startDay: number; endDay: number } => ({ startDay: boundary(k - 1), endDay: boundary(k) });
  const describe = (k: number, p: { startDay: number; endDay: number }): string =>
    `${window.term} ${k} is ${formatIsoDate(fromDayNumber(p.startDay))} to ${formatIsoDate(fromDayNumber(p.endDay - 1))} ('${window.term}' as the text defines it: ` +
    `consecutive periods of ${unit} from the ${meaning.event}, ${meaning.start}, ${rule})`;
  const picked = window.which;
  if (picked === 'the') throw new Error(`'${window.term}' names successive periods: the text must say which one`);
  if (picked !== 'each') {
    const p = period(picked);
    return [instance(p.startDay, p.endDay, null, false, `during the ${ordinal(picked)} ${window.term}: that period alone, not cumulative; ${describe(picked, p)}`)];
  }
  const result: WindowInstance[] = [];
  const asOfDay = dayNumber(asOf);
  for (let k = 1; ; k++) {
    const p = period(k);
    if (p.startDay > asOfDay && result.length > 0) break;
    if (p.endDay <= calendar.effectiveDay) continue;
    result.push(instance(p.startDay, p.endDay, k, false, `each ${window.term}, instance ${k}: that period alone; ${describe(k, p)}${beforeEffective(p.startDay, calendar)}`));
  }
  return result;
}

/** Instances of a recurring defined period counted in days, for counting instances before making them; null otherwise. */
export function recurringDayPeriods(window: WindowNode, document: DocumentNode, days: number): number | null {
  if (window.kind !== 'defined-period' || window.which !== 'each') return null;
  const meaning = periodMeaning(window.term, definitionsOf(document));
  return meaning?.kind === 'from-date' && meaning.unit === 'day' ? Math.floor(Math.max(0, days) / meaning.n) + 2 : null;
}

/** Months between instances of a recurring defined period, or null when `window` does not recur (for counting instances before making them). */
export function recurringMonths(window: WindowNode, document: DocumentNode): number | null {
  if (window.kind !== 'defined-period' || window.which !== 'each') return null;
  const meaning = periodMeaning(window.term, definitionsOf(document));
  if (meaning?.kind === 'calendar') return meaning.window.unit === 'quarter' ? 3 : 6;
  if (meaning?.kind === 'from-date' && meaning.unit !== 'day') return meaning.unit === 'year' ? 12 * meaning.n : meaning.n;
  return meaning?.kind === 'successive' ? meaning.months : null;
}

