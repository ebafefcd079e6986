/**
 * The bonus among a plan's rate bands ("(3) a one-time bonus of $10,000 upon 100% achievement of sales plan", after
 * "against the 2026 sales plan of $1,000,000"): its milestone's target is that share of the plan the lead sentence
 * states. The builder leaves the target's amount to this pass (grammar/plan-band-builders.ts).
 */
import type { ClauseNode, MilestoneNode } from './ast';
import { quotaShareAmount } from './quota-share';

export function resolvePlanBandBonus(clause: ClauseNode): ClauseNode {
  if (!clause.planBands) return clause;
  const milestones = clause.milestones.map((m): MilestoneNode => (m.quota && m.target.kind === 'revenue' ? { ...m, target: { ...m.target, amount: quotaShareAmount(m.quota) } } : m));
  return { ...clause, milestones };
}
