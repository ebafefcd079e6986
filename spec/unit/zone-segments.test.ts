/**
 * Zone segments: the local day of any instant they cover, found by `floor((ms + offset) / day)`,
 * is ZoneClock's day (the in-memory engine's), in zones with DST, half-hour changes and changes at
 * midnight; a skipped day has no segments (rows are then converted one by one).
 */
import fc from 'fast-check';
import { zoneSegments } from '../../src/sql/zone-segments';
import { ZoneClock } from '../../src/time/zone-clock';
import { runs, SEED } from '../support/clause-arbitraries';

const DAY = 86_400_000;
const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY;

const SPANS: Array<[string, string, string]> = [
  ['America/New_York', '2025-12-01', '2027-02-01'],
  ['Australia/Lord_Howe', '2026-01-01', '2027-01-01'],
  ['America/Santiago', '2025-06-01', '2026-12-31'],
  ['Pacific/Chatham', '2026-01-01', '2026-12-31'],
  ['Asia/Kolkata', '2026-01-01', '2026-03-01'],
  ['Europe/London', '1968-01-01', '1972-12-31'],
];

describe('zoneSegments', () => {
  it.each(SPANS)('%s from %s to %s: the arithmetic gives ZoneClock’s day for every instant covered', (zone, from, to) => {
    const segments = zoneSegments(zone, dayOf(from), dayOf(to));
    expect(segments).not.toBeNull();
    if (segments === null) return;
    const clock = ZoneClock.shared(zone);
    const dayAt = (ms: number): number => {
      let k = 0;
      while (k + 1 < segments.starts.length && ms >= segments.starts[k + 1]) k++;
      return Math.floor((ms + segments.offsets[k]) / DAY);
    };
    // Every change and its neighbours, and random instants.
    for (const s of segments.starts) for (const ms of [s - 1, s, s + 1]) if (ms >= segments.lo && ms < segments.hi) expect(dayAt(ms)).toBe(clock.dayOf(ms));
    fc.assert(
      fc.property(fc.integer({ min: segments.lo, max: segments.hi - 1 }), (ms) => dayAt(ms) === clock.dayOf(ms)),
      { seed: SEED, numRuns: runs(2000) },
    );
  });

  it('a skipped local day (Samoa, 2011-12-30) cannot be found by arithmetic: no segments, so rows are converted one by one', () => {
    expect(zoneSegments('Pacific/Apia', dayOf('2011-11-01'), dayOf('2012-01-31'))).toBeNull();
    expect(zoneSegments('Pacific/Apia', dayOf('2012-01-01'), dayOf('2012-03-31'))).not.toBeNull();
  });

  it('a zone with DST has its changes as segments; a span too long has none', () => {
    const ny = zoneSegments('America/New_York', dayOf('2026-01-01'), dayOf('2026-12-31'));
    expect(ny?.starts.length).toBe(3);
    expect(ny?.offsets).toEqual([-5 * 3_600_000, -4 * 3_600_000, -5 * 3_600_000]);
    expect(zoneSegments('UTC', dayOf('1900-01-01'), dayOf('2100-01-01'))).toBeNull();
  });
});
