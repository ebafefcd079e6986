/**
 * A target the total meets before any sale ("equal or exceed 0% of the Annual Quota": at least zero). No row crosses a
 * target the total starts at, so a crossing search finds none; a careful reader says the milestone is met from the
 * window's first counted day, by no sale. A period tested on its total is so met when its total still meets the target
 * and no row took it below and back (that row is the crossing then); a running total is met from its first day, whatever
 * later rows do. One rule and one wording for both engines.
 */
import { Dec, decimalString } from '../values/money';

/** Whether the empty total meets `target` as the comparator reads it. */
export function startMeets(target: Dec, strict: boolean): boolean {
  return strict ? target.isNegative() && !target.isZero() : target.lessThanOrEqualTo(0);
}

/** Whether the instance is met from its first counted day, by no row (see the module comment). */
export function metFromStart(target: Dec, strict: boolean, periodTotal: boolean, crossed: boolean, total: Dec): boolean {
  if (!startMeets(target, strict)) return false;
  if (!periodTotal) return true;
  return !crossed && (strict ? total.greaterThan(target) : total.greaterThanOrEqualTo(target));
}

/** The note of an instance met from its start. */
export function metFromStartNote(name: string, day: string, target: Dec, total: Dec, periodTotal: boolean): string {
  return (
    `${name}: the target ${decimalString(target)} is met by a total of zero, before any sale, so the milestone is met from the window's first counted day, ${day}, ` +
    `by no row${periodTotal ? ` (the period's total, ${decimalString(total)}, still meets it)` : ''}`
  );
}
