/**
 * What a plan set out in a table below the sentence means for an evaluation (PlanTableNode): the plan each quarter is
 * compared with, the year-to-date plan (the rows of the year so far, summed), and the quarters the table gives no plan
 * for, which are not tested (the text cannot say what they are compared with), with a warning when the evaluated days
 * reach one.
 */
import type { ClauseNode, DocumentNode } from '../language/ast';
import type { CalendarDate } from '../time/calendar-date';
import { Dec, formatMoney } from '../values/money';

const which = (c: number, clauses: number): string => (clauses > 1 ? `clause ${c + 1}: ` : '');

function tableReading(clause: ClauseNode, c: number, clauses: number): string | null {
  const t = clause.planTable;
  const share = clause.milestones[0]?.plan;
  if (!t || !share) return null;
  const rows = t.rows.map((r) => `Q${r.quarter} ${formatMoney(r.amount.amount, r.amount.currency)}`).join(', ');
  const verb = clause.milestones[0].comparator?.words ?? 'achieves';
  let text =
    `${which(c, clauses)}each calendar quarter set out in the ${t.name} for ${t.year} is compared with its own row (${rows}): "${verb} ${share.percent}% of the ${share.name}" ` +
    `is met when the quarter's own total reaches ${share.percent}% of that row`;
  const ytd = clause.milestones[0].compound?.parts[0]?.plan;
  if (ytd) {
    let sum = new Dec(0);
    const sums = t.rows.map((r) => {
      sum = sum.plus(r.amount.amount);
      return `Q${r.quarter} ${formatMoney(sum.times(ytd.percent).dividedBy(100), r.amount.currency)}`;
    });
    text +=
      `; the ${ytd.name} year-to-date of a quarter is read as the rows of ${t.year} up to and including that quarter, summed, ` +
      `and ${ytd.percent}% of it is compared with the total from January 1 to the quarter's end (${sums.join(', ')})`;
  }
  return `${text}; quarters the table sets out no plan for are not tested`;
}

/** The notes stating how each plan table is read. */
export function planTableReadings(ast: DocumentNode): string[] {
  return ast.clauses.flatMap((clause, c) => {
    const note = tableReading(clause, c, ast.clauses.length);
    return note === null ? [] : [note];
  });
}

/** The first evaluated quarter (from E's to A's) that a plan table sets out no plan for, per clause: a warning each. */
export function planTableGaps(ast: DocumentNode, effective: CalendarDate, asOf: CalendarDate): string[] {
  const out: string[] = [];
  ast.clauses.forEach((clause, c) => {
    const t = clause.planTable;
    if (!t) return;
    const planned = new Set(t.rows.map((r) => `${t.year}-${r.quarter}`));
    const missing: string[] = [];
    for (let y = effective.year, q = Math.ceil(effective.month / 3); y < asOf.year || (y === asOf.year && q <= Math.ceil(asOf.month / 3)); q === 4 ? ((q = 1), y++) : q++) {
      if (!planned.has(`${y}-${q}`)) missing.push(`Q${q} ${y}`);
      if (missing.length > 3) break;
    }
    if (missing.length === 0) return;
    const listed = missing.length > 3 ? `${missing.slice(0, 3).join(', ')} …` : missing.join(', ');
    out.push(
      `${which(c, ast.clauses.length)}the evaluated days reach ${listed}, for which the ${t.name} sets out no plan: such a quarter is not tested (its target cannot be told), ` +
        'not reported missed or met; give its plan in the table to evaluate it',
    );
  });
  return out;
}
