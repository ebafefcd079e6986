/**
 * When an obligation falls due: a number of days after the day its milestone was met, or after the
 * last day of the period holding that day — a contract period (counted from the effective date by the
 * corresponding-day rule, as windows are) or a calendar month, quarter or year. Pure.
 */
import type { DueNode } from '../../language/ast';
import { addDays, formatIsoDate, type CalendarDate, type ContractCalendar } from '../../time/periods';
import { calendarPeriodOf } from './calendar-period-of';
import { contractPeriodOf } from './limits';

export { calendarPeriodOf };

export interface DueDate {
  dueDate: string;
  /** In words: "due 2026-04-30: 30 days after the end of calendar quarter 2026-01-01 to 2026-03-31, in which the milestone was met (2026-02-10)". */
  text: string;
}

export function dueDateOf(due: DueNode, met: CalendarDate, calendar: ContractCalendar): DueDate {
  const days = `${due.days} day${due.days === 1 ? '' : 's'}`;
  if (due.such) {
    // The amount is owed for a window instance and triggered on its last day (settlement.ts).
    const date = formatIsoDate(addDays(met, due.days));
    return { dueDate: date, text: `due ${date}: ${days} after the end of the ${due.calendar ? 'calendar ' : ''}${due.after} the amount is owed for (ending ${formatIsoDate(met)})` };
  }
  if (due.after === 'achievement') {
    const date = formatIsoDate(addDays(met, due.days));
    return { dueDate: date, text: `due ${date}: ${days} after the milestone was met on ${formatIsoDate(met)}` };
  }
  const period = due.calendar ? calendarPeriodOf(due.after, met) : contractPeriodOf(calendar, due.after, met);
  const date = formatIsoDate(addDays(period.last, due.days));
  const which = `${due.calendar ? 'calendar' : 'contract'} ${due.after} ${formatIsoDate(period.first)} to ${formatIsoDate(period.last)}`;
  return { dueDate: date, text: `due ${date}: ${days} after the end of the ${which}, in which the milestone was met (${formatIsoDate(met)})` };
}
