/**
 * Escalating minimums ("shall increase by ten percent (10%) on every annual anniversary of the Effective Date"):
 * the laws the per-period minimum keeps, and figures computed by hand.
 */
import fc from 'fast-check';
import type { EscalationNode, Range } from '../../src/language/ast';
import { escalatedTarget } from '../../src/evaluation/escalation';
import { ContractCalendar, dayNumber, parseIsoDate } from '../../src/time/periods';
import { Dec } from '../../src/values/money';
import { toDec } from '../../src/values/quantity';
import { runs, SEED } from '../support/clause-arbitraries';

const RANGE: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
const raise = (percent: string): EscalationNode => ({ kind: 'escalation', subject: 'minimum purchase volume', percent, range: RANGE });
const day = (iso: string): number => dayNumber(parseIsoDate(iso)!);

describe('escalated minimums', () => {
  const calendar = new ContractCalendar(parseIsoDate('2026-01-31')!);

  test('by hand: 3,000 until the first anniversary, then 3,300, 3,630, 3,993, 4,392.3 (never rounded)', () => {
    const at = (iso: string): string => toDec(escalatedTarget(new Dec(3000), raise('10'), day(iso), calendar).target).toFixed();
    expect(at('2026-01-31')).toBe('3000');
    expect(at('2027-01-30')).toBe('3000');
    expect(at('2027-01-31')).toBe('3300');
    expect(at('2028-01-31')).toBe('3630');
    expect(at('2029-01-31')).toBe('3993');
    expect(at('2030-01-31')).toBe('4392.3');
  });

  test('the anniversary of February 28, 2027 in the leap year 2028 is February 28 (the corresponding day)', () => {
    const leap = new ContractCalendar(parseIsoDate('2027-02-28')!);
    const r = escalatedTarget(new Dec(100), raise('5'), day('2028-02-28'), leap);
    expect(r.anniversaries).toBe(1);
    expect(r.since).toBe('2028-02-28');
  });

  test('law: never below the minimum written, never lower for a later period, and exactly minimum × (1 + p)^k', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 500 }).map((n) => (n / 10).toString()),
        fc.integer({ min: 0, max: 3650 }),
        fc.integer({ min: 0, max: 3650 }),
        (base, percent, a, b) => {
          const start = calendar.effectiveDay;
          const [early, late] = [Math.min(a, b), Math.max(a, b)].map((d) => escalatedTarget(new Dec(base), raise(percent), start + d, calendar));
          const lo = toDec(early.target);
          const hi = toDec(late.target);
          expect(lo.greaterThanOrEqualTo(base)).toBe(true);
          expect(hi.greaterThanOrEqualTo(lo)).toBe(true);
          expect(late.anniversaries).toBeGreaterThanOrEqual(early.anniversaries);
          expect(hi.equals(new Dec(base).times(new Dec(1).plus(new Dec(percent).dividedBy(100)).pow(late.anniversaries)))).toBe(true);
        },
      ),
      { seed: SEED, numRuns: runs(300) },
    );
  });
});

describe('the note of a raised minimum', () => {
  const { validate } = jest.requireActual<typeof import('../../src/language/check')>('../../src/language/check');
  const { evaluate } = jest.requireActual<typeof import('../../src/evaluation/evaluate')>('../../src/evaluation/evaluate');
  const units = validate('Distributor shall purchase no less than 1,000 units in each year. The minimum purchase volume shall increase by ten percent (10%) on every annual anniversary of the Effective Date.').ast!;
  const options = { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2028-06-30' };

  test('a units minimum: 1,000 raised once to 1100, twice to 1210', () => {
    const report = evaluate(units, [], options);
    if (!report.ok) throw new Error('failed');
    expect(report.notes).toContain('milestone 1: the minimum of 2027-01-01 to 2027-12-31 is 1100: 1000 raised by 10% once, the last on the anniversary 2027-01-01');
    expect(report.notes).toContain('milestone 1: the minimum of 2028-01-01 to 2028-12-31 is 1210: 1000 raised by 10% 2 times, each on the minimum then in force, the last on the anniversary 2028-01-01');
  });

  test('a revenue minimum (an AST the text cannot write yet) has the same note: $1,234.57 raised once is 1358.027 USD, exact', () => {
    const m = units.clauses[0].milestones[0];
    const revenue = {
      ...units,
      clauses: [{ ...units.clauses[0], milestones: [{ ...m, target: { kind: 'revenue' as const, amount: { kind: 'money' as const, amount: '1234.57', currency: 'USD', text: '$1,234.57', range: RANGE }, basis: null, range: RANGE } }] }],
    };
    const report = evaluate(revenue, [{ id: 'S1', date: '2027-03-01', amount: '1358.03' }], options);
    if (!report.ok) throw new Error(JSON.stringify(report.errors));
    expect(report.milestones.map((r) => [r.windowStart, r.target, r.status])).toEqual([['2026-01-01', '1234.57', 'missed'], ['2027-01-01', '1358.027', 'met'], ['2028-01-01', '1493.8297', 'pending']]);
    expect(report.notes).toContain('milestone 1: the minimum of 2027-01-01 to 2027-12-31 is 1358.027 USD: $1,234.57 raised by 10% once, the last on the anniversary 2027-01-01');
  });
});
