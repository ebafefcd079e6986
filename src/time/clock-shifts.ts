/**
 * Ledger times that a daylight-saving change skips or repeats. A local time without an offset on the day clocks go
 * forward may not exist (02:30 on 2026-03-08 in New York), and on the day they go back one may exist twice (01:30 on
 * 2026-11-01). The reader takes one instant for each (ZoneClock.localTime: a skipped time moved forward by the gap, a
 * repeated one at the instant luxon gives), and these facts let the report state that reading, with the first row,
 * and warn where a skipped time moved forward lands on the next local day, so that the sale counts on a day not written.
 */
import { DateTime } from 'luxon';
import type { DateReader } from './date-reader';
import { formatIsoDate, fromDayNumber } from './calendar-date';

interface Shifted {
  count: number;
  row: number;
  text: string;
  time: number;
  /** Skipped: the day written. Repeated: the other instant. */
  other: number;
}

const ymd = (day: number): string => formatIsoDate(fromDayNumber(day));

const rows = (n: number): string => (n === 1 ? 'one row' : `${n} rows`);

export class ClockShifts {
  private skipped: Shifted | null = null;
  private repeated: Shifted | null = null;
  /** Skipped times moved forward into the next local day. */
  private nextDay: (Shifted & { day: number }) | null = null;

  /** The local days whose rows count (the effective date to the as-of date): a row outside them is not recorded. */
  private from = -Infinity;
  private to = Infinity;

  within(from: number, to: number): void {
    this.from = from;
    this.to = to;
  }

  /** Records the reading `dates` just made of `text` (row `row`), whose `shift` is not 0. */
  record(dates: DateReader, row: number, text: string): void {
    if (dates.day < this.from || dates.day > this.to) return;
    if (dates.shift === 1) {
      this.skipped = bump(this.skipped, row, text, dates.time, dates.writtenDay);
      if (dates.day !== dates.writtenDay) {
        const first = this.nextDay;
        this.nextDay = first === null ? { count: 1, row, text, time: dates.time, other: dates.writtenDay, day: dates.day } : { ...first, count: first.count + 1 };
      }
    } else if (dates.shift === 2) {
      this.repeated = bump(this.repeated, row, text, dates.time, dates.clock.otherTime);
    }
  }

  /** The notes stating each reading taken. */
  notes(zone: string): string[] {
    const out: string[] = [];
    const at = (t: number): string => DateTime.fromMillis(t, { zone }).toISO({ suppressMilliseconds: true }) ?? String(t);
    const s = this.skipped;
    if (s !== null) {
      out.push(
        `${rows(s.count)} of the ledger give${s.count === 1 ? 's' : ''} a local time that does not exist in ${zone}, skipped when clocks go forward (row ${s.row}: '${s.text}'): ` +
          `each is read moved forward by the gap, as a clock not yet changed would show it (row ${s.row} as ${at(s.time)}); to mean another instant, write the time with its offset`,
      );
    }
    const r = this.repeated;
    if (r !== null) {
      const which = r.time > r.other ? 'later' : 'earlier';
      out.push(
        `${rows(r.count)} of the ledger give${r.count === 1 ? 's' : ''} a local time that occurs twice in ${zone}, when clocks go back (row ${r.row}: '${r.text}'): ` +
          `each is read as its ${which} occurrence (row ${r.row} as ${at(r.time)}, not ${at(r.other)}); the day is the same either way; to mean the other, write the time with its offset`,
      );
    }
    return out;
  }

  /** The warning when a skipped time, moved forward, falls on the next local day, or null. */
  nextDayWarning(zone: string): string | null {
    const n = this.nextDay;
    if (n === null) return null;
    const written = ymd(n.other);
    const read = ymd(n.day);
    const local = DateTime.fromMillis(n.time, { zone }).toISO({ suppressMilliseconds: true });
    return (
      `row ${n.row}'s '${n.text}' is a local time that ${zone} skips when clocks go forward at the end of ${written}: moved forward by the gap it is ${local}, ` +
      `so the sale counts on ${read}, not on ${written}, the day written${n.count > 1 ? ` (${n.count} rows in all)` : ''}, and may fall in another period. ` +
      `If it was made on ${written}, write the date alone (${written}) or the time with its offset; the engine counts it on ${read}`
    );
  }
}

function bump(prev: Shifted | null, row: number, text: string, time: number, other: number): Shifted {
  return prev === null ? { count: 1, row, text, time, other } : { ...prev, count: prev.count + 1 };
}

/**
 * The local wall-clock hours (`YYYY-MM-DD HH`) of days `from` … `to` in which some time is skipped or repeated, so
 * that the SQL path can fetch just the rows to read again with the ledger reader's own rules.
 */
export function shiftedHours(reader: DateReader, from: number, to: number): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day++) {
    if (reader.clock.isRegularDay(day)) continue;
    const date = ymd(day);
    for (let h = 0; h < 24; h++) {
      const hour = `${date} ${String(h).padStart(2, '0')}`;
      for (let m = 0; m < 60; m += 15) {
        if (reader.parse(`${hour}:${String(m).padStart(2, '0')}:00`) === null && reader.shift !== 0) {
          out.push(hour);
          break;
        }
      }
    }
  }
  return out;
}
