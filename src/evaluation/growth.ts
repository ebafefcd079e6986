/**
 * How a rate on the growth over the same quarter of the year before is reported: a quarter is met when its whole total
 * exceeds the prior year's quarter (an "increase" is more than nothing), known only once the quarter is over; a quarter
 * whose prior total cannot be told (it begins before the effective date) is not decided either way.
 */
import type { PriorPeriodReferenceNode } from '../language/ast';
import type { Dec } from '../values/money';
import type { PriorTotal } from './payments/prior-period';
import type { Status } from './report';

export function growthStatus(prior: PriorTotal, total: Dec, over: boolean): Status {
  if (!over || prior.kind === 'incomplete') return 'pending';
  return total.greaterThan(prior.total) ? 'met' : 'missed';
}

/** The reading, for the notes. */
export function growthNote(reference: PriorPeriodReferenceNode): string {
  return (
    `the rate is on the increase of each calendar quarter's total over the total of the same calendar quarter of the year before, owed once the quarter is over; ` +
    `the quarters of ${reference.baseYear} (the base year) and earlier are the base only: they are neither tested nor paid nor listed; ` +
    `a quarter is met when its total exceeds that of the year before, and one whose total does not exceed it pays nothing (no negative amount); ` +
    `a quarter of the year before that begins before the effective date has no total here, so the increase over it is undefined`
  );
}
