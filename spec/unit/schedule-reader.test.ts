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
