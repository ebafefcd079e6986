/**
 * An as-of date before the effective date: the contract has not started, so no row can count and every milestone is
 * pending; the periods the report lists (the first of each recurring window, so that one is reported) all lie after
 * the as-of date. Both engines give the same warning, so a report that owes nothing says why instead of reading as an
 * evaluation of a running contract.
 */
import { dayNumber, formatIsoDate, type CalendarDate } from '../time/calendar-date';
import type { EvaluationDiagnostic } from './report';

export function asOfBeforeEffective(effective: CalendarDate, asOf: CalendarDate): EvaluationDiagnostic | null {
  if (dayNumber(asOf) >= dayNumber(effective)) return null;
  return {
    code: 'as-of-before-effective-date',
    severity: 'warning',
    message:
      `the as-of date ${formatIsoDate(asOf)} is before the effective date ${formatIsoDate(effective)}: the contract has not started, ` +
      'so no sale counts and nothing is owed; every milestone is pending, and the periods listed begin after the as-of date',
  };
}
