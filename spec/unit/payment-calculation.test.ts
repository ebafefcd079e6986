/**
 * Laws of the payment calculations (src/evaluation/payments/): marginal tiers are continuous in the
 * base (a change of the base by d changes the exact amount by at most the highest rate times d);
 * amounts per increment and rates on the excess never fall as the base grows; a cap never raises an
 * amount and the obligations of one period never exceed it together; a floor never lowers one.
 */
import fc from 'fast-check';
import type { LimitedPaymentNode, LimitNode, MoneyNode, PerIncrementPaymentNode, Range, TieredPaymentNode, TierBandNode } from '../../src/language/ast';
import { calculate, type Calculation } from '../../src/evaluation/payments/calculation';
import { applyLimits, contractPeriodOf } from '../../src/evaluation/payments/limits';
import { ContractCalendar, dayNumber, fromDayNumber, parseIsoDate } from '../../src/time/periods';
import { Dec } from '../../src/values/money';
import { runs, SEED } from '../support/clause-arbitraries';

const R: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
const usd = (amount: string): MoneyNode => ({ kind: 'money', amount, currency: 'USD', text: `$${amount}`, range: R });
const cents = (n: number): Dec => new Dec(n).dividedBy(100);

/** Contiguous bands from 0: boundaries in cents, rates in hundredths of a percent. */
const tiers: fc.Arbitrary<TieredPaymentNode> = fc
  .tuple(fc.uniqueArray(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 4 }), fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 5, maxLength: 5 }))
  .map(([bounds, rates]) => {
    const tops = [...bounds].sort((a, b) => a - b);
    const bands: TierBandNode[] = tops.map((top, i) => ({
      kind: 'tier-band',
      percent: new Dec(rates[i]).dividedBy(100).toFixed(),
      basis: 'net',
      quantifier: null,
      lower: null,
      from: null,
      upper: 'up to',
      to: usd(cents(top).toFixed()),
      range: R,
    }));
    bands.push({ kind: 'tier-band', percent: new Dec(rates[tops.length]).dividedBy(100).toFixed(), basis: 'net', quantifier: null, lower: 'above', from: null, upper: null, to: null, range: R });
    return { kind: 'tiered', intro: null, bands, method: 'marginal', range: R };
  });

/** The exact (unrounded) amount of a marginal calculation: the sum of its bands' shares. */
function exactMarginal(c: Calculation): Dec {
  if (c.kind !== 'tiered' || c.method !== 'marginal') throw new Error('not marginal tiers');
  return c.bands.reduce((sum, b) => sum.plus(b.amount), new Dec(0));
}

test('marginal tiers are continuous in the base: |f(b + d) − f(b)| ≤ highest rate × d', () => {
  fc.assert(
    fc.property(tiers, fc.integer({ min: 0, max: 12_000_000 }), fc.integer({ min: 0, max: 300_000 }), (payment, base, d) => {
      const top = payment.bands.reduce((m, b) => Dec.max(m, new Dec(b.percent).dividedBy(100)), new Dec(0));
      const f1 = exactMarginal(calculate(payment, cents(base), null, 'USD').calculation);
      const f2 = exactMarginal(calculate(payment, cents(base + d), null, 'USD').calculation);
      expect(f2.minus(f1).abs().lessThanOrEqualTo(top.times(cents(d)))).toBe(true);
      expect(f2.greaterThanOrEqualTo(f1)).toBe(true);
    }),
    { seed: SEED, numRuns: runs(300) },
  );
});

test('marginal tiers at a boundary: the amount from just below and at the boundary differ by the lower rate times the step', () => {
  fc.assert(
    fc.property(tiers, (payment) => {
      const first = new Dec((payment.bands[0].to as MoneyNode).amount);
      const at = exactMarginal(calculate(payment, first, null, 'USD').calculation);
      const below = exactMarginal(calculate(payment, first.minus('0.01'), null, 'USD').calculation);
      expect(at.minus(below).equals(new Dec(payment.bands[0].percent).dividedBy(100).times('0.01'))).toBe(true);
    }),
    { seed: SEED, numRuns: runs(200) },
  );
});

const perIncrement = fc
  .record({ per: fc.integer({ min: 1, max: 1_000_000 }), size: fc.integer({ min: 1, max: 50_000_000 }), threshold: fc.option(fc.integer({ min: 0, max: 50_000_000 })), proRata: fc.boolean() })
  .map(
    ({ per, size, threshold, proRata }): PerIncrementPaymentNode => ({
      kind: 'per-increment',
      noun: 'bonus',
      amount: usd(cents(per).toFixed()),
      full: false,
      increment: usd(cents(size).toFixed()),
      basis: 'net',
      comparator: threshold === null ? null : 'above',
      threshold: threshold === null ? null : usd(cents(threshold).toFixed()),
      proRata,
      range: R,
    }),
  );

test('an amount per increment is monotone in the base, and whole increments pay exactly the increments completed', () => {
  fc.assert(
    fc.property(perIncrement, fc.integer({ min: -1_000_000, max: 200_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (payment, base, d) => {
      const threshold = payment.threshold ? new Dec(payment.threshold.amount) : null;
      const a = calculate(payment, cents(base), threshold, 'USD');
      const b = calculate(payment, cents(base + d), threshold, 'USD');
      expect(b.amount.greaterThanOrEqualTo(a.amount)).toBe(true);
      expect(a.amount.isNegative()).toBe(false);
      if (!payment.proRata) {
        // Whole increments only: never an increment the excess has not completed, never one it has completed left out.
        const paid = a.amount.dividedBy(payment.amount.amount);
        const excess = Dec.max(cents(base).minus(threshold ?? 0), 0);
        expect(paid.isInteger()).toBe(true);
        expect(paid.times(payment.increment.amount).lessThanOrEqualTo(excess)).toBe(true);
        expect(paid.plus(1).times(payment.increment.amount).greaterThan(excess)).toBe(true);
      }
    }),
    { seed: SEED, numRuns: runs(300) },
  );
});

test('a rate on the excess is never negative and never falls as the base grows', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: -100_000_000, max: 200_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (rate, threshold, base, d) => {
      const payment = { kind: 'rate-on-excess' as const, intro: null, percent: new Dec(rate).dividedBy(100).toFixed(), basis: 'net' as const, comparator: 'above' as const, threshold: usd(cents(threshold).toFixed()), range: R };
      const a = calculate(payment, cents(base), cents(threshold), 'USD');
      const b = calculate(payment, cents(base + d), cents(threshold), 'USD');
      expect(a.amount.isNegative()).toBe(false);
      expect(b.amount.greaterThanOrEqualTo(a.amount)).toBe(true);
    }),
    { seed: SEED, numRuns: runs(300) },
  );
});

const calendar = new ContractCalendar(parseIsoDate('2026-01-31')!);
const unitArb = fc.constantFrom('payment' as const, 'month' as const, 'quarter' as const, 'year' as const);

test('a cap never raises an amount, a floor never lowers one, and the obligations of one period stay within the cap together', () => {
  fc.assert(
    fc.property(
      unitArb,
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.option(fc.integer({ min: 0, max: 1_000_000 })),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 1000 })), { minLength: 1, maxLength: 12 }),
      (per, capCents, floorCents, rows) => {
        const cap: LimitNode = { kind: 'limit', written: 'not to exceed', amount: usd(cents(capCents).toFixed()), per, perWritten: per === 'payment' ? null : 'in any', range: R };
        const floor: LimitNode | null = floorCents === null ? null : { kind: 'limit', written: 'with a minimum of', amount: usd(cents(floorCents).toFixed()), per: 'payment', perWritten: null, range: R };
        const payment: LimitedPaymentNode = { kind: 'limited', payment: { kind: 'rate', percent: '1', basis: null, range: R }, cap, floor, range: R };
        const inputs = rows.map(([amount, day]) => ({ amount: cents(amount), currency: 'USD', triggered: fromDayNumber(calendar.effectiveDay + day), payment }));
        const out = applyLimits(inputs, calendar);
        const perPeriod = new Map<number, Dec>();
        out.forEach((o, i) => {
          const input = inputs[i].amount;
          const raised = floor ? Dec.max(input, floor.amount.amount) : input;
          expect(o.amount!.lessThanOrEqualTo(raised)).toBe(true); // the cap never raises
          if (floor === null) expect(o.amount!.lessThanOrEqualTo(input)).toBe(true);
          expect(o.amount!.isNegative()).toBe(false);
          if (per === 'payment') expect(o.amount!.lessThanOrEqualTo(cap.amount.amount)).toBe(true);
          else {
            const n = contractPeriodOf(calendar, per, inputs[i].triggered).n;
            perPeriod.set(n, (perPeriod.get(n) ?? new Dec(0)).plus(o.amount!));
          }
        });
        for (const total of perPeriod.values()) expect(total.lessThanOrEqualTo(cap.amount.amount)).toBe(true);
      },
    ),
    { seed: SEED, numRuns: runs(300) },
  );
});

test('the contract period of a day holds the day (corresponding-day rule from a 31st)', () => {
  fc.assert(
    fc.property(fc.constantFrom('month' as const, 'quarter' as const, 'year' as const), fc.integer({ min: 0, max: 4000 }), (unit, offset) => {
      const day = fromDayNumber(calendar.effectiveDay + offset);
      const { n, first, last } = contractPeriodOf(calendar, unit, day);
      expect(dayNumber(first)).toBeLessThanOrEqual(dayNumber(day));
      expect(dayNumber(last)).toBeGreaterThanOrEqual(dayNumber(day));
      expect(calendar.period(unit, n)).toEqual({ first, last });
    }),
    { seed: SEED, numRuns: runs(300) },
  );
});
