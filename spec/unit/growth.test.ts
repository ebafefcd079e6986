/**
 * A rate on the growth over the same quarter of the year before: the sentence reads back as the same terms, and on random
 * ledgers of two years each quarter after the base year owes exactly rate × (its total − the prior year's quarter's
 * total), rounded once half-up, when that is above zero, and nothing otherwise; the base year's quarters are not listed.
 */
import { SEED } from '../support/clause-arbitraries';
import fc from 'fast-check';
import { parse } from '../../src/language/parse';
import { validate } from '../../src/language/check';
import { format, termsOf } from '../../src/language/format';
import { evaluate } from '../../src/evaluation/evaluate';
import type { LedgerRecord } from '../../src/ledger/rows';

const sentence = (metric: string): string =>
  `The Employee shall receive one and one-half percent (1.5%) of the increase in quarter-to-quarter growth, comparing ${metric} in a calendar ` +
  `quarter of one year with ${metric} in the same calendar quarter of the preceding year, starting with 2026 as the base year.`;

describe('a rate on the growth over the year before', () => {
  test.each(['sales', 'net sales', 'Net Sales'])('with %s reads back as the same terms', (metric) => {
    const checked = validate(sentence(metric));
    // The one warning: "the increase in quarter-to-quarter growth" could also mean the change in the growth rate.
    expect(checked.diagnostics.map((d) => d.code)).toEqual(['growth-increase-reading']);
    const again = parse(format(checked.ast!));
    expect(again.diagnostics).toEqual([]);
    expect(termsOf(again.ast!)).toEqual(termsOf(checked.ast!));
  });

  it('owes each quarter of 2027 1.5% of its increase over the same quarter of 2026, and nothing on no increase', () => {
    const ast = parse(sentence('net sales')).ast!;
    const genLedger = fc.array(fc.record({ day: fc.integer({ min: 0, max: 729 }), cents: fc.integer({ min: -60000, max: 60000 }) }), { maxLength: 24 });
    fc.assert(
      fc.property(genLedger, (ledger) => {
        const rows: LedgerRecord[] = ledger.map((r, i) => ({
          id: `R${i + 1}`,
          date: new Date(Date.UTC(2026, 0, 1 + r.day)).toISOString().slice(0, 10),
          amount: (r.cents / 100).toFixed(2),
          currency: 'USD',
        }));
        const report = evaluate(ast, rows, { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2027-12-31', ledgerCurrency: 'USD' });
        if (!report.ok) throw new Error(JSON.stringify(report.errors));
        const quarterSums = new Map<string, number>();
        for (const r of ledger) {
          const d = new Date(Date.UTC(2026, 0, 1 + r.day));
          const key = `${d.getUTCFullYear()}Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
          quarterSums.set(key, (quarterSums.get(key) ?? 0) + r.cents);
        }
        expect(report.milestones.map((m) => m.windowStart)).toEqual(['2027-01-01', '2027-04-01', '2027-07-01', '2027-10-01']);
        const owed: Array<{ triggeredAt: string; amount: string }> = [];
        report.milestones.forEach((m, i) => {
          const increase = (quarterSums.get(`2027Q${i + 1}`) ?? 0) - (quarterSums.get(`2026Q${i + 1}`) ?? 0);
          expect(m.status).toBe(increase > 0 ? 'met' : 'missed');
          expect(m.target).toBe(String((quarterSums.get(`2026Q${i + 1}`) ?? 0) / 100));
          // 1.5% of an increase in cents, rounded once half-up to the cent, in whole cents.
          const cents = increase > 0 ? Math.floor((increase * 15 + 500) / 1000) : 0;
          if (cents > 0) owed.push({ triggeredAt: m.deadline, amount: (cents / 100).toFixed(2) });
        });
        expect(report.obligations.map((o) => ({ triggeredAt: o.triggeredAt, amount: o.amount }))).toEqual(owed);
      }),
      { seed: SEED },
    );
  });
});
