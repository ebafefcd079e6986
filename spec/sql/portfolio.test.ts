/**
 * Differential test of portfolios: for random portfolios (contracts drawn from clauses of every
 * target, window and payment kind, sellers written in other cases and spacings, sellers the ledger
 * lacks or nearly has, shared sellers, failing contracts) over one random ledger, DuckDB and
 * PostgreSQL give the in-memory portfolio's report field for field: each contract's result, the
 * roll-up per payee and currency, the row counts and the seller problems.
 */
import fc from 'fast-check';
import { evaluatePortfolio, type ResolvedContract } from '../../src/portfolio/portfolio';
import { evaluatePortfolioOnEngine } from '../../src/node/sql-portfolio';
import type { LedgerRecord } from '../../src/ledger/rows';
import { Dec } from '../../src/values/money';
import type { Schedule } from '../../src/evaluation/schedule';
import { runs, SEED } from '../support/clause-arbitraries';
import { ENGINES, dropTable, loadRecords, tableName, useEngine } from './support/engines';

const DAY = 86_400_000;
const isoOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY;

/** Clauses of every target, window and payment kind the SQL path compiles (one does not parse: that contract fails in both). */
const CLAUSES = [
  'The Seller agrees to meet the following sales milestones: (i) $2,000 in sales revenue by the end of the first month, (ii) $5,000 in sales revenue by the end of the second month, and (iii) $8,000 in sales revenue by the end of the quarter. Upon achieving each milestone, the Seller will be entitled to receive the corresponding commission payment as outlined in Section 4.',
  'The Seller agrees to meet the following milestone: 3 new customers by the end of month 3, for a bonus of $750.',
  'The Account Executive agrees to meet the following milestones: (a) 3 closed deals during the first quarter and (b) 5 deals in the second quarter. Upon achieving each milestone, the Account Executive will receive a commission of $1,200.',
  'The Distributor agrees to achieve the following sales milestones: (a) $3,000 in net sales revenue by the end of the first month; and (b) $6,000 in net sales revenue by the end of the third month. Upon achieving each milestone, the Distributor shall be entitled to receive a commission equal to 2% of the net sales revenue.',
  'The Store Manager agrees to meet the following sales milestone: 5 units of "Widget" sold in each month, for a bonus of $750.',
  'The Seller agrees to meet the following sales milestones: (i) $1,000 in net sales revenue in each month, (ii) $2,500 in net sales revenue by the end of the first quarter. Upon achieving milestone (i), the Seller will receive a commission of 5% on Net Sales up to $1,000 and 7% on Net Sales above $1,000, on a marginal basis, not to exceed $150 in any quarter, payable within 30 days after the end of the calendar quarter in which the milestone is achieved. Upon achieving milestone (ii), the Seller will receive a bonus of $10 for each $250 of Net Sales above $2,500, with a minimum of $25.',
  'The Seller agrees to meet the following sales milestones: (i) $1,500 in sales revenue by the end of the first month. Upon achieving each milestone, the Seller will receive a bonus of $100.',
  'The Seller agrees to meet the following: nothing at all.',
];

const SELLERS = ['Alice Chen', 'Brian Ortiz', 'C. Diaz', 'Carmen Diaz', 'Nobody Here', 'alice chen '];
/** Seller cells as ledgers write them: other cases and spacing, a near miss, an empty cell. */
const CELLS = ['Alice Chen', ' alice chen', 'ALICE CHEN', 'Brian Ortiz', 'Bryan Ortiz', 'C. Diaz', 'Carmen Diaz', 'Dana Wu', ''];
const EFFECTIVE = ['2026-01-31', '2026-03-01', '2026-10-31', '2025-12-31'];
const ZONES = ['America/New_York', 'Europe/London', 'Asia/Kolkata', 'UTC'];
const SCHEDULE: Schedule = { currency: 'USD', payments: new Map([['i', new Dec('1000')], ['ii', new Dec('2500')], ['iii', new Dec('4000')]]), targets: new Map() };

interface Case {
  contracts: ResolvedContract[];
  records: LedgerRecord[];
  strict: boolean;
}


const caseArb: fc.Arbitrary<Case> = fc
  .record({
    base: fc.constantFrom(...EFFECTIVE),
    contracts: fc.array(
      fc.record({
        clause: fc.integer({ min: 0, max: CLAUSES.length - 1 }),
        sellers: fc.subarray(SELLERS, { minLength: 1, maxLength: 2 }),
        effective: fc.constantFrom(...EFFECTIVE),
        zone: fc.constantFrom(...ZONES),
        asOf: fc.integer({ min: 0, max: 120 }),
        schedule: fc.boolean(),
        payee: fc.constantFrom(null, 'Team A', 'Team B'),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    rows: fc.array(
      fc.record({
        day: fc.integer({ min: -10, max: 120 }),
        time: fc.constantFrom(null, '00:30:00', '23:59:00', '12:00:00Z', '02:00:00-05:00'),
        amount: fc.integer({ min: -500, max: 3000 }).map((n) => (n / 2).toFixed(n % 3 === 0 ? 0 : 2)),
        units: fc.integer({ min: -1, max: 4 }).map(String),
        product: fc.constantFrom('Widget', ' widget ', 'other'),
        customer: fc.constantFrom('Acme', ' acme ', 'Beta', 'Cobalt', 'Dyn'),
        seller: fc.constantFrom(...CELLS),
        tie: fc.integer({ min: 0, max: 4 }),
      }),
      { minLength: 5, maxLength: 120 },
    ),
    withIds: fc.boolean(),
    strict: fc.boolean(),
  })
  .map((c) => {
    const eDay = dayOf(c.base);
    const contracts: ResolvedContract[] = c.contracts.map((k, i) => ({
      id: `c${i}`,
      sellers: k.sellers,
      payee: k.payee ?? k.sellers.join(' + '),
      clauseFile: null,
      clauseText: CLAUSES[k.clause],
      effectiveDate: k.effective,
      timeZone: k.zone,
      asOf: isoOf(dayOf(k.effective) + k.asOf),
      schedule: k.schedule ? SCHEDULE : null,
    }));
    const records: LedgerRecord[] = [];
    c.rows.forEach((r, i) => {
      const previous = records.length > 0 ? records[records.length - 1] : null;
      const day = isoOf(eDay + r.day);
      const date = r.tie === 0 && previous ? String(previous.date) : r.time === null ? day : `${day}T${r.time}`;
      const record: Record<string, string> = { date, amount: r.amount, units: r.units, product: r.product, customer: r.customer, currency: 'USD', seller: r.seller };
      // Some ids repeat: a duplicate within one contract's rows is its error, across contracts nobody's.
      if (c.withIds) record.id = `S-${1000 + (i % 37)}`;
      records.push(record);
    });
    return { contracts, records, strict: c.strict };
  });


describe.each(ENGINES)('portfolios on %s agree with the in-memory portfolio', (engineName) => {
  const engine = useEngine(engineName);

  it('on random portfolios and ledgers, report for report', async () => {
    const table = tableName('portfolio');
    let evaluated = 0;
    let obligations = 0;
    let problems = 0;
    try {
      await fc.assert(
        fc.asyncProperty(caseArb, async (c) => {
          const expected = evaluatePortfolio(c.contracts, { records: c.records, issues: [] }, { strict: c.strict });
          await loadRecords(engine(), table, c.records, ['date', 'amount', 'units', 'product', 'customer', 'currency', 'seller']);
          const actual = await evaluatePortfolioOnEngine(engine(), c.contracts, { kind: 'table', name: table }, { strict: c.strict });
          expect(actual).toEqual(expected);
          evaluated += expected.contracts.filter((k) => k.ok).length;
          obligations += expected.obligations.reduce((n, line) => n + line.obligations, 0);
          problems += expected.sellerProblems.length;
        }),
        { seed: SEED, numRuns: runs(60) },
      );
    } finally {
      await dropTable(engine(), table);
    }
    // The cases must evaluate contracts, owe obligations and meet seller problems, not only fail.
    expect(evaluated).toBeGreaterThan(0);
    expect(obligations).toBeGreaterThan(0);
    expect(problems).toBeGreaterThan(0);
  });

  it('a ledger without a seller column: every row unassigned, every seller not found', async () => {
    const table = tableName('portfolio_noseller');
    const records: LedgerRecord[] = [{ date: '2026-01-05', amount: '100' }, { date: '2026-01-06', amount: '50' }];
    const contracts: ResolvedContract[] = [
      { id: 'a', sellers: ['Alice Chen'], payee: 'Alice Chen', clauseFile: null, clauseText: CLAUSES[6], effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2026-03-01', schedule: null },
    ];
    try {
      await loadRecords(engine(), table, records, ['date', 'amount']);
      const expected = evaluatePortfolio(contracts, { records, issues: [] });
      expect(expected.rows).toEqual({ total: 2, assigned: 0, unassigned: 2, unreadable: 0 });
      expect(await evaluatePortfolioOnEngine(engine(), contracts, { kind: 'table', name: table })).toEqual(expected);
    } finally {
      await dropTable(engine(), table);
    }
  });
});
