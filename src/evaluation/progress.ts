/**
 * A milestone's progress: its total as a percentage of its target, one decimal, rounded half-up. A target of zero
 * ("5% of Net Sales in each calendar quarter", whose only threshold is a sale) has no ratio: the progress is 100.0 when
 * the total meets the target as the comparator reads it (more than zero, or at least zero) and 0.0 when it does not, so
 * that a period with no sales never shows 100.0% beside a status that is not met. For the same reason a total short of
 * its target never rounds up to 100.0 (499,999 of 500,000 is 99.9, not 100.0). Both engines report it from here.
 */
import { Dec } from '../values/money';
import { meets } from '../values/quantity';

export function progressOf(total: Dec, target: Dec, strict: boolean): string {
  if (target.isZero()) return meets(total, target, strict) ? '100.0' : '0.0';
  const percent = total.dividedBy(target).times(100);
  return percent.lessThan(100) ? Dec.min(percent.toDecimalPlaces(1, Dec.ROUND_HALF_UP), new Dec('99.9')).toFixed(1) : percent.toFixed(1, Dec.ROUND_HALF_UP);
}
