/**
 * Fast, exact conversions between instants and local days of one IANA zone.
 *
 * Ledgers repeat the same days and hours millions of times, and asking luxon (Intl) for every row
 * would dominate the evaluation. Local midnights and hourly offsets are cached; a day guessed from
 * an offset is always checked against the exact midnights, so the cache can only make it faster.
 */
import { DateTime, IANAZone } from 'luxon';
import { fromDayNumber } from './periods';

const HOUR = 3_600_000;
const DAY = 86_400_000;


/** A number per day (days since 1970-01-01), in a flat array around the days seen (a Map beyond). */
class DayTable {
  private base = 0;
  private values = new Float64Array(0);
  private readonly far = new Map<number, number>();

  constructor(private readonly compute: (day: number) => number) {}

  get(day: number): number {
    const i = day - this.base;
    if (i >= 0 && i < this.values.length) {
      const v = this.values[i];
      if (!Number.isNaN(v)) return v;
      return (this.values[i] = this.compute(day));
    }
    const far = this.far.get(day);
    if (far !== undefined) return far;
    const v = this.compute(day);
    if (!this.cover(day)) this.far.set(day, v);
    else this.values[day - this.base] = v;
    return v;
  }

  /** Widens the array to hold `day` unless that would span more than ~27 years around it. */
  private cover(day: number): boolean {
    const from = this.values.length === 0 ? day - 366 : Math.min(this.base, day - 366);
    const to = this.values.length === 0 ? day + 366 : Math.max(this.base + this.values.length, day + 366);
    if (to - from > 10_000) return false;
    const next = new Float64Array(to - from).fill(Number.NaN);
    if (this.values.length > 0) next.set(this.values, this.base - from);
    this.base = from;
    this.values = next;
    return true;
  }
}

export class ZoneClock {
  readonly zone: string;
  private readonly iana: IANAZone;
  private readonly midnights: DayTable;
  private readonly localHours = new Map<number, number>();
  /**
   * 1 for a local day that runs 24 hours at one offset from its midnight (no transition inside
   * it), else 0: on such a day a wall-clock time is its midnight plus the time, exactly, with no
   * call to Intl (per-row luxon calls would cost more than the rest of date reading).
   */
  private readonly regularDays: DayTable;

  private static readonly byZone = new Map<string, ZoneClock>();

  /**
   * One clock per zone for the process: its caches depend on the zone alone, so a
   * portfolio of hundreds of contracts in a few zones fills them once per zone.
   */
  static shared(zone: string): ZoneClock {
    let clock = ZoneClock.byZone.get(zone);
    if (clock === undefined) {
      clock = new ZoneClock(zone);
      ZoneClock.byZone.set(zone, clock);
    }
    return clock;
  }

  constructor(zone: string) {
    this.zone = zone;
    this.iana = IANAZone.create(zone);
    this.regularDays = new DayTable((day) => {
      const start = this.midnight(day);
      return this.midnight(day + 1) - start === DAY && (day * DAY - start) / 60_000 === this.iana.offset(start) ? 1 : 0;
    });
    this.midnights = new DayTable((day) => {
      const d = fromDayNumber(day);
      return DateTime.fromObject({ year: d.year, month: d.month, day: d.day }, { zone: this.zone }).startOf('day').toMillis();
    });
  }

  /** Whether local day `day` runs 24 hours at one offset (no daylight-saving change inside it). */
  isRegularDay(day: number): boolean {
    return this.regularDays.get(day) === 1;
  }

  /** The instant a local day (days since 1970-01-01) starts; the first existing moment if midnight is skipped. */
  midnight(day: number): number {
    return this.midnights.get(day);
  }

  /**
   * The local day holding instant `t`: UTC offsets are within ±14 h, so it is the UTC day or a
   * neighbour, settled against the exact local midnights.
   */
  dayOf(t: number): number {
    let day = Math.floor(t / DAY);
    while (t < this.midnights.get(day)) day--;
    while (t >= this.midnights.get(day + 1)) day++;
    return day;
  }

  /**
   * The instant of a local wall-clock time, exactly as luxon reads it: a time skipped by a DST
   * change is moved forward by the gap; a time repeated when clocks go back is read in standard
   * time (its second occurrence, e.g. 01:30 on 2026-11-01 in New York is 06:30Z). Hours whose
   * offset is constant are cached; an hour containing a change (Lord Howe's half-hour shift) goes
   * to luxon.
   */
  localTime(day: number, hour: number, minute: number, second: number, ms: number): number {
    if (this.regularDays.get(day) === 1) {
      this.lastShift = 0;
      return this.midnight(day) + hour * HOUR + minute * 60_000 + second * 1000 + ms;
    }
    const t = this.irregularLocalTime(day, hour, minute, second, ms);
    this.lastShift = this.shiftOf(day * DAY + hour * HOUR + minute * 60_000 + second * 1000 + ms, t);
    return t;
  }

  /**
   * What the last `localTime` did to its wall-clock time: 0 read as written (one instant has it), 1 skipped by a change
   * (clocks went forward over it) and moved forward by the gap, 2 repeated (clocks went back over it) and read as its
   * later occurrence, in the offset after the change; `otherTime` is then the earlier occurrence.
   */
  lastShift: 0 | 1 | 2 = 0;
  otherTime = 0;

  /** `wall`: the wall-clock time as if it were UTC; `t`: the instant read for it. */
  private shiftOf(wall: number, t: number): 0 | 1 | 2 {
    const offset = this.iana.offset(t);
    if (t + offset * 60_000 !== wall) return 1;
    const day = Math.floor(wall / DAY);
    for (const other of [this.iana.offset(this.midnight(day)), this.iana.offset(this.midnight(day + 1) - 1)]) {
      if (other === offset) continue;
      const u = wall - other * 60_000;
      if (this.iana.offset(u) === other) {
        this.otherTime = u;
        return 2;
      }
    }
    return 0;
  }

  private irregularLocalTime(day: number, hour: number, minute: number, second: number, ms: number): number {
    const key = day * 24 + hour;
    let t = this.localHours.get(key);
    if (t === undefined) {
      const d = fromDayNumber(day);
      const start = DateTime.fromObject({ year: d.year, month: d.month, day: d.day, hour }, { zone: this.zone });
      const at = start.toMillis();
      const regular = start.hour === hour && start.minute === 0 && this.iana.offset(at) === this.iana.offset(at + HOUR - 1);
      t = regular ? at : Number.NaN;
      this.localHours.set(key, t);
    }
    if (!Number.isNaN(t)) return t + minute * 60_000 + second * 1000 + ms;
    const d = fromDayNumber(day);
    return DateTime.fromObject({ year: d.year, month: d.month, day: d.day, hour, minute, second, millisecond: ms }, { zone: this.zone }).toMillis();
  }
}
