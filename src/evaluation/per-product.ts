/**
 * Evaluating a milestone counted per product (src/language/per-product.ts). Pass 1 keeps each product's day sums
 * (DaySums.products); when it ends, the milestone's plan stands for one plan per product, each counting only that
 * product's rows (its `rowSet`), with instances of its own. An instance of the milestone is met when one product's
 * own total meets the target, by the earliest crossing row among the products; the products' sales are never pooled.
 */
import type { LedgerRow } from '../ledger/rows';
import { Dec } from '../values/money';
import { Accumulator } from '../values/quantity';
import { crossesBefore } from './catch-up';
import { findCrossing, type Crossing } from './crossing';
import { MAX_PRODUCTS, METRICS, type DaySums } from './metrics';
import type { Plan } from './plan';

/** One plan per product pass 1 saw, in the order of the products' names; fresh instances, whose candidates pass 1's end fills. */
export function productPlans(plan: Plan, sums: DaySums): Plan[] {
  const products = [...(sums.products?.values() ?? [])].sort((a, b) => (a.set.term < b.set.term ? -1 : a.set.term > b.set.term ? 1 : 0));
  return products.map((p) => ({
    ...plan,
    rowSet: p.set,
    perProduct: null,
    instances: plan.instances.map((inst) => {
      const fresh = { ...inst, candidates: [], reached: false };
      delete fresh.increments;
      return fresh;
    }),
  }));
}

export interface ProductOutcome {
  /** The earliest crossing row among the products (null: no product met the target). */
  crossing: Crossing | null;
  /** The product whose total is reported: the one that met the target, else the one with the highest total (null: no product). */
  product: string | null;
  total: Dec;
}

/** Instance `index` of a milestone counted per product, from its per-product plans. */
export function productOutcome(plans: readonly Plan[], index: number, rowsByDay: ReadonlyMap<number, LedgerRow[]>, sums: DaySums): ProductOutcome {
  let best: { plan: Plan; crossing: Crossing } | null = null;
  let highest: { plan: Plan; total: Dec } | null = null;
  const totals = new Map<Plan, Dec>();
  for (const p of plans) {
    const inst = p.instances[index];
    const crossing = findCrossing(p, inst, rowsByDay, sums);
    if (crossing && (best === null || crossesBefore(crossing, best.crossing))) best = { plan: p, crossing };
    const { net } = METRICS[p.metric].series(sums, p.productKey, p.rowSet);
    const acc = new Accumulator();
    for (let i = Math.max(inst.from, 0); i < inst.to; i++) net.addTo(acc, i);
    const total = acc.value();
    totals.set(p, total);
    if (highest === null || total.greaterThan(highest.total)) highest = { plan: p, total };
  }
  if (best !== null) return { crossing: best.crossing, product: best.plan.rowSet?.term ?? null, total: totals.get(best.plan) as Dec };
  // No product has sales in the period: no product is named.
  if (highest !== null && !highest.total.isZero()) return { crossing: null, product: highest.plan.rowSet?.term ?? null, total: highest.total };
  if (highest !== null) return { crossing: null, product: null, total: highest.total };
  return { crossing: null, product: null, total: new Dec(0) };
}

/** The error for a ledger of more products than MAX_PRODUCTS, when a milestone counts per product. */
export function tooManyProducts(): { code: 'too-many-products'; severity: 'error'; message: string } {
  return {
    code: 'too-many-products',
    severity: 'error',
    message:
      `a milestone counts each product on its own, and the ledger names more than ${MAX_PRODUCTS.toLocaleString('en-US')} products, more than one evaluation follows; ` +
      'check the product column, or evaluate a ledger of fewer products',
  };
}
