/**
 * Reading the date cells of a ledger in the contract's zone: plain dates, and date-times with or
 * without an offset.
 */
import { civilDay, daysInMonth } from './periods';
import type { ZoneClock } from './zone-clock';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Result of reading a date cell: the instant and local day, or what is wrong. */
export type DateReading = { ok: true; time: number; day: number } | DateProblem;
export type DateProblem = { ok: false; code: 'impossible-date' | 'invalid-date'; message: string };

const DAY_MS = 86_400_000;

/**
 * Reads date cells for one zone. `YYYY-MM-DD` is the start of that local day; a date-time with an
 * offset or `Z` is that instant; one without is local wall-clock time in the zone.
 */
export class DateReader {
  readonly clock: ZoneClock;
  /** Set by a successful `parse`: the instant (epoch ms) and the local day (days since 1970-01-01). */
  time = 0;
  day = 0;
  /** Plain dates read so far: `plainDateKey` of the text → its day. */
  private readonly dateOnly = new Map<number, number>();

  constructor(clock: ZoneClock) {
    this.clock = clock;
  }

  private static readonly byClock = new WeakMap<ZoneClock, DateReader>();

  /**
   * One reader per clock: its cache of plain dates depends on the zone alone, so the hundreds of
   * evaluations of a portfolio share it. `time`/`day` are read right after `parse`.
   */
  static shared(clock: ZoneClock): DateReader {
    let reader = DateReader.byClock.get(clock);
    if (reader === undefined) {
      reader = new DateReader(clock);
      DateReader.byClock.set(clock, reader);
    }
    return reader;
  }

  read(text: string): DateReading {
    const problem = this.parse(text);
    return problem ?? { ok: true, time: this.time, day: this.day };
  }

  /** Reads into `time` and `day` without allocating; null on success, else the problem. */
  parse(text: string): DateProblem | null {
    if (text.length === 10) {
      const day = this.dateOnly.get(plainDateKey(text));
      if (day !== undefined) {
        this.day = day;
        this.time = this.clock.midnight(day);
        this.shift = 0;
        return null;
      }
    } else if (this.readDateTime(text)) {
      return null;
    }
    let m = DATE_ONLY.exec(text);
    if (m) {
      const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
      if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return impossible(text);
      const day = civilDay(y, mo, d);
      this.dateOnly.set(plainDateKey(text), day);
      this.day = day;
      this.time = this.clock.midnight(day);
      this.shift = 0;
      return null;
    }
    m = DATE_TIME.exec(text);
    if (!m) {
      return { ok: false, code: 'invalid-date', message: 'not a date: use YYYY-MM-DD or an ISO date-time such as 2026-03-01T14:30:00-05:00' };
    }
    const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
    const h = Number(m[4]), mi = Number(m[5]), s = m[6] ? Number(m[6]) : 0;
    // Sub-millisecond digits are dropped: rows closer than 1 ms are ordered by input order.
    const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return impossible(text);
    const zone = m[8];
    if (zone === undefined) {
      this.setLocal(civilDay(y, mo, d), h, mi, s, ms);
      return null;
    }
    let offsetMinutes = 0;
    if (zone !== 'Z' && zone !== 'z') {
      const digits = zone.slice(1).replace(':', '');
      const oh = Number(digits.slice(0, 2)), om = digits.length > 2 ? Number(digits.slice(2)) : 0;
      if (oh > 23 || om > 59) return impossible(text);
      offsetMinutes = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
    }
    this.setInstant(civilDay(y, mo, d) * DAY_MS + h * 3_600_000 + mi * 60_000 + s * 1000 + ms - offsetMinutes * 60_000);
    return null;
  }

  private setLocal(day: number, h: number, mi: number, s: number, ms: number): void {
    this.time = this.clock.localTime(day, h, mi, s, ms);
    this.shift = this.clock.lastShift;
    // A wall-clock time moved forward by a DST gap may cross midnight.
    this.day = this.shift === 0 ? day : this.clock.dayOf(this.time);
    this.writtenDay = day;
  }

  private setInstant(time: number): void {
    this.time = time;
    this.shift = 0;
    this.day = this.clock.dayOf(time);
  }

  /**
   * Set by a successful `parse`: 0 when the cell names one instant; for a local time without an offset, 1 when a
   * daylight-saving change skips it (read moved forward by the gap, perhaps into the next day: `day` then differs
   * from `writtenDay`) and 2 when one repeats it (read as one of its two instants; `clock.otherTime` is the other).
   */
  shift: 0 | 1 | 2 = 0;
  writtenDay = 0;

  /**
   * The common shape `YYYY-MM-DD(T| )HH:MM:SS[.fff][Z|±HH:MM]`, read by character codes (the regex
   * path in `parse` handles every other accepted form, and all errors). False: not this shape.
   */
  private readDateTime(text: string): boolean {
    const n = text.length;
    const t = text.charCodeAt(10);
    if (n < 19 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || (t !== 84 && t !== 32) || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) {
      return false;
    }
    const y = two(text, 0) * 100 + two(text, 2), mo = two(text, 5), d = two(text, 8);
    const h = two(text, 11), mi = two(text, 14), s = two(text, 17);
    let i = 19;
    let ms = 0;
    if (i < n && text.charCodeAt(i) === 46) {
      let scale = 100;
      for (i++; i < n; i++) {
        const c = digit(text, i);
        if (Number.isNaN(c)) break;
        ms += c * scale;
        scale /= 10;
      }
      ms = Math.floor(ms);
    }
    // A comparison with NaN (a letter among the digits) is false, so every field is checked by a `>=` or
    // `<=` that holds only for digits; the year has no range of its own and is checked for NaN.
    if (!(y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 59)) return false;
    if (i === n) {
      this.setLocal(civilDay(y, mo, d), h, mi, s, ms);
      return true;
    }
    let offsetMinutes = 0;
    const sign = text.charCodeAt(i);
    if (sign === 90 && i + 1 === n) offsetMinutes = 0; // 'Z'
    else if ((sign === 43 || sign === 45) && i + 6 === n && text.charCodeAt(i + 3) === 58) {
      const oh = two(text, i + 1), om = two(text, i + 4);
      if (!(oh >= 0 && oh <= 23 && om >= 0 && om <= 59)) return false;
      offsetMinutes = (sign === 45 ? -1 : 1) * (oh * 60 + om);
    } else return false;
    this.setInstant(civilDay(y, mo, d) * DAY_MS + h * 3_600_000 + mi * 60_000 + s * 1000 + ms - offsetMinutes * 60_000);
    return true;
  }
}

/**
 * A text of the form `DDDD-DD-DD` (D: an ASCII digit, as `DATE_ONLY` reads it) as the number
 * DDDDDDDD, else -1: the key of the plain-date cache, read from the characters without hashing a
 * new string on every row. Distinct texts of that form have distinct keys.
 */
function plainDateKey(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return -1;
  let key = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    key = key * 10 + c;
  }
  return key;
}

const digit = (text: string, i: number): number => {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
};
const two = (text: string, i: number): number => digit(text, i) * 10 + digit(text, i + 1);

function impossible(text: string): DateProblem {
  return { ok: false, code: 'impossible-date', message: `${text} is not a real calendar date or time` };
}
