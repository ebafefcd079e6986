/**
 * When a computed amount of a payer-pays sentence is owed. Such an amount ("ten percent (10%) of
 * Net Sales in each quarter", "3% of such Net Sales in excess of $150,000") is counted on a window
 * instance's whole total, so it is known, and owed, only once the window has ended: it is triggered
 * on the window's last day, for the instance whose condition was met (or, with no condition written,
 * for every instance). A window that never ends ("during the term" with no end stated, no deadline
 * written) is never settled that way: the amount accrues as sales are made ("7% on all Gross Sales in
 * excess of $50,000 made during the term"), so it is owed from the day its condition is met, counted
 * up to the as-of date, and later sales add to it. An amount that comes to zero (no excess, below a
 * minimum payout, a cap used up) is no obligation; a note says why nothing is owed. Pure.
 */
import type { PaymentNode } from '../../language/ast';
import { measureOf } from '../../language/check-measured';
import { formatIsoDate, fromDayNumber, type WindowInstance } from '../../time/periods';

/** Whether a payment is owed per window instance, at the window's end (see the module comment). */
export function isSettledAtWindowEnd(payment: PaymentNode): boolean {
  return measureOf(payment) !== null;
}

export type Settlement =
  /** The window has not ended by the as-of date: nothing is owed yet. */
  | { kind: 'open'; note: string }
  /** The condition was not met in the window: nothing is owed. */
  | { kind: 'not-met' }
  /** Owed: triggered on the window's last day; `by` is the row that met the condition (null: owed though not met). */
  | { kind: 'owed'; at: string; by: string | null }
  /** A window that never ends: owed from the day the condition was met (`at`, by row `by`), accrued up to the as-of date. */
  | { kind: 'accruing'; at: string; by: string | null; note: string };

/**
 * `met`: the day the condition was met and the row that met it (null `by`: met from the window's start, by no row);
 * `owedUnmet`: the amount is owed whether or not the condition is met (a raised rate: the lower rate when not).
 */
export function settlementOf(window: WindowInstance, asOfDay: number, met: { by: string | null; at: string } | null, owedUnmet = false): Settlement {
  if (window.openEnded) {
    if (met === null) return { kind: 'not-met' };
    const asOf = formatIsoDate(fromDayNumber(asOfDay));
    return {
      kind: 'accruing',
      ...met,
      note: `the window has no end, so the amount accrues as sales are made: it is owed from ${met.at}, the day its condition was met, as accrued up to the as-of date ${asOf}; later sales add to it`,
    };
  }
  const metBy = met?.by ?? null;
  const lastDay = window.endDay - 1;
  if (asOfDay < lastDay) {
    const asOf = formatIsoDate(fromDayNumber(asOfDay));
    // A status of met beside no obligation: the note says the status is that of the sales so far, and why nothing is owed.
    const by = met === null ? '' : met.by === null ? `from the window's start, ${met.at}, by no sale` : `by ${met.by} on ${met.at}`;
    const so = met === null ? '' : `the condition is met on the sales so far (${by}; the status is met as of ${asOf}), but `;
    return { kind: 'open', note: `${so}the amount is counted on the whole window ${window.windowStart} to ${window.deadline}, so it is owed only once the window ends: nothing is owed as of ${asOf}` };
  }
  if (met === null && !owedUnmet) return { kind: 'not-met' };
  return { kind: 'owed', at: window.deadline, by: metBy };
}
