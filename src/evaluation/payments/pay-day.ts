/**
 * "Bonuses are paid on the 15th day of the month following the month in which they are earned": the
 * due day of an obligation triggered on `triggeredAt` (a local date in the contract's zone), in the
 * calendar month after its own; a month without that day (the 31st in April) gives its last day. Pure.
 */
import type { PaymentDayNode, PaymentTimingNode } from '../../language/ast';
import type { EvaluationDiagnostic, Obligation } from '../report';
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

/**
 * Each clause's payment-day sentence applied to its obligations (once every obligation is known): the due day, unless a
 * payment states its own; `add` takes the notes. `payDays[c]` is clause c + 1's sentence, or null.
 */
export function applyPayDays(payDays: readonly (PaymentDayNode | null)[], obligations: readonly Obligation[], add: (note: string) => void): void {
  payDays.forEach((payDay, c) => {
    if (payDay === null) return;
    add(payDayNote(payDay, payDays.length > 1 ? `clause ${c + 1}: ` : ''));
    for (const o of obligations) {
      if (o.clause !== c + 1) continue;
      const due = payDayDue(payDay, o.triggeredAt);
      if (due === null) continue;
      if (o.dueDate !== undefined && o.dueDate !== due.dueDate) {
        add(`clause ${c + 1}: a payment says it is due ${o.dueDate} and the payment-day sentence says ${due.dueDate}: the payment's own term is kept`);
        continue;
      }
      o.dueDate = due.dueDate;
    }
  });
}

/**
 * "Each amount is payable within sixty (60) days after the end of the Royalty Period in which …": the clause does not say
 * when such a period ends, so no due date is given; one warning per clause (also a note). `timings[c]` is clause c + 1's.
 */
export function timingWarnings(timings: readonly (PaymentTimingNode | null)[]): EvaluationDiagnostic[] {
  return timings.flatMap((t, c) => {
    if (!t) return [];
    const which = timings.length > 1 ? `clause ${c + 1}: ` : '';
    const message =
      `${which}payments fall due ${t.n} ${t.unit}${t.n === 1 ? '' : 's'} after the end of the ${t.period} in which the milestone is achieved; ` +
      `the clause does not say when a ${t.period} ends, so obligations have no due date`;
    return [{ code: 'due-date-unknown' as const, severity: 'warning' as const, message }];
  });
}
