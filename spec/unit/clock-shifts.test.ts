/**
 * Ledger local times that a daylight-saving change skips or repeats: the reading taken is stated in the notes, and a
 * skipped time moved forward into the next local day is a warning naming both days.
 */
import { evaluate, validate, type EvaluationSuccess } from '../../src/index';
import { ZoneClock } from '../../src/time/zone-clock';
import { DateReader } from '../../src/time/date-reader';

const CLAUSE = 'If Net Sales exceed $100,000 in each calendar quarter, the Company shall pay the Agent a bonus of $5,000.';
const run = (timeZone: string, dates: string[]): EvaluationSuccess => {
  const ledger = dates.map((date, i) => ({ id: `S${i + 1}`, date, amount: '60000' }));
  const report = evaluate(validate(CLAUSE), ledger, { effectiveDate: '2026-01-01', timeZone, asOf: '2026-12-31' });
  if (!report.ok) throw new Error(JSON.stringify(report.errors));
  return report;
};

describe('the reader says what a skipped or repeated local time is read as', () => {
  test('New York, 2026-03-08 02:30 (skipped): moved forward to 03:30 EDT, stated with the row', () => {
    const r = run('America/New_York', ['2026-01-05', '2026-03-08 02:30:00', '2026-03-08T02:45:00']);
    expect(r.notes).toContain(
      "2 rows of the ledger give a local time that does not exist in America/New_York, skipped when clocks go forward (row 2: '2026-03-08 02:30:00'): each is read moved forward by the gap, as a clock not yet changed would show it (row 2 as 2026-03-08T03:30:00-04:00); to mean another instant, write the time with its offset",
    );
    expect(r.diagnostics.map((d) => d.code)).not.toContain('skipped-time-next-day');
  });

  test('New York, 2026-11-01 01:30 (repeated): read as its later occurrence, standard time, stated with the other', () => {
    const r = run('America/New_York', ['2026-11-01 01:30:00']);
    expect(r.notes).toContain(
      "one row of the ledger gives a local time that occurs twice in America/New_York, when clocks go back (row 1: '2026-11-01 01:30:00'): each is read as its later occurrence (row 1 as 2026-11-01T01:30:00-05:00, not 2026-11-01T01:30:00-04:00); the day is the same either way; to mean the other, write the time with its offset",
    );
  });

  test('a time with an offset, a date alone and a time on an ordinary day give no such note', () => {
    const r = run('America/New_York', ['2026-03-08T02:30:00-05:00', '2026-03-08', '2026-03-09 02:30:00', '2026-11-01 03:30:00']);
    expect(r.notes.some((n) => n.includes('skipped when clocks go forward') || n.includes('occurs twice'))).toBe(false);
  });

  test('Nuuk, 2026-03-28 23:30 (clocks go from 23:00 to midnight): moved forward into 2026-03-29, a warning naming both days', () => {
    const r = run('America/Nuuk', ['2026-03-28 23:30:00']);
    const warning = r.diagnostics.find((d) => d.code === 'skipped-time-next-day');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toMatch(/^row 1's '2026-03-28 23:30:00' is a local time that America\/Nuuk skips .* so the sale counts on 2026-03-29, not on 2026-03-28, the day written.*write the date alone \(2026-03-28\) or the time with its offset/);
    expect(r.notes).toContain(warning?.message);
  });
});

test("ZoneClock.lastShift: 0 on an ordinary or a change day's unchanged hour, 1 skipped, 2 repeated with the other instant", () => {
  const reader = new DateReader(new ZoneClock('America/New_York'));
  const shift = (text: string): number => {
    expect(reader.parse(text)).toBeNull();
    return reader.shift;
  };
  expect(shift('2026-03-08 01:59:59')).toBe(0);
  expect(shift('2026-03-08 02:00:00')).toBe(1);
  expect(shift('2026-03-08 03:00:00')).toBe(0);
  expect(shift('2026-11-01 00:59:00')).toBe(0);
  expect(shift('2026-11-01 01:00:00')).toBe(2);
  expect(reader.clock.otherTime).toBe(Date.parse('2026-11-01T05:00:00Z'));
  expect(shift('2026-11-01 02:00:00')).toBe(0);
  expect(shift('2026-11-01T01:00:00-04:00')).toBe(0);
});
