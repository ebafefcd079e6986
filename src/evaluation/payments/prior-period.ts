/**
 * The total a rate on the growth is counted over: the same calendar quarter one year before the window ("comparing
 * sales in a calendar quarter of one year with sales in the same calendar quarter of the preceding year"). Summed from
 * the same day series as the window's own total. A prior quarter that starts before the effective date is not wholly in
 * the evaluated days (rows before the effective date are not counted), so its total, and the increase, cannot be told.
 */
import type { PriorPeriodReferenceNode, UnlimitedPaymentNode } from '../../language/ast';
import { civilDay, dayNumber, formatIsoDate, fromDayNumber, parseIsoDate, type WindowInstance } from '../../time/periods';
import type { DaySeries } from '../day-series';
import { Accumulator } from '../../values/quantity';
import type { Dec } from '../../values/money';

export type PriorTotal =
  | { kind: 'total'; total: Dec; windowStart: string; deadline: string }
  | { kind: 'incomplete'; windowStart: string; deadline: string };

/** The rate's comparison with the year before, when the payment is such a rate. */
export function priorPeriodOf(payment: UnlimitedPaymentNode | null): PriorPeriodReferenceNode | null {
  return payment?.kind === 'rate-on-excess' && payment.threshold.kind === 'prior-period' ? payment.threshold : null;
}

/** The same day one year earlier: a quarter starts on the first of a month, so every such day exists. */
const yearBefore = (day: number): number => {
  const d = fromDayNumber(day);
  return civilDay(d.year - 1, d.month, d.day);
};

/** Whether the window is a quarter of the base year or earlier: only the base a later quarter is compared with. */
export function isBaseQuarter(reference: PriorPeriodReferenceNode, window: WindowInstance): boolean {
  return Number((window.partialFrom ?? window.windowStart).slice(0, 4)) <= reference.baseYear;
}

/** The days `[start, end)` of the quarter a year before `window`, and its dates. A window cut at the effective date is compared with the whole quarter it belongs to. */
export interface PriorSpan {
  start: number;
  end: number;
  windowStart: string;
  deadline: string;
}

export function priorPeriodSpan(window: WindowInstance): PriorSpan {
  const ownStart = window.partialFrom !== undefined ? dayNumber(parseIsoDate(window.partialFrom) as NonNullable<ReturnType<typeof parseIsoDate>>) : window.startDay;
  const start = yearBefore(ownStart);
  const end = yearBefore(window.endDay);
  return { start, end, windowStart: formatIsoDate(fromDayNumber(start)), deadline: formatIsoDate(fromDayNumber(end - 1)) };
}

/**
 * The prior quarter's total, given how an engine sums local days `[start, end)`: undefined when the quarter begins
 * before `firstDay`, the effective date (its rows are not counted).
 */
export function priorTotalOf(span: PriorSpan, firstDay: number, sum: (start: number, end: number) => Dec): PriorTotal {
  const dates = { windowStart: span.windowStart, deadline: span.deadline };
  if (span.start < firstDay) return { kind: 'incomplete', ...dates };
  return { kind: 'total', total: sum(span.start, span.end), ...dates };
}

/** The total of the quarter a year before `window`, from `series` (indexed by day from `firstDay`, the effective date). */
export function priorPeriodTotal(window: WindowInstance, series: DaySeries, firstDay: number): PriorTotal {
  return priorTotalOf(priorPeriodSpan(window), firstDay, (start, end) => {
    const total = new Accumulator();
    for (let day = start; day < end; day++) series.addTo(total, day - firstDay);
    return total.value();
  });
}
