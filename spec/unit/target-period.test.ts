/**
 * A target named as a quota ("the quarterly quota of $150,000") and the warning target-period-mismatch
 * (src/language/check-target-period.ts): raised only when the name's period word is not the condition's calendar period.
 */
import { validate } from '../../src/language/check';
import { format } from '../../src/language/format';
import { parse } from '../../src/language/parse';

const clause = (name: string, period: string): string =>
  `The Company shall pay the Agent a bonus of $1,000 for each calendar ${period} in which Net Sales reach the ${name} of $150,000.`;
const warned = (text: string): string[] => validate(text).diagnostics.filter((d) => d.code === 'target-period-mismatch').map((d) => d.message);

test.each([
  ['quarterly quota', 'quarter'],
  ['annual quota', 'year'],
  ['Sales Quota', 'month'],
  ['semi-annual quota', 'half-year'],
])('"the %s" in each calendar %s: no warning', (name, period) => {
  expect(validate(clause(name, period)).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(warned(clause(name, period))).toEqual([]);
});

test.each([
  ['quarterly quota', 'month', 'a quarter'],
  ['annual quota', 'quarter', 'a year'],
  ['semi-annual quota', 'year', 'a half-year'],
])('"the %s" in each calendar %s: warned, naming %s', (name, period, what) => {
  const [message] = warned(clause(name, period));
  expect(message).toContain(`names a target for ${what}, but the condition is tested in each ${period}`);
});

test('the quota name is kept and written back: format re-parses to the same target', () => {
  const ast = parse(clause('quarterly quota', 'quarter')).ast;
  expect(ast?.clauses[0].milestones[0].targetName).toBe('quarterly quota');
  const again = parse(format(ast!)).ast;
  expect(again?.clauses[0].milestones[0].targetName).toBe('quarterly quota');
  expect(again?.clauses[0].milestones[0].target).toMatchObject({ amount: { currency: 'USD', text: '$150,000.00' } });
});
