/**
 * Plan levels resolved by name, once the parse is done (src/language/after-parse.ts): "If Executive achieves the
 * Annual Board Plan ($2,500,000 of Bookings for 2026) but less than the Sales Plan ($3,000,000), … The commission
 * applies to all Bookings in excess of the Annual Board Plan." names each plan where it is defined and refers to it by
 * name elsewhere. Each level's milestone takes the amount of the plan it names, where that plan is defined; the metric
 * and year written with the first plan that has them; and the currency of the first amount written (USD when none is).
 * A plan defined nowhere keeps an amount of 0 that shows its name, which the checker reports
 * (src/language/check-plan-levels.ts).
 */
import type { CalendarPeriodWindowNode, ClauseNode, MoneyNode, OpenWindowNode, PlanLevelsNode, PlanRefNode, Range } from './ast';

/** The plans in the order they are written: each level's plan and the one below it, then the plan the rate is in excess of. */
function writtenPlans(p: PlanLevelsNode): PlanRefNode[] {
  return [...p.levels.flatMap((l) => (l.below ? [l.from, l.below] : [l.from])), p.excessOver];
}

export function resolvePlanLevels(clause: ClauseNode): ClauseNode {
  const p = clause.planLevels;
  if (!p) return clause;
  const refs = writtenPlans(p);
  const defined = (name: string): PlanRefNode | undefined => refs.find((r) => r.name === name && r.amount !== null);
  const first = refs.find((r) => r.metric !== null);
  const year = refs.find((r) => r.year !== null)?.year ?? null;
  const currency = refs.find((r) => r.amount !== null)?.amount?.currency ?? 'USD';
  const amountOf = (ref: PlanRefNode): MoneyNode => defined(ref.name)?.amount ?? { kind: 'money', amount: '0', currency, text: ref.name, range: ref.range };
  const milestones = clause.milestones.map((m, k) => {
    const level = p.levels[k];
    const payment = m.payment;
    if (!level || m.target.kind !== 'revenue' || payment?.kind !== 'rate-on-excess') return m;
    return {
      ...m,
      target: { ...m.target, amount: amountOf(level.from), basis: first?.basis ?? m.target.basis, term: first?.metric ?? m.target.term },
      window: yearWindow(year, level.range),
      payment: { ...payment, threshold: amountOf(p.excessOver), levelBelow: level.below ? { name: level.below.name, amount: amountOf(level.below) } : null },
    };
  });
  return { ...clause, milestones };
}

/** "for 2026": that calendar year; with no year written, an open window (the checker reports it). */
function yearWindow(year: number | null, range: Range): CalendarPeriodWindowNode | OpenWindowNode {
  if (year === null) return { kind: 'open', range };
  return { kind: 'calendar-period', unit: 'year', yearStart: '01-01', selection: { kind: 'named', year, n: 1 }, written: 'named', range };
}
