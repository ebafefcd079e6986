/**
 * Totals counted per product ("of a Licensed Product"): what the engine refuses rather than pool, the SQL path's
 * refusal by name, and the law of the reading on random ledgers: in a calendar year, the milestone is met exactly when
 * one product's own total passes the target, whatever the products' sales add up to together.
 */
import fc from 'fast-check';
import { validate } from '../../src/language/check';
import { evaluate, evaluateWithSeries, runningTotals } from '../../src/evaluation/evaluate';
import { planEvaluation } from '../../src/sql/plan';
import { SqlUnsupportedError } from '../../src/sql/unsupported';
import { Dec } from '../../src/values/money';
import type { LedgerRecord } from '../../src/ledger/rows';
import { runs, SEED } from '../support/clause-arbitraries';

const CLAUSE = 'The Company shall pay the Agent a one-time bonus of $10,000 when Net Sales of a Licensed Product in any Calendar Year exceed $100,000.';
const CONTEXT = { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2026-12-31' };

describe('totals counted per product', () => {
  test('what is not counted per product is refused by name, never computed on the pooled sales', () => {
    const cases: Array<[string, string]> = [
      ['The Company shall pay the Agent a bonus of 2% of Net Sales when Net Sales of a Licensed Product in any Calendar Year exceed $100,000.', 'a computed payment (rate)'],
      ['If Net Sales of a Licensed Product in any Calendar Quarter exceed $1,000 and at least 5 deals, the Company shall pay the Agent a bonus of $500 for such Calendar Quarter.', 'a condition of several parts'],
      ['The Company shall pay the Agent a one-time bonus of $10,000 when Net Sales of a Distributor in any Calendar Year exceed $100,000.', "the engine counts per product only ('of a Licensed Product')"],
    ];
    for (const [text, what] of cases) {
      const found = validate(text).diagnostics.filter((d) => d.code === 'unsupported-construct');
      expect(found.map((d) => d.message)).toContainEqual(expect.stringContaining(what));
    }
  });

  test('a carry-forward sentence after a total counted per product is refused at the per-product words', () => {
    // Read, one product's excess would carry into the next quarter's total, where another product could meet the target with it.
    const text =
      "If Net Sales of a Licensed Product exceed $100,000 in each calendar quarter, the Company shall pay the Agent a bonus of $5,000. " +
      "Net Sales in excess of a calendar quarter's target shall carry forward to the next calendar quarter, including amounts carried forward.";
    const checked = validate(text);
    expect(checked.valid).toBe(false);
    const errors = checked.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'unsupported-construct', line: 1, offset: text.indexOf('of a Licensed Product'), endOffset: text.indexOf(' exceed $100,000') });
    expect(errors[0].message).toContain('carrying an excess forward to the next period is not counted per product');
  });

  test('the SQL path refuses a total counted per product, by its own words or its term\'s definition', () => {
    const texts = [
      CLAUSE,
      'The Company shall pay the Agent a one-time bonus of $10,000 when Annual Net Sales exceed $1,000,000. "Annual Net Sales" means the Net Sales of a Licensed Product in a Calendar Year.',
    ];
    for (const text of texts) {
      const ast = validate(text).ast!;
      let refused: unknown = null;
      try {
        planEvaluation(ast, CONTEXT);
      } catch (e) {
        refused = e;
      }
      expect(refused).toBeInstanceOf(SqlUnsupportedError);
      expect((refused as SqlUnsupportedError).feature).toBe("target 'revenue' field 'perProduct'");
    }
  });

  test('the chart series are per product, as the report is: each product\'s own rows, never the pooled sales', () => {
    const ast = validate(CLAUSE).ast!;
    const ledger: LedgerRecord[] = [
      { id: 'S1', date: '2026-02-01', amount: '70000.00', product: 'Alpha' },
      { id: 'S2', date: '2026-03-01', amount: '60000.00', product: 'Beta' },
      { id: 'S3', date: '2026-04-01', amount: '40000.00', product: 'Alpha' },
    ];
    const { report, series } = evaluateWithSeries(ast, ledger, CONTEXT);
    if (!report.ok) throw new Error(JSON.stringify(report.errors));
    // Alpha passes $100,000 on Apr 1 (70,000 + 40,000 = 110,000); pooled, the sales would pass it on Mar 1.
    expect(report.milestones[0]).toMatchObject({ status: 'met', product: 'Alpha', achievedAt: '2026-04-01', total: '110000' });
    expect(series.map((s) => [s.metric, s.product])).toEqual([['net-revenue', 'Alpha'], ['net-revenue', 'Beta']]);
    const alpha = series.find((s) => s.product === 'Alpha')!;
    expect(runningTotals(alpha, '2026-01-01', '2026-12-31')).toEqual({ steps: [{ date: '2026-02-01', total: '70000' }, { date: '2026-04-01', total: '110000' }], total: '110000' });
    expect(runningTotals(series.find((s) => s.product === 'Beta')!, '2026-01-01', '2026-12-31').total).toBe('60000');
  });

  test('law: met in the year exactly when one product\'s own total passes the target; the products are never pooled', () => {
    const ast = validate(CLAUSE).ast!;
    const sale = fc.record({
      product: fc.constantFrom('Alpha', 'Beta', 'Gamma'),
      day: fc.integer({ min: 1, max: 28 }),
      month: fc.integer({ min: 1, max: 12 }),
      amount: fc.integer({ min: -30_000, max: 80_000 }),
    });
    fc.assert(
      fc.property(fc.array(sale, { minLength: 1, maxLength: 12 }), (sales) => {
        const ledger: LedgerRecord[] = sales.map((s, i) => ({
          id: `S${i + 1}`, date: `2026-${String(s.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}`, amount: `${s.amount}.00`, product: s.product,
        }));
        const report = evaluate(ast, ledger, CONTEXT);
        if (!report.ok) throw new Error(JSON.stringify(report.errors));
        const totals = new Map<string, Dec>();
        for (const s of sales) totals.set(s.product, (totals.get(s.product) ?? new Dec(0)).plus(s.amount));
        const passing = [...totals.values()].some((t) => t.greaterThan(100_000));
        const m = report.milestones[0];
        expect(m.status).toBe(passing ? 'met' : 'missed');
        // The reported total is a product's own: the highest product total, or the one that met the target.
        if (passing) expect(new Dec(m.total).greaterThan(100_000)).toBe(true);
        else expect(new Dec(m.total).equals(Dec.max(...totals.values()))).toBe(true);
        expect(report.obligations).toHaveLength(passing ? 1 : 0);
      }),
      { numRuns: runs(40), seed: SEED },
    );
  });
});
