/**
 * The targets of a plan table's milestones ("… achieves 100% of the Quarterly Board Plan Bookings, or 100% of the Board
 * Plan Bookings year-to-date. Quarterly Board Plan Bookings for 2026: Q1 $500,000; …"): each quarter's target is its
 * share of that quarter's row, and a year-to-date part's its share of the rows of the year so far, summed; exact, in the
 * row's currency. Neither figure is written in the text, so its text is the figure itself, for messages. The builder
 * leaves both to this pass (grammar/plan-table-builders.ts).
 */
import type { ClauseNode, ConditionPartNode, MilestoneNode, MoneyNode, PlanRowNode, PlanShareNode, Range } from './ast';
import { Dec, formatMoney } from '../values/money';

/** `plan`'s share of the rows it reads: its own row, or rows 1..row summed for a year-to-date part. */
function shareOfRows(rows: readonly PlanRowNode[], plan: PlanShareNode, yearToDate: boolean, range: Range): MoneyNode {
  const row = rows[plan.row - 1].amount;
  const base = yearToDate ? rows.slice(0, plan.row).reduce((sum, r) => sum.plus(r.amount.amount), new Dec(0)) : new Dec(row.amount);
  const amount = base.times(plan.percent).dividedBy(100).toFixed();
  return { kind: 'money', amount, currency: row.currency, text: formatMoney(amount, row.currency), range };
}

export function resolvePlanTableTargets(clause: ClauseNode): ClauseNode {
  const table = clause.planTable;
  if (!table) return clause;
  const part = (p: ConditionPartNode): ConditionPartNode =>
    p.plan && p.target.kind === 'revenue' ? { ...p, target: { ...p.target, amount: shareOfRows(table.rows, p.plan, p.span === 'year-to-date', p.target.amount.range) } } : p;
  const milestones = clause.milestones.map((m): MilestoneNode => {
    if (!m.plan || m.target.kind !== 'revenue') return m;
    const target = { ...m.target, amount: shareOfRows(table.rows, m.plan, false, m.target.amount.range) };
    return { ...m, target, ...(m.compound ? { compound: { ...m.compound, parts: m.compound.parts.map(part) } } : {}) };
  });
  return { ...clause, milestones };
}
