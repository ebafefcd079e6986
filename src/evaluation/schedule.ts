/**
 * Schedules: the figures a clause refers to instead of stating them (the payment amounts behind "as
 * outlined in Section 4.2" or a redacted "$[***]", the targets behind "the targets set forth in Exhibit C"),
 * and how a milestone label finds its figure. Reading and validating a schedule file is src/evaluation/schedule-reader.ts (it needs ajv,
 * which the evaluator does not).
 */
import type { Dec } from '../values/money';

export interface Schedule {
  currency: string;
  /** Label as written in the schedule → exact payment amount. */
  payments: ReadonlyMap<string, Dec>;
  /** Label as written in the schedule → exact target amount (what the milestone's total is compared with). */
  targets: ReadonlyMap<string, Dec>;
}

/**
 * The schedule's amount for a milestone label. Labels are matched as written, then ignoring case,
 * brackets and a trailing dot, so "(ii)", "ii" and "II." name the same milestone.
 */
export function scheduledAmount(schedule: Schedule, label: string): Dec | undefined {
  return byLabel(schedule.payments, label);
}

/** The schedule's target for a milestone label, matched like `scheduledAmount`. */
export function scheduledTarget(schedule: Schedule, label: string): Dec | undefined {
  return byLabel(schedule.targets, label);
}

function byLabel(figures: ReadonlyMap<string, Dec>, label: string): Dec | undefined {
  const exact = figures.get(label);
  if (exact !== undefined) return exact;
  const key = labelKey(label);
  for (const [name, amount] of figures) if (labelKey(name) === key) return amount;
  return undefined;
}

/** The form two labels share when they name the same milestone ("(ii)", "ii", "II."). */
export function labelKey(label: string): string {
  return label.trim().replace(/^\((.*)\)$/, '$1').replace(/\.$/, '').trim().toLowerCase();
}
