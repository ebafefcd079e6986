/**
 * When an obligation falls due: a number of days after the day its milestone was met, or after the
 * last day of the period holding that day — a contract period (counted from the effective date by the
 * corresponding-day rule, as windows are) or a calendar month, quarter or year. Pure.
 */
import type { DueNode } from '../../language/ast';
import { addDays, daysInMonth, formatIsoDate, type CalendarDate, type ContractCalendar } from '../../time/periods';
import { contractPeriodOf } from './limits';

export interface DueDate {
  dueDate: string;
  /** In words: "due 2026-04-30: 30 days after the end of calendar quarter 2026-01-01 to 2026-03-31, in which the milestone was met (2026-02-10)". */
  text: string;
}

/** The calendar month, quarter or year holding `day`. */
export function calendarPeriodOf(unit: 'month' | 'quarter' | 'year', day: CalendarDate): { first: CalendarDate; last: CalendarDate } {
  const firstMonth = unit === 'month' ? day.month : unit === 'quarter' ? day.month - ((day.month - 1) % 3) : 1;
  const lastMonth = unit === 'month' ? day.month : unit === 'quarter' ? firstMonth + 2 : 12;
  return { first: { year: day.year, month: firstMonth, day: 1 }, last: { year: day.year, month: lastMonth, day: daysInMonth(day.year, lastMonth) } };
}

export function dueDateOf(due: DueNode, met: CalendarDate, calendar: ContractCalendar): DueDate {
  const days = `${due.days} day${due.days === 1 ? '' : 's'}`;
  if (due.after === 'achievement') {
    const date = formatIsoDate(addDays(met, due.days));
    return { dueDate: date, text: `due ${date}: ${days} after the milestone was met on ${formatIsoDate(met)}` };
  }
  const period = due.calendar ? calendarPeriodOf(due.after, met) : contractPeriodOf(calendar, due.after, met);
  const date = formatIsoDate(addDays(period.last, due.days));
  const which = `${due.calendar ? 'calendar' : 'contract'} ${due.after} ${formatIsoDate(period.first)} to ${formatIsoDate(period.last)}`;
  return { dueDate: date, text: `due ${date}: ${days} after the end of the ${which}, in which the milestone was met (${formatIsoDate(met)})` };
}
