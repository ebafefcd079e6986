/**
 * "Such payment shall be payable only upon the first achievement of such milestone, and no amounts shall be due for
 * subsequent or repeated achievements of such milestone in subsequent Calendar Years": the later periods named are the
 * ones the condition is tested in, so the sentence says what the plain once-only sentence says. Naming other periods
 * ("in subsequent Calendar Years" after a condition tested each calendar quarter) leaves open whether a repeat in a
 * later quarter of the same year is paid: two readings, so the engine refuses it rather than guess.
 */
import type { ClauseNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { windowPeriod } from './check-measured';

export function checkOnceRepeat(clause: ClauseNode, out: Diagnostic[]): void {
  for (const m of clause.milestones) {
    const repeat = m.once?.repeatPeriods;
    if (repeat === undefined) continue;
    const period = windowPeriod(m.window);
    if (period !== null && period.calendar && period.unit === repeat.unit) continue;
    out.push(
      diagnostic(
        'unsupported-construct',
        repeat.range,
        `"in subsequent calendar ${repeat.unit}s" must name the periods the condition is tested in, but ${period === null ? 'the condition names no calendar period' : `it is tested in each ${period.calendar ? 'calendar ' : ''}${period.unit}`}: ` +
          `it could mean one payment ever, or one in each calendar ${repeat.unit}. For one payment ever, end the sentence at "repeated achievements"; ` +
          `for one in each ${repeat.unit}, write the condition on each calendar ${repeat.unit}.`,
      ),
    );
  }
}
