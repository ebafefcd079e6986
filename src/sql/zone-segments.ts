/**
 * The UTC offsets of a zone over a span of local days, as segments of instants, so that a query can
 * find the local day of an instant with integer arithmetic (`floor((ms + offset) / day)`) instead of
 * a time-zone conversion per row. The segments come from the in-memory engine's own clock
 * (ZoneClock, luxon), so the SQL path and `evaluate` share one time-zone database, and they are
 * checked against its local midnights: if any local day's start disagrees (a zone whose clocks
 * jump across midnight), there are no segments and the query converts each row with `AT TIME ZONE`.
 */
import { IANAZone } from 'luxon';
import { ZoneClock } from '../time/zone-clock';

const DAY = 86_400_000;
const PROBE = 15 * 60_000;
/** Longer spans (over ~55 years) are converted per row: the segments would cost more than they save. */
const MAX_DAYS = 20_000;

export interface ZoneSegments {
  /** Instants `[lo, hi)` the segments cover: the local days `fromDay` … `toDay`. */
  lo: number;
  hi: number;
  /** Segment k starts at `starts[k]` (the first is `lo`) and has the offset `offsets[k]`, in milliseconds. */
  starts: number[];
  offsets: number[];
}

function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

export function zoneSegments(zone: string, fromDay: number, toDay: number): ZoneSegments | null {
  if (toDay < fromDay || toDay - fromDay > MAX_DAYS) return null;
  const clock = ZoneClock.shared(zone);
  const iana = IANAZone.create(zone);
  const offset = (ms: number): number => Math.round(iana.offset(ms) * 60_000);
  const lo = clock.midnight(fromDay);
  const hi = clock.midnight(toDay + 1);
  const starts = [lo];
  const offsets = [offset(lo)];
  for (let day = fromDay; day <= toDay; day++) {
    const a = clock.midnight(day);
    const b = clock.midnight(day + 1);
    // A day of 24 hours with one offset at both ends has no change inside it (ZoneClock's regular day).
    if (b - a === DAY && offset(a) === offset(b - 1)) continue;
    for (let p = a; p < b; p += PROBE) {
      const q = Math.min(p + PROBE, b) - 1;
      if (offset(q) === offsets[offsets.length - 1]) continue;
      // The first millisecond with the new offset.
      let low = Math.max(p, starts[starts.length - 1]);
      let high = q;
      while (low < high) {
        const mid = low + Math.floor((high - low) / 2);
        if (offset(mid) === offsets[offsets.length - 1]) low = mid + 1;
        else high = mid;
      }
      starts.push(low);
      offsets.push(offset(low));
    }
  }
  const segments = { lo, hi, starts, offsets };
  // The arithmetic must give ZoneClock's day on both sides of every local midnight and every change.
  const dayAt = (ms: number): number => {
    let k = 0;
    while (k + 1 < starts.length && ms >= starts[k + 1]) k++;
    return floorDiv(ms + offsets[k], DAY);
  };
  for (let day = fromDay; day <= toDay + 1; day++) {
    const m = clock.midnight(day);
    if ((m < hi && dayAt(m) !== day) || (m - 1 >= lo && dayAt(m - 1) !== day - 1)) return null;
  }
  for (const s of starts) {
    if (dayAt(s) !== clock.dayOf(s) || (s - 1 >= lo && dayAt(s - 1) !== clock.dayOf(s - 1))) return null;
  }
  return segments;
}
