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

export class ZoneClock {
  readonly zone: string;
  private readonly iana: IANAZone;
  private readonly midnights = new Map<number, number>();
  private readonly offsets = new Map<number, number>();
  private readonly localHours = new Map<number, number>();

  constructor(zone: string) {
    this.zone = zone;
    this.iana = IANAZone.create(zone);
  }

  /** The instant a local day (days since 1970-01-01) starts; the first existing moment if midnight is skipped. */
  midnight(day: number): number {
    let t = this.midnights.get(day);
    if (t === undefined) {
      const d = fromDayNumber(day);
      t = DateTime.fromObject({ year: d.year, month: d.month, day: d.day }, { zone: this.zone }).startOf('day').toMillis();
      this.midnights.set(day, t);
    }
    return t;
  }

  /** The local day holding instant `t`. */
  dayOf(t: number): number {
    const bucket = Math.floor(t / HOUR);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      offset = this.iana.offset(bucket * HOUR);
      this.offsets.set(bucket, offset);
    }
    let day = Math.floor((t + offset * 60_000) / DAY);
    // The hour's offset may differ from the instant's near a transition: settle on the exact day.
    while (t < this.midnight(day)) day--;
    while (t >= this.midnight(day + 1)) day++;
    return day;
  }

  /**
   * The instant of a local wall-clock time. A time skipped by a DST change is moved forward by the
   * gap and a repeated time takes the earlier offset (luxon's rules). Hours whose offset is constant
   * are cached; an hour containing a change (e.g. Lord Howe's half-hour shift) goes to luxon.
   */
  localTime(day: number, hour: number, minute: number, second: number, ms: number): number {
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
