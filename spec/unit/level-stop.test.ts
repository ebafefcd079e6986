/**
 * Laws of a rate owed per period until a running total reaches a level (src/evaluation/payments/level-stop.ts): with
 * sales only (no refunds) and every period over, the bases owed for add up to the smaller of the level and the total
 * sold, whatever the periods and wherever the level falls (inside a sale, at its end, or not at all); no amount is
 * negative; nothing is owed for a period that begins after the level is reached; and raising the level never lowers
 * what is owed.
 */
import fc from 'fast-check';
import { levelStopObligations, seriesTotal, settleLevelStop, type LevelPeriod } from '../../src/evaluation/payments/level-stop';
import { DEFINITION_PARTIES, milestoneParties, type ObligationParties } from '../../src/evaluation/parties';
import { validate } from '../../src/language/check';
import type { LevelStopNode } from '../../src/language/ast';
import { DaySeries } from '../../src/evaluation/day-series';
import { Dec } from '../../src/values/money';
import { SCALE } from '../../src/values/quantity';
import { runs, SEED } from '../support/clause-arbitraries';

const common = { clause: 1, label: null, payer: null, payee: null, direction: 'from-performer' as const };

/** Periods of `length` days over `days` days, each already over on the as-of date (the last day). */
function periods(days: number, length: number): LevelPeriod[] {
  const out: LevelPeriod[] = [];
  for (let from = 0, n = 1; from < days; from += length, n++) {
    const to = Math.min(days, from + length);
    out.push({ window: { period: n, startDay: from, endDay: to, windowStart: `day ${from}`, deadline: `day ${to - 1}`, cumulative: false, explanation: '' }, from, to });
  }
  return out;
}

/** Each day's sales in cents; the level in cents; a rate of 100% so that each amount is its base exactly. */
function owe(days: number[], length: number, levelCents: number) {
  const series = new DaySeries(days.length);
  days.forEach((c, i) => series.add(i, c * (SCALE / 100)));
  let running = 0;
  const crossingIndex = days.findIndex((c) => (running += c) >= levelCents);
  return levelStopObligations({
    percent: '100',
    level: new Dec(levelCents).dividedBy(100),
    periodTotal: (p) => seriesTotal(series, p.from, p.to),
    periods: periods(days.length, length),
    crossingIndex: crossingIndex < 0 ? null : crossingIndex,
    asOfDay: days.length,
    currency: 'USD',
    common,
    name: 'milestone 1',
  });
}

const sales = fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 60 });
const level = fc.integer({ min: 1, max: 100_000_000 });
const length = fc.integer({ min: 1, max: 20 });
const total = (r: ReturnType<typeof owe>): Dec => r.obligations.reduce((s, o) => s.plus(o.amount ?? 0), new Dec(0));

test('the amounts owed add up to the smaller of the level and the total sold, and none is negative', () => {
  fc.assert(
    fc.property(sales, length, level, (days, len, cents) => {
      const r = owe(days, len, cents);
      const sold = days.reduce((a, b) => a + b, 0);
      expect(total(r).toFixed(2)).toBe(new Dec(Math.min(cents, sold)).dividedBy(100).toFixed(2));
      for (const o of r.obligations) expect(new Dec(o.amount ?? 0).isNegative()).toBe(false);
    }),
    { seed: SEED, numRuns: runs(300) },
  );
});

test('nothing is owed for a period that begins after the day the level is reached', () => {
  fc.assert(
    fc.property(sales, length, level, (days, len, cents) => {
      let running = 0;
      const crossing = days.findIndex((c) => (running += c) >= cents);
      const r = owe(days, len, cents);
      if (crossing < 0) return;
      for (const o of r.obligations) expect(((o.period as number) - 1) * len).toBeLessThanOrEqual(crossing);
    }),
    { seed: SEED, numRuns: runs(300) },
  );
});

test('raising the level never lowers what is owed', () => {
  fc.assert(
    fc.property(sales, length, level, fc.integer({ min: 0, max: 10_000_000 }), (days, len, cents, more) => {
      expect(total(owe(days, len, cents + more)).greaterThanOrEqualTo(total(owe(days, len, cents)))).toBe(true);
    }),
    { seed: SEED, numRuns: runs(200) },
  );
});

test("a level stop's parties are a payment definition's, from the one rule in parties.ts, whether or not the caller found them", () => {
  const clause = validate(
    '"Net Sales Payment" means, for any calendar quarter, an amount equal to ten percent (10%) of Net Sales during such calendar quarter; provided that the Net Sales Payment for the calendar quarter during which cumulative Net Sales reach $1,000,000 shall be prorated to apply only to Net Sales during the period up to the time that such cumulative amount is achieved, and no Net Sales Payment shall accrue thereafter.',
  ).ast?.clauses[0];
  if (!clause) throw new Error('the definition does not parse');
  expect(milestoneParties(clause, clause.milestones[0])).toEqual(DEFINITION_PARTIES);
  const series = new DaySeries(10);
  series.add(2, 2_000_000 * SCALE);
  const settle = (parties: ObligationParties | null) =>
    settleLevelStop({
      stop: clause.definition?.stop as LevelStopNode,
      paymentName: 'Net Sales Payment',
      percent: '10',
      level: new Dec(1_000_000),
      periodTotal: (p) => seriesTotal(series, p.from, p.to),
      periods: periods(10, 5),
      crossingIndex: 2,
      asOfDay: 10,
      currency: 'USD',
      clause: 1,
      label: null,
      parties,
      name: 'milestone 1',
      instName: 'milestone 1',
    }).obligations.map((o) => [o.payer, o.payee, o.direction]);
  expect(settle(null)).toEqual([[null, null, 'from-performer']]);
  expect(settle(null)).toEqual(settle(DEFINITION_PARTIES));
});
