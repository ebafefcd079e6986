/**
 * Checks of a sentence paid on a share of a plan set out in a table below it (PlanTableNode): the plan the condition
 * names is the table's; a year-to-date part names the same plan without its period word ("the Board Plan Bookings" for a
 * table of "Quarterly Board Plan Bookings"); the rows are quarters, each once, in order, and from Q1 without a gap when
 * a year-to-date part sums them; and the sentence tests calendar quarters, the rows' periods. Without these, which plan
 * a quarter is compared with cannot be told.
 */
import type { ClauseNode, PlanShareNode } from './ast';
import { diagnostic, type Diagnostic } from '../diagnostics';

/** The table's name without a leading period word: "Quarterly Board Plan Bookings" → "Board Plan Bookings". */
export function yearToDatePlanName(tableName: string): string {
  return tableName.replace(/^(?:quarterly|annual|monthly) /i, '');
}

export function checkPlanTable(clause: ClauseNode, out: Diagnostic[]): void {
  const t = clause.planTable;
  if (!t) return;
  const first = clause.milestones[0];
  const share: PlanShareNode | undefined = first?.plan;
  if (share && share.name !== t.name) {
    out.push(diagnostic('plan-undefined', share.range, `The ${share.name} is not set out: the table below the sentence is the ${t.name}. Write the name the table gives ("${share.percent}% of the ${t.name}").`));
  }
  const ytd = first?.compound?.parts[0]?.plan;
  const ytdName = yearToDatePlanName(t.name);
  if (ytd && ytd.name !== ytdName && ytd.name !== t.name) {
    out.push(
      diagnostic(
        'plan-undefined',
        ytd.range,
        `The ${ytd.name} is not set out: the year-to-date plan is read as the ${t.name} of the quarters so far, summed. Write "${ytd.percent}% of the ${ytdName} year-to-date".`,
      ),
    );
  }
  if (t.window.unit !== 'quarter' || t.window.yearStart !== '01-01') {
    const noun = t.window.yearStart === '01-01' ? `calendar ${t.window.unit}` : `fiscal ${t.window.unit}`;
    out.push(diagnostic('plan-table-rows', t.window.range, `The sentence tests each ${noun}, but the ${t.name} is set out by calendar quarter (Q1 to Q4): write "for each calendar quarter in which".`));
  }
  const seen = new Set<number>();
  t.rows.forEach((row, i) => {
    const previous = t.rows[i - 1];
    if (row.quarter < 1 || row.quarter > 4) {
      out.push(diagnostic('plan-table-rows', row.range, `Q${row.quarter} is not a quarter: a year has Q1 to Q4.`));
    } else if (seen.has(row.quarter)) {
      out.push(diagnostic('plan-table-rows', row.range, `Q${row.quarter} is set out twice in the ${t.name} for ${t.year}: give each quarter one row.`));
    } else if (previous && row.quarter < previous.quarter) {
      out.push(diagnostic('plan-table-rows', row.range, `Q${row.quarter} comes after Q${previous.quarter}: write the quarters in order.`));
    } else if (ytd && row.quarter !== i + 1) {
      out.push(
        diagnostic(
          'plan-table-rows',
          row.range,
          `The year-to-date plan of Q${row.quarter} sums the plans of the quarters before it, but ${i === 0 ? 'Q1' : `Q${i + 1}`} is not set out: give every quarter from Q1 a row.`,
        ),
      );
    }
    seen.add(row.quarter);
  });
}
