/**
 * Tier bounds written as shares of a quota (src/language/quota-bounds.ts): a band bounded by p% of a quota
 * of $Q is exactly the amount p × Q / 100 (no binary floating point,
 * however many decimals the product has), and such tiers stay continuous in the base.
 */
import fc from 'fast-check';
import type { TieredPaymentNode } from '../../src/language/ast';
import { validate } from '../../src/language/check';
import { calculate, type Calculation } from '../../src/evaluation/payments/calculation';
import { paymentParts } from '../../src/language/payment-parts';
import { Dec } from '../../src/values/money';
import { runs, SEED } from '../support/clause-arbitraries';

function tiersOf(text: string): TieredPaymentNode {
  const result = validate(text);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const payment = result.ast?.clauses[0].milestones[0].payment;
  const base = payment ? paymentParts(payment).base : null;
  if (base?.kind !== 'tiered') throw new Error(`not tiers: ${text}`);
  return base;
}

const sentence = (upTo: string, above: string): string =>
  `For each calendar quarter, the Account Executive shall earn a commission of ten percent (10%) of Net Sales up to ${upTo} and fifteen percent (15%) of Net Sales in excess of ${above}.`;

const exact = (c: Calculation): Dec => {
  if (c.kind !== 'tiered' || c.method !== 'marginal') throw new Error('not marginal tiers');
  return c.bands.reduce((sum, b) => sum.plus(b.amount), new Dec(0));
};

/** A share in hundredths of a percent (0.01% … 250%) and a quota in whole dollars. */
const share = fc.integer({ min: 1, max: 25_000 }).map((n) => new Dec(n).dividedBy(100).toFixed());
const quota = fc.integer({ min: 1, max: 5_000_000 });
const cents = fc.integer({ min: 0, max: 2_000_000_000 }).map((n) => new Dec(n).dividedBy(100));

test('a share of a quota is the bound p × Q / 100, exactly, and the bands split the base there', () => {
  fc.assert(
    fc.property(share, quota, cents, (p, q, base) => {
      const quoted = tiersOf(sentence(`${p}% of the Quarterly Quota of $${q}`, `${p}% of the Quarterly Quota`));
      const bound = new Dec(q).times(p).dividedBy(100);
      expect(new Dec(quoted.bands[0].to!.amount).equals(bound)).toBe(true);
      expect(new Dec(quoted.bands[1].from!.amount).equals(bound)).toBe(true);
      // By hand: 10% up to the bound, 15% above it.
      const byHand = Dec.min(base, bound).times('0.1').plus(Dec.max(base.minus(bound), 0).times('0.15'));
      expect(exact(calculate(quoted, base, null, 'USD').calculation).equals(byHand)).toBe(true);
    }),
    { seed: SEED, numRuns: runs(60) },
  );
});

test('tiers bounded by a quota are continuous in the base: |f(b + d) − f(b)| ≤ 15% × d, and never fall', () => {
  fc.assert(
    fc.property(share, quota, cents, fc.integer({ min: 0, max: 10_000_000 }), (p, q, base, step) => {
      const payment = tiersOf(sentence(`${p}% of the Quarterly Quota ($${q})`, `${p}% of the Quarterly Quota`));
      const d = new Dec(step).dividedBy(100);
      const f1 = exact(calculate(payment, base, null, 'USD').calculation);
      const f2 = exact(calculate(payment, base.plus(d), null, 'USD').calculation);
      expect(f2.minus(f1).lessThanOrEqualTo(d.times('0.15'))).toBe(true);
      expect(f2.greaterThanOrEqualTo(f1)).toBe(true);
    }),
    { seed: SEED, numRuns: runs(60) },
  );
});
