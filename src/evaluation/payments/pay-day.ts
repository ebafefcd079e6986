/**
 * "Bonuses are paid on the 15th day of the month following the month in which they are earned": the
 * due day of an obligation triggered on `triggeredAt` (a local date in the contract's zone), in the
 * calendar month after its own; a month without that day (the 31st in April) gives its last day. Pure.
 */
import type { PaymentDayNode } from '../../language/ast';
import { daysInMonth, formatIsoDate, parseIsoDate } from '../../time/calendar-date';

export function payDayDue(payDay: PaymentDayNode, triggeredAt: string): { dueDate: string; shortMonth: boolean } | null {
  const met = parseIsoDate(triggeredAt);
  if (met === null) return null;
  const year = met.month === 12 ? met.year + 1 : met.year;
  const month = met.month === 12 ? 1 : met.month + 1;
  const last = daysInMonth(year, month);
  return { dueDate: formatIsoDate({ year, month, day: Math.min(payDay.day, last) }), shortMonth: payDay.day > last };
}

/** The note that states the reading. */
export function payDayNote(payDay: PaymentDayNode, which: string): string {
  return (
    `${which}${payDay.noun} are paid on day ${payDay.day} of the calendar month after the one in which they are earned, read as the month ` +
    `(in the contract's zone) in which the milestone is met; a month without day ${payDay.day} gives its last day`
  );
}
