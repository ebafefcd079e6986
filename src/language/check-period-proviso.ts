/**
 * ", provided that Net Sales in such quarter exceed $250,000" after a computed amount: "such quarter" refers to the
 * amount's own period, which is the milestone's window. It must name that period: a proviso on "such quarter" after an
 * amount counted in each calendar year tests no period the amount is owed for, and reading it either way would be a
 * guess.
 */
import type { ClauseNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { windowPeriod } from './check-measured';

export function checkPeriodProviso(clause: ClauseNode, out: Diagnostic[]): void {
  for (const m of clause.milestones) {
    const proviso = m.periodProviso;
    if (proviso === undefined) continue;
    const period = windowPeriod(m.window);
    const such = `such ${proviso.such.calendar ? 'calendar ' : ''}${proviso.such.unit}`;
    // "such quarter" may name a calendar quarter; "such calendar quarter" names only a calendar one.
    if (period !== null && period.unit === proviso.such.unit && (period.calendar || !proviso.such.calendar)) continue;
    out.push(
      diagnostic(
        'measure-window-mismatch',
        proviso.range,
        period === null
          ? `"in ${such}" refers to the period the amount is counted in, but the amount names no recurring period: write it ("of Net Sales in each ${proviso.such.calendar ? 'calendar ' : ''}${proviso.such.unit}").`
          : `"in ${such}" must refer to the period the amount is counted in, but the amount is counted in each ${period.calendar ? 'calendar ' : ''}${period.unit}: write the same period in both.`,
      ),
    );
  }
}
