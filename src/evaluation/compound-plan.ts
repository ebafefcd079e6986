/**
 * The plans of a compound condition's parts after the first (compound.ts evaluates them): each part is a
 * target of its own, with the milestone's window instances, or for a year-to-date part the same instances
 * extended back to the start of the calendar or fiscal year that holds each period.
 */
import type { ConditionPart } from '../language/compound-condition';
import { conditionParts } from '../language/compound-condition';
import { metricOf } from '../language/describe';
import { dayNumber, parseIsoDate } from '../time/calendar-date';
import { targetQuantity } from '../values/quantity';
import { productKey } from './metrics';
import type { MilestoneNode, WindowNode } from '../language/ast';
import type { Metric } from '../language/describe';
import type { WindowInstance } from '../time/window-instance';
import type { Quantity } from '../values/quantity';

/** What a part's plan takes from the milestone's (plan.ts's Plan, which holds the parts: named here without it). */
interface MainPlan {
  milestone: MilestoneNode;
  window: WindowNode;
  metric: Metric;
  productKey: string | null;
  target: Quantity;
  strict: boolean;
  periodTotal: boolean;
  accrues: boolean;
  instances: Array<{ window: WindowInstance; from: number; to: number; candidates: unknown[]; reached: boolean }>;
}

function countText(part: ConditionPart): string {
  const t = part.target;
  return t.kind === 'revenue' ? t.amount.amount : t.count;
}

/** The first day of the (calendar or fiscal) year holding `day`, for a year that starts on `yearStart` ("MM-DD"). */
function yearStartDay(day: string, yearStart: string): number {
  const d = parseIsoDate(day);
  const [month, dayOfMonth] = yearStart.split('-').map(Number);
  if (d === null) return Number.NaN;
  const before = d.month < month || (d.month === month && d.day < dayOfMonth);
  return dayNumber({ year: before ? d.year - 1 : d.year, month, day: dayOfMonth });
}

/**
 * The plans of a milestone's parts after the first (none when its condition is simple). `firstCounted`:
 * the first local day any sale counts (E, or a start opening's date); `firstDay`: E.
 */
export function partPlans<P extends MainPlan>(main: P, firstCounted: number, firstDay: number): Array<{ part: ConditionPart; plan: P }> {
  const m = main.milestone;
  if (!m.compound) return [];
  return conditionParts(m).slice(1).map((part) => {
    const metric = metricOf(part.target);
    const yearStart = main.window.kind === 'calendar-period' ? main.window.yearStart : null;
    const instances = main.instances.map((inst) => {
      const own = inst.window.partialFrom ?? inst.window.windowStart;
      const from = part.span === 'year-to-date' && yearStart !== null ? Math.max(yearStartDay(own, yearStart), firstCounted) - firstDay : inst.from;
      return { window: inst.window, from, to: inst.to, candidates: [], reached: false };
    }) as P['instances'];
    const plan: P = {
      ...main,
      metric,
      productKey: part.target.kind === 'units' ? productKey(part.target.product) : null,
      target: targetQuantity(countText(part)),
      strict: part.comparator?.strict === true,
      periodTotal: main.periodTotal || part.measuredAtEnd,
      accrues: false,
      instances,
    };
    return { part, plan };
  });
}

