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
import { formatIsoDate, fromDayNumber, type CalendarDate, type ContractCalendar } from '../time/periods';
import type { SqlDialect } from './dialect';

/** A rate owed per period until a level: the periods (local days, absolute) and the sum the query gives for each. */
export interface SqlLevelStop {
  stop: LevelStopNode;
  percent: string;
  basis: 'gross' | 'net';
  periods: LevelPeriod[];
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
): SqlLevelStop | null {
  const stop = clause.definition?.stop;
  if (!stop || !clause.definition || rate === null) return null;
  const periods = milestoneWindowInstances(clause.definition.period, at.calendar, at.asOf, at.ast).map((window) => ({
    window,
    from: Math.max(window.startDay, at.firstCounted),
    to: Math.min(window.endDay, at.aDay + 1),
  }));
  return { stop, percent: rate.percent, basis: rate.basis, periods };
}

/** The CTE and result rows (kind 'level': iid the milestone's index, seq the period's, v1 its total) of every level stop. */
export function levelStopSql(milestones: ReadonlyArray<{ index: number; levelStop: SqlLevelStop | null }>, p: { bind(value: string | number, type: string): string }, dialect: SqlDialect): { ctes: string[]; selects: string[] } {
  const rows: string[] = [];
  for (const m of milestones) {
    if (!m.levelStop) continue;
    m.levelStop.periods.forEach((period, k) => {
      const day = (n: number): string => p.bind(formatIsoDate(fromDayNumber(n)), 'DATE');
      rows.push(`(${p.bind(m.index, dialect.integer)}, ${p.bind(k, dialect.integer)}, ${p.bind(m.levelStop?.basis === 'net' ? 1 : 0, dialect.integer)}, ${day(period.from)}, ${day(period.to)})`);
    });
  }
  if (rows.length === 0) return { ctes: [], selects: [] };
  const D = dialect.decimal;
  const T = dialect.text;
  const nullText = `CAST(NULL AS ${T})`;
  return {
    ctes: [`level_periods (ms, k, net, from_day, to_day) AS (\n  VALUES\n    ${rows.join(',\n    ')}\n)`],
    selects: [
      `SELECT 'level', lp.ms, lp.k, ${nullText}, CAST(NULL AS ${dialect.integer}), ${nullText}, ` +
        `CAST(COALESCE(SUM(CASE WHEN lp.net = 1 THEN dd.net ELSE dd.gross END), CAST(0 AS ${D})) AS ${T}), ${nullText}, ${nullText}, ${nullText}, ${nullText}, ${nullText}\n` +
        `  FROM level_periods AS lp LEFT JOIN days AS dd ON dd.d >= lp.from_day AND dd.d < lp.to_day GROUP BY lp.ms, lp.k`,
    ],
  };
}
