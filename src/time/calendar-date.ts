/**
 * Calendar dates as three integers and the zone-free arithmetic on them: day numbers, adding days,
 * adding months by the corresponding-day rule.
 */
/** A calendar date as three integers; month 1-12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD`, rejecting impossible dates such as 2026-02-30 (null). */
export function parseIsoDate(text: string): CalendarDate | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysInMonth(date.year, date.month)) return null;
  return date;
}

export function formatIsoDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1-12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Days since 1970-01-01 of a calendar date: a zone-free day number for date arithmetic. */
export function dayNumber(date: CalendarDate): number {
  return civilDay(date.year, date.month, date.day);
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, by arithmetic alone (H. Hinnant's
 * days_from_civil): no Date object on the per-row path, and no two-digit-year quirk of Date.UTC.
 */
export function civilDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

export function fromDayNumber(n: number): CalendarDate {
  const d = new Date(n * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + days);
}

/**
 * The day `n` months after `start` by the corresponding-day rule: the same day of the month, or,
 * where the target month is too short, the 1st of the following month (luxon's `plus`
 * would clamp to the month's last day instead, which would make Jan 31 + 1 month = Feb 28 and
 * drop Feb 28 from month 1).
 */
export function addMonthsCorresponding(start: CalendarDate, n: number): CalendarDate {
  const index = start.year * 12 + (start.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  if (start.day <= daysInMonth(year, month)) return { year, month, day: start.day };
  return month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 };
}
