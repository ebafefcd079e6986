/**
 * Laws of tiers on a running total (src/evaluation/payments/accrual.ts): owed day by day, the amounts
 * add up to the tiered amount on the final total when no refund lowers it, and in general to the
 * highest amount the running total ever reached (nothing is owed back without a clawback); no day
 * owes a negative amount.
 */
import fc from 'fast-check';
import type { MeasureNode, MoneyNode, Range, TieredPaymentNode, TierBandNode } from '../../src/language/ast';
import { accrue } from '../../src/evaluation/payments/accrual';
import { calculate } from '../../src/evaluation/payments/calculation';
import { DaySeries } from '../../src/evaluation/day-series';
import { Dec } from '../../src/values/money';
import { SCALE } from '../../src/values/quantity';
import { runs, SEED } from '../support/clause-arbitraries';

const R: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
const usd = (amount: string): MoneyNode => ({ kind: 'money', amount, currency: 'USD', text: `$${amount}`, range: R });
const cents = (n: number): Dec => new Dec(n).dividedBy(100);
const measure: MeasureNode = { kind: 'measure', term: 'Net Sales', basis: 'net', determiner: null, window: null, range: R };

/** "r1% of the first $X of Net Sales, …, and rN% of all additional Net Sales": boundaries in cents, rates in hundredths of a percent. */
const tiers: fc.Arbitrary<TieredPaymentNode> = fc
  .tuple(fc.uniqueArray(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 3 }), fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 4, maxLength: 4 }))
  .map(([bounds, rates]) => {
    const tops = [...bounds].sort((a, b) => a - b);
    const bands: TierBandNode[] = tops.map((top, i) => ({
      kind: 'tier-band', percent: new Dec(rates[i]).dividedBy(100).toFixed(), basis: 'net', quantifier: i === 0 ? 'first' : null, lower: null, from: null,
      upper: i === 0 ? 'first' : 'up to', to: usd(cents(top).toFixed()), measure, range: R,
    }));
    bands.push({ kind: 'tier-band', percent: new Dec(rates[tops.length]).dividedBy(100).toFixed(), basis: 'net', quantifier: 'additional', lower: null, from: null, upper: null, to: null, measure, range: R });
    return { kind: 'tiered', intro: null, bands, method: null, measure, range: R };
  });

/** Each day's net sales in cents (0: no row that day). */
function run(payment: TieredPaymentNode, days: number[]) {
  const series = new DaySeries(days.length);
  const rowsPerDay = new Float64Array(days.length);
  days.forEach((c, i) => {
    if (c === 0) return;
    series.add(i, c * (SCALE / 100));
    rowsPerDay[i] = 1;
  });
  const rows = new Map(days.map((_, i) => [i, [{ id: `R${i}`, row: i + 1, day: i, time: 0 } as never]]));
  return accrue({
    payment, series, rowsPerDay, from: 0, to: days.length, effectiveDay: 20454, rowsByDay: rows, currency: 'USD',
    common: { clause: 1, label: null, period: null, payer: null, payee: null, direction: 'to-performer' },
  });
}

const amountOn = (payment: TieredPaymentNode, centsTotal: number): Dec => calculate(payment, cents(Math.max(centsTotal, 0)), null, 'USD').amount;

test('with sales only, the amounts owed day by day add up to the tiered amount on the final total, each one positive', () => {
  fc.assert(
    fc.property(tiers, fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 20 }), (payment, days) => {
      const { obligations, lowered } = run(payment, days);
      const sum = obligations.reduce((s, o) => s.plus(o.amount as string), new Dec(0));
      expect(sum.equals(amountOn(payment, days.reduce((a, b) => a + b, 0)))).toBe(true);
      for (const o of obligations) expect(new Dec(o.amount as string).greaterThan(0)).toBe(true);
      expect(lowered).toEqual([]);
    }),
    { seed: SEED, numRuns: runs(300) },
  );
});

test('with refunds, the amounts owed add up to the highest amount the running total reached, and none is negative', () => {
  fc.assert(
    fc.property(tiers, fc.array(fc.integer({ min: -3_000_000, max: 5_000_000 }), { minLength: 1, maxLength: 20 }), (payment, days) => {
      const { obligations } = run(payment, days);
      let total = 0;
      let highest = new Dec(0);
      for (const c of days) {
        total += c;
        highest = Dec.max(highest, amountOn(payment, total));
      }
      const sum = obligations.reduce((s, o) => s.plus(o.amount as string), new Dec(0));
      expect(sum.equals(highest)).toBe(true);
      for (const o of obligations) expect(new Dec(o.amount as string).greaterThan(0)).toBe(true);
    }),
    { seed: SEED, numRuns: runs(300) },
  );
});
