/**
 * The bands of every tiered payment of a clause with what their words leave to be worked out: a bound written as a
 * share of a quota or plan gets its amount (src/language/quota-bounds.ts: the quota written at a bound, else the plan
 * the sentence states), then a rate written as a multiple of the base rate gets its percentage
 * (src/language/rate-multiples.ts). Payments shared by several milestones stay shared.
 */
import type { ClauseNode, TieredPaymentNode } from './ast';
import { withQuotaAmounts, type StatedQuota } from './quota-bounds';
import { withRateMultiples } from './rate-multiples';

/** The plan a clause states outside its bands ("against the 2026 sales plan of $1,000,000"), which its bounds may share. */
function statedPlans(clause: ClauseNode): StatedQuota[] {
  return clause.planBands ? [{ name: clause.planBands.plan.name, amount: clause.planBands.plan.amount }] : [];
}

/** The words of a portion statement, as the notes quote them: the method they state. */
export const portionWords = (term: string): string => `each rate applies only to that portion of the ${term} that falls within its range of sales`;

export function resolveTierBands(clause: ClauseNode): ClauseNode {
  const plans = statedPlans(clause);
  // "For avoidance of doubt, each rate applies only to that portion of …": the tiers' method, stated in a sentence of its own.
  const stated = clause.portionStatement ? portionWords(clause.portionStatement.term) : null;
  const done = new Map<object, unknown>();
  const visit = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const known = done.get(value);
    if (known !== undefined) return known;
    let out: unknown;
    if (Array.isArray(value)) {
      const items = value.map(visit);
      out = items.some((item, i) => item !== value[i]) ? items : value;
    } else {
      const node = value as Record<string, unknown>;
      let copy: Record<string, unknown> | null = null;
      for (const [key, field] of Object.entries(node)) {
        if (key === 'range') continue;
        const next = visit(field);
        if (next !== field) (copy ??= { ...node })[key] = next;
      }
      const current = copy ?? node;
      out = current.kind === 'tiered' ? withStatedMethod(resolveBands(current as unknown as TieredPaymentNode, plans), stated) : current;
    }
    done.set(value, out);
    return out;
  };
  return visit(clause) as ClauseNode;
}

function withStatedMethod(payment: TieredPaymentNode, stated: string | null): TieredPaymentNode {
  return stated !== null && payment.method === null ? { ...payment, method: 'marginal', methodWords: stated } : payment;
}

function resolveBands(payment: TieredPaymentNode, plans: readonly StatedQuota[]): TieredPaymentNode {
  const bands = withRateMultiples(withQuotaAmounts(payment.bands, plans));
  return bands === payment.bands ? payment : { ...payment, bands };
}
