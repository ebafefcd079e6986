/** One concrete milestone window, as the evaluator and the SQL path use it. */
import { formatIsoDate, fromDayNumber } from './calendar-date';

/**
 * One concrete window: the days `[startDay, endDay)` as day numbers (days since 1970-01-01 of local
 * calendar dates). `period` is the instance number of a recurring window, else null.
 */
export interface WindowInstance {
  period: number | null;
  startDay: number;
  endDay: number;
  /** `YYYY-MM-DD` of the first day. */
  windowStart: string;
  /** `YYYY-MM-DD` of the last day inside the window. */
  deadline: string;
  /** Whether the window starts at E and accumulates from there (every form except period/recurring). */
  cumulative: boolean;
  /** A window without an end the clause states ("during the term"): pending, never missed, through the as-of date. */
  openEnded?: boolean;
  /** How the window was read, for the interpretation notes. */
  explanation: string;
  /** A calendar period that began before E: its own first day, `YYYY-MM-DD` (the window counts from E only). */
  partialFrom?: string;
}

export function instance(
  startDay: number,
  endDay: number,
  period: number | null,
  cumulative: boolean,
  explanation: string,
): WindowInstance {
  return {
    period,
    startDay,
    endDay,
    windowStart: formatIsoDate(fromDayNumber(startDay)),
    deadline: formatIsoDate(fromDayNumber(endDay - 1)),
    cumulative,
    explanation,
  };
}

/**
 * Whether an instance's window is over by the as-of day (its last day has begun): a target not met
 * by then is missed. A window without an end the clause states ("during the term", no deadline
 * written) is never over, so it is pending, never missed, until it is met.
 */
export function windowOver(window: WindowInstance, asOfDay: number): boolean {
  return !window.openEnded && asOfDay >= window.endDay - 1;
}
