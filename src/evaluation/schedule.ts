/**
 * Payment schedules: the amounts behind "as outlined in Section 4.2", and how a milestone label
 * finds its amount. Reading and validating a schedule file is src/evaluation/schedule-reader.ts (it needs ajv,
 * which the evaluator does not).
 */
import type { Dec } from '../values/money';

export interface Schedule {
  currency: string;
  /** Label as written in the schedule → exact amount. */
  payments: ReadonlyMap<string, Dec>;
}

/**
 * The schedule's amount for a milestone label. Labels are matched as written, then ignoring case,
 * brackets and a trailing dot, so "(ii)", "ii" and "II." name the same milestone.
 */
export function scheduledAmount(schedule: Schedule, label: string): Dec | undefined {
  const exact = schedule.payments.get(label);
  if (exact !== undefined) return exact;
  const key = labelKey(label);
  for (const [name, amount] of schedule.payments) if (labelKey(name) === key) return amount;
  return undefined;
}

/** The form two labels share when they name the same milestone ("(ii)", "ii", "II."). */
export function labelKey(label: string): string {
  return label.trim().replace(/^\((.*)\)$/, '$1').replace(/\.$/, '').trim().toLowerCase();
}
