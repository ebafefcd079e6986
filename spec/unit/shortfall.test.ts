/**
 * Minimums and shortfalls: the laws the shortfall obeys (max(0, minimum − total), never negative,
 * never rising with the total), the evaluation's agreement with that law on random ledgers, the
 * canonical text round trip, the SQL path's refusal by name, and the payroll line's direction.
 */
import fc from 'fast-check';
import { validate } from '../../src/language/check';
import { format, termsOf } from '../../src/language/format';
import { parse } from '../../src/language/parse';
import { evaluate, type EvaluationSuccess } from '../../src/evaluation/evaluate';
import { calculateShortfall, shortfallOf } from '../../src/evaluation/payments/shortfall';
import { checkSupported } from '../../src/sql/plan';
import { obligationLines, obligationsCsv } from '../../src/portfolio/payroll';
import type { ShortfallPaymentNode } from '../../src/language/ast';
import { Dec } from '../../src/values/money';
import { runs, SEED } from '../support/clause-arbitraries';

const range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
const share = (percent: string | null): ShortfallPaymentNode => ({ kind: 'shortfall', written: 'shortfall', intro: false, percent, unitPrice: null, range });
const cents = fc.integer({ min: 0, max: 100_000_000 }).map((n) => new Dec(n).dividedBy(100));
const percent = fc.option(fc.integer({ min: 1, max: 100 }).map(String), { nil: null });

describe('the shortfall law', () => {
  test('the shortfall is max(0, minimum − total); the amount is its share, rounded once, never negative', () => {
    fc.assert(
      fc.property(cents, cents, percent, (minimum, total, p) => {
        const gap = shortfallOf(minimum, total);
        expect(gap.equals(Dec.max(0, minimum.minus(total)))).toBe(true);
        const r = calculateShortfall(share(p), minimum, total, 'USD');
        const exact = gap.times(p === null ? 1 : new Dec(p).dividedBy(100));
        expect(r.amount.equals(exact.toDecimalPlaces(2, Dec.ROUND_HALF_UP))).toBe(true);
        expect(r.amount.isNegative()).toBe(false);
        expect(r.amount.isZero()).toBe(total.greaterThanOrEqualTo(minimum) || exact.lessThan('0.005'));
      }),
      { seed: SEED, numRuns: runs(100) },
    );
  });

  test('more sales never raise the amount owed', () => {
    fc.assert(
      fc.property(cents, cents, cents, percent, (minimum, total, more, p) => {
        const before = calculateShortfall(share(p), minimum, total, 'USD').amount;
        const after = calculateShortfall(share(p), minimum, total.plus(more), 'USD').amount;
        expect(after.lessThanOrEqualTo(before)).toBe(true);
      }),
      { seed: SEED, numRuns: runs(100) },
    );
  });
});

describe('evaluation of a yearly minimum on random ledgers', () => {
  const clause = 'If the Distributor fails to purchase the Annual Minimum of $100,000 in each year, it shall pay the Company 50% of the shortfall.';
  const ast = validate(clause).ast!;
  const sale = fc.record({ day: fc.integer({ min: 0, max: 729 }), cents: fc.integer({ min: 1, max: 4_000_000 }) });

  test('each year that is over owes 50% of max(0, $100,000 − its total), dated its last day; the open year owes nothing', () => {
    fc.assert(
      fc.property(fc.array(sale, { maxLength: 12 }), (sales) => {
        const ledger = sales.map((s, i) => ({ id: `S${i}`, date: new Date(Date.UTC(2026, 0, 1 + s.day)).toISOString().slice(0, 10), amount: new Dec(s.cents).dividedBy(100).toFixed(2) }));
        const report = evaluate(ast, ledger, { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2027-06-30' }) as EvaluationSuccess;
        expect(report.ok).toBe(true);
        const year1 = sales.filter((s) => s.day < 365).reduce((sum, s) => sum.plus(new Dec(s.cents).dividedBy(100)), new Dec(0));
        const owed = Dec.max(0, new Dec(100000).minus(year1)).times('0.5').toDecimalPlaces(2, Dec.ROUND_HALF_UP);
        const expected = owed.isZero() ? [] : [{ period: 1, amount: owed.toFixed(2), triggeredAt: '2026-12-31', triggeredBy: null, payer: 'Distributor', payee: 'Company', direction: 'from-performer' }];
        expect(report.obligations.map((o) => ({ period: o.period, amount: o.amount, triggeredAt: o.triggeredAt, triggeredBy: o.triggeredBy, payer: o.payer, payee: o.payee, direction: o.direction }))).toEqual(expected);
        expect(report.milestones[1].status === 'missed').toBe(false);
      }),
      { seed: SEED, numRuns: runs(25) },
    );
  });
});

describe('shortfall sentences', () => {
  const sentences = [
    'If the Distributor fails to purchase the Annual Minimum of $500,000 in each year, it shall pay the Company twenty percent (20%) of the shortfall.',
    'If Net Sales in each year are less than $100,000, Licensee shall pay Licensor the difference.',
    'In the event that Gross Sales are less than $100,000 in the first year, the Licensee will pay to the Licensor 10% of the difference.',
    'If the Distributor does not purchase 3,000 units of "Widget" in each month, it shall pay the Supplier a payment equal to 90% of the shortfall at €12.50 per unit.',
    'If the Reseller fails to achieve $50,000 in net sales revenue by the end of the second quarter, the Reseller shall pay the Vendor the shortfall.',
  ];

  test.each(sentences)('%s: parses once and its canonical text re-parses to the same AST', (text) => {
    const first = parse(text);
    expect(first.diagnostics).toEqual([]);
    const again = parse(format(first.ast!));
    expect(again.diagnostics).toEqual([]);
    expect(termsOf(again.ast!)).toEqual(termsOf(first.ast!));
  });

  test('"it" is the party that failed; payer and payee as written', () => {
    const clause = parse(sentences[0]).ast!.clauses[0];
    expect(clause.form).toBe('shortfall');
    expect(clause.payer?.name).toBe('Distributor');
    expect(clause.party?.name).toBe('Company');
    expect(clause.minimum).toMatchObject({ failure: 'fails to', verb: 'purchase', name: 'Annual Minimum', payerIsIt: true });
  });

  test('the SQL path takes a shortfall sentence (spec/sql holds its figures to the evaluator\'s)', () => {
    const ast = parse(sentences[1]).ast!;
    expect(() => checkSupported(ast)).not.toThrow();
  });

  test('a payroll line of a shortfall is paid by the contract party to the payee the clause names', () => {
    const ast = validate(sentences[1]).ast!;
    const report = evaluate(ast, [{ id: 'S1', date: '2026-03-01', amount: '60000' }], { effectiveDate: '2026-01-01', asOf: '2027-01-10' }) as EvaluationSuccess;
    const lines = obligationLines('lic-1', 'Licensee Corp', report);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ payer: 'Licensee Corp', payee: 'Licensor', direction: 'from-performer', amount: '40000.00', triggeredBy: null, milestone: '#1' });
    const csv = obligationsCsv(lines).split('\n');
    expect(csv[0].endsWith(',paid_before,payer,direction')).toBe(true);
    expect(csv[1].endsWith(',Licensee Corp,from-performer')).toBe(true);
  });

  test('a reward names its payee and an unnamed payer as null, paid to the performer', () => {
    const ast = validate('The Seller agrees to meet the following sales milestones: (i) $1,000 in sales revenue by the end of the first month, for a bonus of $100.').ast!;
    const report = evaluate(ast, [{ id: 'S1', date: '2026-01-05', amount: '1000' }], { effectiveDate: '2026-01-01', asOf: '2026-02-10' }) as EvaluationSuccess;
    expect(report.obligations[0]).toMatchObject({ payer: null, payee: 'Seller', direction: 'to-performer' });
    expect(report.notes).toContain('(i): paid by a payer the clause does not name to Seller (to the party whose sales are measured)');
  });
});
