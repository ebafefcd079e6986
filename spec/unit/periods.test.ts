import type { Range, WindowNode } from '../../src/language/ast';
import fc from 'fast-check';
import {
  addMonthsCorresponding,
  civilDay,
  daysInMonth,
  ContractCalendar,
  formatIsoDate,
  localDayStart,
  parseIsoDate,
  resolveContext,
  windowInstances,
} from '../../src/time/periods';

const R: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
const d = (s: string) => {
  const p = parseIsoDate(s);
  if (!p) throw new Error(`bad test date ${s}`);
  return p;
};
const cal = (e: string) => new ContractCalendar(d(e));
const period = (e: string, unit: 'month' | 'quarter' | 'year', n: number) => {
  const p = cal(e).period(unit, n);
  return [formatIsoDate(p.first), formatIsoDate(p.last)];
};
const one = (w: Parameters<typeof windowInstances>[0], e: string, asOf = '2030-01-01') => {
  const list = windowInstances(w, cal(e), d(asOf));
  expect(list).toHaveLength(1);
  return list[0];
};

describe('parseIsoDate', () => {
  it('rejects impossible and malformed dates', () => {
    expect(parseIsoDate('2026-02-30')).toBeNull();
    expect(parseIsoDate('2026-13-01')).toBeNull();
    expect(parseIsoDate('2025-02-29')).toBeNull();
    expect(parseIsoDate('2026-1-5')).toBeNull();
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
});

describe('calendar arithmetic', () => {
  it('counts days like Date.UTC and months like the calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1600, max: 2400 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, day) => {
        fc.pre(day <= new Date(Date.UTC(y, m, 0)).getUTCDate());
        expect(civilDay(y, m, day)).toBe(Date.UTC(y, m - 1, day) / 86_400_000);
        expect(daysInMonth(y, m)).toBe(new Date(Date.UTC(y, m, 0)).getUTCDate());
      }),
      { numRuns: 1000 },
    );
  });
});

describe('corresponding-day rule', () => {
  it.each([
    ['2026-01-31', 1, '2026-03-01'],
    ['2026-01-31', 2, '2026-03-31'],
    ['2026-01-31', 3, '2026-05-01'],
    ['2026-01-30', 1, '2026-03-01'],
    ['2026-01-30', 2, '2026-03-30'],
    ['2026-01-29', 1, '2026-03-01'],
    ['2024-01-29', 1, '2024-02-29'],
    ['2024-01-30', 1, '2024-03-01'],
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-12-31', 2, '2027-03-01'],
    ['2026-11-30', 3, '2027-03-01'],
    ['2026-03-31', 12, '2027-03-31'],
    ['2024-02-29', 12, '2025-03-01'],
  ])('E=%s + %i months = %s', (e, n, expected) => {
    expect(formatIsoDate(addMonthsCorresponding(d(e), n))).toBe(expected);
  });

  it('gives the issue example: E=2026-01-31, month 1 is Jan 31 - Feb 28, month 2 is Mar 1 - Mar 30', () => {
    expect(period('2026-01-31', 'month', 1)).toEqual(['2026-01-31', '2026-02-28']);
    expect(period('2026-01-31', 'month', 2)).toEqual(['2026-03-01', '2026-03-30']);
    expect(period('2026-01-31', 'month', 3)).toEqual(['2026-03-31', '2026-04-30']);
  });

  it('computes every boundary from E, never by chaining (month 3 after a short February is back on the 31st)', () => {
    expect(formatIsoDate(cal('2026-01-31').boundary(2))).toBe('2026-03-31');
  });

  it('builds quarters and years from months', () => {
    expect(period('2026-01-31', 'quarter', 1)).toEqual(['2026-01-31', '2026-04-30']);
    expect(period('2026-01-01', 'quarter', 2)).toEqual(['2026-04-01', '2026-06-30']);
    expect(period('2026-02-15', 'year', 1)).toEqual(['2026-02-15', '2027-02-14']);
    expect(period('2026-01-30', 'month', 2)).toEqual(['2026-03-01', '2026-03-29']);
  });

  it('describes a period for the notes', () => {
    expect(cal('2026-01-31').describePeriod('month', 1)).toBe('month 1 is 2026-01-31 to 2026-02-28');
  });
});

describe('windowInstances', () => {
  it('end-of-period is cumulative from E to B(N)', () => {
    const w = one({ kind: 'end-of-period', unit: 'month', n: 2, written: 'ordinal', range: R }, '2026-01-31');
    expect([w.windowStart, w.deadline, w.cumulative]).toEqual(['2026-01-31', '2026-03-30', true]);
    expect(w.explanation).toContain('1st of the next month');
    const q = one({ kind: 'end-of-period', unit: 'quarter', n: 1, written: 'the', range: R }, '2026-01-01');
    expect([q.windowStart, q.deadline]).toEqual(['2026-01-01', '2026-03-31']);
  });

  it('within 90 days of E=2026-01-01 includes April 1', () => {
    const w = one({ kind: 'within', n: 90, unit: 'day', relation: 'of', range: R }, '2026-01-01');
    expect([w.windowStart, w.deadline]).toEqual(['2026-01-01', '2026-04-01']);
  });

  it('within N months ends at B(N)', () => {
    const w = one({ kind: 'within', n: 1, unit: 'month', relation: 'after', range: R }, '2026-01-31');
    expect(w.deadline).toBe('2026-02-28');
  });

  it('by a date includes that whole day', () => {
    const w = one({ kind: 'by-date', date: '2026-03-31', range: R }, '2026-01-15');
    expect([w.windowStart, w.deadline, w.endDay - w.startDay]).toEqual(['2026-01-15', '2026-03-31', 76]);
  });

  it('a date before the effective date gives an empty window with that deadline', () => {
    const w = one({ kind: 'by-date', date: '2025-12-31', range: R }, '2026-01-15');
    expect([w.windowStart, w.deadline, w.endDay <= w.startDay]).toEqual(['2026-01-15', '2025-12-31', true]);
    expect(w.explanation).toContain('before the effective date');
  });

  it('a period window covers that period alone', () => {
    const w = one({ kind: 'period', unit: 'quarter', n: 2, range: R }, '2026-01-31');
    expect([w.windowStart, w.deadline, w.cumulative]).toEqual(['2026-05-01', '2026-07-30', false]);
  });

  it('recurring has one instance per period started by the as-of date', () => {
    const w: WindowNode = { kind: 'recurring', unit: 'month', range: R };
    const list = windowInstances(w, cal('2026-01-31'), d('2026-03-31'));
    expect(list.map((i) => [i.period, i.windowStart, i.deadline])).toEqual([
      [1, '2026-01-31', '2026-02-28'],
      [2, '2026-03-01', '2026-03-30'],
      [3, '2026-03-31', '2026-04-30'],
    ]);
    expect(windowInstances(w, cal('2026-01-31'), d('2026-03-30'))).toHaveLength(2);
    // Before the first period has started there is still its (pending) instance.
    expect(windowInstances(w, cal('2026-01-31'), d('2026-01-01'))).toHaveLength(1);
  });
});

describe('local days', () => {
  it('starts a day at local midnight, also across DST', () => {
    expect(new Date(localDayStart(d('2026-03-08'), 'America/New_York')).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(new Date(localDayStart(d('2026-03-09'), 'America/New_York')).toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });
});

describe('resolveContext', () => {
  it('reports an unknown zone and impossible dates in words', () => {
    const zone = resolveContext({ effectiveDate: '2026-01-01', timeZone: 'Mars/Olympus' });
    expect(zone.ok === false && zone.message).toMatch(/unknown time zone 'Mars\/Olympus'/);
    const e = resolveContext({ effectiveDate: '2026-02-30' });
    expect(e.ok === false && e.message).toMatch(/not a real calendar date/);
    const a = resolveContext({ effectiveDate: '2026-02-01', asOf: '2026-04-31' });
    expect(a.ok === false && a.message).toMatch(/as-of date/);
  });

  it('defaults the zone to UTC and the as-of date to today in the zone', () => {
    // 2026-05-01T02:00Z is still April 30 in New York.
    const now = () => Date.parse('2026-05-01T02:00:00Z');
    const ny = resolveContext({ effectiveDate: '2026-01-01', timeZone: 'America/New_York' }, now);
    expect(ny.ok && formatIsoDate(ny.context.asOf)).toBe('2026-04-30');
    const utc = resolveContext({ effectiveDate: '2026-01-01' }, now);
    expect(utc.ok && [utc.context.zone, formatIsoDate(utc.context.asOf)]).toEqual(['UTC', '2026-05-01']);
  });
});
