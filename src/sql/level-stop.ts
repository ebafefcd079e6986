/**
 * A payment definition stopped at a level on the SQL path ('"Net Sales Payment" means, for any calendar quarter, … 10%
 * of Net Sales during such calendar quarter; provided that the Net Sales Payment for the calendar quarter during which
 * cumulative Net Sales reach $1,000,000 shall be prorated …'), read as in memory: the milestone is the level on the
 * running total (its crossing found by the query like any other), and the rate is owed per period of the definition on
 * that period's own total, up to the level. The query gives each period's total of the rate's basis; the obligations,
 * notes and warning are the evaluator's own settleLevelStop (src/evaluation/payments/level-stop.ts).
 */
import type { ClauseNode, DocumentNode, LevelStopNode } from '../language/ast';
import type { LevelPeriod } from '../evaluation/payments/level-stop';
import { milestoneWindowInstances } from '../time/own-windows';
import type { CalendarDate, ContractCalendar } from '../time/periods';
import type { PeriodSums } from './period-sums';

/** A rate owed per period until a level: the periods (local days, absolute) and the index of each one's total (period-sums.ts). */
export interface SqlLevelStop {
  stop: LevelStopNode;
  percent: string;
  periods: LevelPeriod[];
  sums: number[];
}

/**
 * The level stop of a milestone, as the evaluator plans it: only a plain rate is owed per period (another payment is
 * owed at the crossing, as written); its periods are the definition's, from the first counted day to the as-of date.
 */
export function sqlLevelStop(
  clause: ClauseNode,
  /** The milestone's payment when it is a plain rate, else null. */
  rate: { percent: string; basis: 'gross' | 'net' } | null,
  at: { calendar: ContractCalendar; asOf: CalendarDate; ast: DocumentNode; firstCounted: number; aDay: number },
  sums: PeriodSums,
): SqlLevelStop | null {
  const stop = clause.definition?.stop;
  if (!stop || !clause.definition || rate === null) return null;
  const periods = milestoneWindowInstances(clause.definition.period, at.calendar, at.asOf, at.ast).map((window) => ({
    window,
    from: Math.max(window.startDay, at.firstCounted),
    to: Math.min(window.endDay, at.aDay + 1),
  }));
  return { stop, percent: rate.percent, periods, sums: periods.map((period) => sums.add(rate.basis, period.from, period.to)) };
}
