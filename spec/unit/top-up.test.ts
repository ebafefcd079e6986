/**
 * A computed amount with a minimum per period, topped up: the law the two obligations obey together (once a period is
 * over, the amount and the difference add up to max(amount, minimum), never less than the minimum, never more than
 * the amount when it reaches the minimum), on random ledgers; the SQL path takes both forms (spec/sql/fixtures.test.ts compares
 * their reports), and refuses by name a top-up's measure with a window of its own.
 */
import fc from 'fast-check';
import { validate } from '../../src/language/check';
import { evaluate, type EvaluationSuccess } from '../../src/evaluation/evaluate';
import { checkSupported } from '../../src/sql/plan';
import { SqlUnsupportedError } from '../../src/sql/unsupported';
import { Dec } from '../../src/values/money';
import { runs, SEED } from '../support/clause-arbitraries';

const clause =
  'Licensee shall pay Foundation earned royalties of five percent (5%) of Net Sales ("Earned Royalties"), payable annually. ' +
  'If Licensee\'s Earned Royalties for any calendar year are less than $10,000 (the "Minimum Royalty"), Licensee shall make a payment to ' +
  'Foundation within sixty (60) days after the end of such calendar year equal to the difference between the Minimum Royalty and the Earned Royalties for that calendar year.';

describe('a royalty with a minimum topped up, on random ledgers', () => {
  const ast = validate(clause).ast!;
  const sale = fc.record({ day: fc.integer({ min: 0, max: 729 }), cents: fc.integer({ min: -2_000_000, max: 20_000_000 }) });

  test('each year that is over owes max(5% of its net total rounded, 0) and, below $10,000, the difference: together max(amount, $10,000)', () => {
    fc.assert(
      fc.property(fc.array(sale, { maxLength: 12 }), (sales) => {
        const ledger = sales.map((s, i) => ({ id: `S${i}`, date: new Date(Date.UTC(2026, 0, 1 + s.day)).toISOString().slice(0, 10), amount: new Dec(s.cents).dividedBy(100).toFixed(2) }));
        const report = evaluate(ast, ledger, { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2027-06-30' }) as EvaluationSuccess;
        expect(report.ok).toBe(true);
        const year2026 = ledger.filter((r) => r.date < '2027-01-01').reduce((sum, r) => sum.plus(r.amount), new Dec(0));
        const amount = Dec.max(0, year2026.times('0.05').toDecimalPlaces(2, Dec.ROUND_HALF_UP));
        const owed = report.obligations.filter((o) => o.period === 1);
        const total = owed.reduce((sum, o) => sum.plus(o.amount as string), new Dec(0));
        expect(total.equals(Dec.max(amount, 10_000))).toBe(true);
        for (const o of owed) {
          expect(o).toMatchObject({ payer: 'Licensee', payee: 'Foundation', direction: 'from-performer', triggeredAt: '2026-12-31' });
          expect(new Dec(o.amount as string).isPositive()).toBe(true);
        }
        expect(report.milestones[0].status).toBe(amount.greaterThanOrEqualTo(10_000) ? 'met' : 'missed');
        // The open year owes nothing yet, whatever its sales.
        expect(report.obligations.filter((o) => o.period === 2)).toEqual([]);
      }),
      { seed: SEED, numRuns: runs(60) },
    );
  });

  test('the SQL path takes it', () => {
    expect(() => checkSupported(ast)).not.toThrow();
  });

  test("the SQL path refuses by name a measure with a window of its own, never reading it as the milestone's", () => {
    const m = ast.clauses[0].milestones[0];
    const rate = m.payment as Extract<NonNullable<typeof m.payment>, { kind: 'rate' }>;
    const measured = { ...ast, clauses: [{ ...ast.clauses[0], milestones: [{ ...m, payment: { ...rate, measure: { ...rate.measure!, window: { kind: 'recurring' as const, unit: 'quarter' as const, range: rate.range } } } }] }] };
    expect(() => checkSupported(measured)).toThrow(SqlUnsupportedError);
    expect(() => checkSupported(measured)).toThrow(expect.objectContaining({ feature: 'top-up measure window' }));
  });
});

describe('an undertaking of a minimum of royalties owed under another provision', () => {
  const undertaking =
    'During the year commencing six (6) months from the date hereof, Operator undertakes to pay Licensor total royalties of not less than US $11,500. ' +
    'Should the royalties under Paragraph 9(a) (eight percent (8%) of Gross Revenues) be insufficient to achieve such minimum, Operator shall contribute ' +
    'the difference within forty-five (45) days after the end of that twelve (12) month period.';

  test('only the difference is owed, by the party that undertakes, once the year is over; the royalties are owed under the provision', () => {
    const ast = validate(undertaking).ast!;
    const ledger = [{ id: 'S1', date: '2026-08-01', amount: '100000.00' }];
    const report = evaluate(ast, ledger, { effectiveDate: '2026-01-10', timeZone: 'UTC', asOf: '2027-12-31' }) as EvaluationSuccess;
    expect(report.obligations).toEqual([
      expect.objectContaining({ amount: '3500.00', payer: 'Operator', payee: 'Licensor', direction: 'from-performer', triggeredAt: '2027-07-09', dueDate: '2027-08-23' }),
    ]);
  });

  test('a contributor other than the party that undertakes, or another period length, is top-up-mismatch', () => {
    const other = validate(undertaking.replace('Operator shall contribute', 'Licensee shall contribute')).diagnostics.map((d) => d.code);
    expect(other).toContain('top-up-mismatch');
    const length = validate(undertaking.replace('that twelve (12) month period', 'that six (6) month period')).diagnostics.map((d) => d.code);
    expect(length).toContain('top-up-mismatch');
  });

  test('the SQL path takes it', () => {
    expect(() => checkSupported(validate(undertaking).ast!)).not.toThrow();
  });
});

describe('a cap written on a topped-up amount', () => {
  // The grammar writes no cap on a top-up's royalty; an AST built by a caller can, and the cap must then bound it.
  const written = validate(clause).ast!;
  const m = written.clauses[0].milestones[0];
  const rate = m.payment as Extract<NonNullable<typeof m.payment>, { kind: 'rate' }>;
  const capped = (amount: string) => ({
    ...written,
    clauses: [{
      ...written.clauses[0],
      milestones: [{
        ...m,
        payment: {
          kind: 'limited' as const, payment: rate, floor: null, range: rate.range,
          cap: { kind: 'limit' as const, written: 'not to exceed' as const, amount: { kind: 'money' as const, amount, currency: 'USD', text: `$${amount}`, range: rate.range }, per: 'payment' as const, perWritten: null, range: rate.range },
        },
      }],
    }],
  });
  // 2026: $300,000 of sales, royalties 5% = $15,000.00, above the $10,000 minimum.
  const ledger = [{ id: 'S1', date: '2026-03-01', amount: '300000.00' }];
  const options = { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2027-01-31' };

  test('a cap above the minimum bounds the royalties owed ($15,000.00 capped at $12,000.00), with no warning', () => {
    const report = evaluate(capped('12000'), ledger, options) as EvaluationSuccess;
    expect(report.ok).toBe(true);
    expect(report.obligations).toEqual([expect.objectContaining({ period: 1, amount: '12000.00', limit: expect.objectContaining({ uncappedAmount: '15000.00', cap: '12000.00', applied: 'cap' }) })]);
    expect(report.diagnostics.map((d) => d.code)).not.toContain('top-up-cap-reading');
  });

  test('a cap below the minimum warns top-up-cap-reading, naming both readings', () => {
    const report = evaluate(capped('8000'), ledger, options) as EvaluationSuccess;
    expect(report.obligations).toEqual([expect.objectContaining({ period: 1, amount: '8000.00' })]);
    const warning = report.diagnostics.find((d) => d.code === 'top-up-cap-reading');
    expect(warning?.message).toMatch(/before the cap.*after the cap/);
  });

  test('the SQL path refuses it by name rather than dropping the cap', () => {
    expect(() => checkSupported(capped('12000'))).toThrow(SqlUnsupportedError);
  });
});
