/** The calendar month, quarter or year holding a day: due dates and caps "in any Calendar Quarter" count by it. Pure. */
import { daysInMonth, type CalendarDate } from '../../time/periods';

export function calendarPeriodOf(unit: 'month' | 'quarter' | 'year', day: CalendarDate): { first: CalendarDate; last: CalendarDate } {
  const firstMonth = unit === 'month' ? day.month : unit === 'quarter' ? day.month - ((day.month - 1) % 3) : 1;
  const lastMonth = unit === 'month' ? day.month : unit === 'quarter' ? firstMonth + 2 : 12;
  return { first: { year: day.year, month: firstMonth, day: 1 }, last: { year: day.year, month: lastMonth, day: daysInMonth(day.year, lastMonth) } };
}
