/** A milestone's progress figure: one decimal, and never 100.0 for a total short of its target. */
import fc from 'fast-check';
import { Dec } from '../../src/values/money';
import { progressOf } from '../../src/evaluation/progress';

test('a total just short of its target shows 99.9, not 100.0', () => {
  expect(progressOf(new Dec('499999'), new Dec('500000'), false)).toBe('99.9');
  expect(progressOf(new Dec('499999.99'), new Dec('500000'), true)).toBe('99.9');
  expect(progressOf(new Dec('500000'), new Dec('500000'), false)).toBe('100.0');
  expect(progressOf(new Dec('1'), new Dec('3'), false)).toBe('33.3');
  expect(progressOf(new Dec('2'), new Dec('3'), false)).toBe('66.7');
});

test('the figure is 100.0 or more exactly when the total reaches the target', () => {
  const cents = fc.integer({ min: -10_000_000, max: 100_000_000 });
  fc.assert(
    fc.property(cents, fc.integer({ min: 1, max: 100_000_000 }), (total, target) => {
      const shown = new Dec(progressOf(new Dec(total).dividedBy(100), new Dec(target).dividedBy(100), false));
      return shown.greaterThanOrEqualTo(100) === total >= target;
    }),
    { numRuns: 300 },
  );
});
