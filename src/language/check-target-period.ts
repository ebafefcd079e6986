/**
 * A target named with a period word ("the quarterly quota of $150,000", "the Annual Sales Target of $1,000,000") in a
 * condition tested in calendar periods of another length ("for each calendar month in which …"): the amount is read
 * against each of the condition's periods, but the name says it is for a quarter or a year, so the text can mean either.
 * A warning names both readings and how to write the one meant.
 */
import type { CalendarUnit, ClauseNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';

/** "semi-annual" names a half-year, not a year; the first that matches decides. */
const NAME_PERIOD: readonly [RegExp, CalendarUnit][] = [
  [/\b(?:semi-?annual|half-yearly)\b/i, 'half-year'],
  [/(?<![\w-])(?:annual|yearly)\b/i, 'year'],
  [/\bquarterly\b/i, 'quarter'],
  [/\bmonthly\b/i, 'month'],
];

export function checkTargetPeriods(clause: ClauseNode, out: Diagnostic[]): void {
  for (const m of clause.milestones) {
    if (m.targetName === undefined || m.window.kind !== 'calendar-period') continue;
    const named = NAME_PERIOD.find(([re]) => re.test(m.targetName as string));
    if (named === undefined || named[1] === m.window.unit) continue;
    const unit = m.window.unit;
    out.push(
      diagnostic(
        'target-period-mismatch',
        m.target.range,
        `"the ${m.targetName}" names a target for a ${named[1]}, but the condition is tested in each ${unit}: read as written, each ${unit}'s total is measured against the amount; ` +
          `the name may mean the ${named[1]}'s total instead. The evaluation reads it as written.`,
        { suggestion: `write the period the target is for in the condition ("in each calendar ${named[1]}"), or name the target without a period word` },
      ),
    );
  }
}
