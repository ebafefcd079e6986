/**
 * The rows whose local time a daylight-saving change skips or repeats, fetched so that the SQL path states their
 * reading as `evaluate` does (time/clock-shifts.ts): the query names the rows whose date text falls in an hour of
 * such a change within the contract's days (usually none or a handful), and each is read again by the ledger
 * reader's own rules. A column of instants (timestamptz) or of dates holds no local time, and is not queried.
 */
import type { SqlDialect } from './dialect';
import type { LedgerTableSpec } from './compile';
import { Params, sourceSql, TRIM_CHARACTERS } from './compile';
import { quoteIdentifier } from './identifier';
import type { SqlPlan } from './plan';
import { ClockShifts, shiftedHours } from '../time/clock-shifts';
import { DateReader } from '../time/date-reader';
import { ZoneClock } from '../time/zone-clock';

export interface ClockShiftQuery {
  text: string;
  params: Array<string | number>;
}

export function compileClockShiftRows(plan: SqlPlan, spec: LedgerTableSpec, dialect: SqlDialect): ClockShiftQuery | null {
  const date = spec.columns.date;
  if (!date || (spec.dateType !== 'text' && spec.dateType !== 'timestamp')) return null;
  const hours = shiftedHours(new DateReader(ZoneClock.shared(plan.context.zone)), plan.eDay, plan.aDay);
  if (hours.length === 0) return null;
  const p = new Params(dialect);
  const cell = dialect.trimChars(`CAST(s.${quoteIdentifier(date)} AS ${dialect.text})`, p.bind(TRIM_CHARACTERS, dialect.text));
  const list = hours.map((h) => p.bind(h, dialect.text)).join(', ');
  const order = `s.${quoteIdentifier(spec.columns.order)}`;
  return {
    text:
      `SELECT CAST(${order} AS ${dialect.integer}) AS rn, ${cell} AS val FROM ${sourceSql(spec.source, p, dialect)} AS s ` +
      `WHERE replace(upper(substr(${cell}, 1, 13)), 'T', ' ') IN (${list}) ORDER BY rn\n`,
    params: p.values,
  };
}

/** The facts `evaluate` gathers of these rows, from the rows the query named. */
export function clockShiftsOf(plan: SqlPlan, rows: ReadonlyArray<{ rn: unknown; val: unknown }>): ClockShifts {
  const shifts = new ClockShifts();
  shifts.within(plan.eDay, plan.aDay);
  const reader = new DateReader(ZoneClock.shared(plan.context.zone));
  for (const r of rows) {
    const text = String(r.val ?? '');
    if (reader.parse(text) === null && reader.shift !== 0) shifts.record(reader, Number(r.rn), text);
  }
  return shifts;
}
