/** Reading payment schedules: what a schedule may not say silently. */
import { parseSchedule } from '../../src/evaluation/schedule-reader';

describe('parseSchedule refuses what it cannot read exactly', () => {
  test('one milestone named twice by label variants ("(i)" and "I") is an error naming both', () => {
    const result = parseSchedule('{"currency":"USD","payments":{"(i)":"900","I":"100"}}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/'\(i\)' and 'I' name the same milestone/);
  });

  test('distinct labels still read', () => {
    expect(parseSchedule('{"currency":"USD","payments":{"(i)":"900","ii":"100","Month 1":"5"}}').ok).toBe(true);
  });

  test('a JSON number that JSON.parse rounds (beyond 2^53) is refused like in ledgers, with the advice to quote it', () => {
    const result = parseSchedule('{"currency":"USD","payments":{"i":9007199254740993}}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/payments\.i .*quote the amount as a string/);
    expect(parseSchedule('{"currency":"USD","payments":{"i":2500.5}}').ok).toBe(true);
  });
});

describe('schedule targets: the figures behind a redacted or elsewhere-defined threshold', () => {
  test('targets alone are a schedule, read exactly by label', () => {
    const result = parseSchedule('{"currency":"USD","targets":{"(a)":"1000000.00","b":2000000}}');
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.schedule.targets.get('(a)')?.toString()).toBe('1000000');
      expect(result.schedule.targets.get('b')?.toString()).toBe('2000000');
      expect(result.schedule.payments.size).toBe(0);
    }
  });

  test('payments and targets together', () => {
    const result = parseSchedule('{"currency":"EUR","payments":{"a":"500"},"targets":{"a":"10000"}}');
    expect(result.ok).toBe(true);
  });

  test('a schedule with neither is one plain sentence naming both fields', () => {
    const result = parseSchedule('{"currency":"USD"}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([expect.stringMatching(/needs "payments" .*"targets" .*or both/)]);
  });

  test('a bad target names the label, the pointer and the value', () => {
    const result = parseSchedule('{"currency":"USD","targets":{"a":"-5"}}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([`targets.a at /targets/a: the target for milestone 'a' must be a non-negative plain decimal such as "2500.00" (a string keeps it exact) or a JSON number, not "-5"`]);
  });

  test('two labels for one milestone among the targets are refused', () => {
    const result = parseSchedule('{"currency":"USD","targets":{"(i)":"9","I":"1"}}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/targets: '\(i\)' and 'I' name the same milestone/);
  });

  test('an unknown field names the three a schedule has', () => {
    const result = parseSchedule('{"currency":"USD","targets":{"a":"1"},"quota":{}}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/unknown field 'quota'.*"currency", "payments" and "targets"/);
  });
});
