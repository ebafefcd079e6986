/**
 * Portfolios: a portfolio's per-contract results equal the separate evaluations of its
 * contracts over their sellers' rows; one bad contract does not stop the others; the roll-up sums
 * obligations per payee and currency; the portfolio file is checked against its JSON Schema.
 */
import { runInMemory } from '../../src/evaluation/two-pass';
import { parseCsvLedger } from '../../src/ledger/text-readers';
import { parseSchedule } from '../../src/evaluation/schedule-reader';
import { PortfolioEvaluation, readPortfolio, resolveContracts, rollupCsv, type ResolvedContract } from '../../src/portfolio/portfolio';
import { examplePortfolio, read, runPortfolio, separately } from '../support/example-portfolio';

describe('portfolio', () => {
  const ledger = parseCsvLedger(read('sales.csv'));

  test('the example portfolio validates against its schema and every contract evaluates', () => {
    const { contracts } = examplePortfolio();
    const report = runPortfolio(contracts, ledger.records);
    expect(report.failed).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.contracts.map((c) => c.id)).toEqual(['alice-2026', 'alice-new-logos', 'brian-deals', 'carmen-emea']);
    // Every contract met something, so the comparison below is not vacuous.
    for (const c of report.contracts) {
      expect('obligations' in c.result && c.result.obligations.length > 0).toBe(true);
    }
  });

  test('each contract equals its separate evaluation over its sellers’ rows', () => {
    const { contracts } = examplePortfolio();
    const report = runPortfolio(contracts, ledger.records);
    contracts.forEach((contract, k) => {
      expect(report.contracts[k].result).toEqual(separately(contract, ledger.records));
    });
  });

  test('rows are assigned by seller, trimmed and case-insensitive; unknown sellers are counted', () => {
    const { contracts } = examplePortfolio();
    const report = runPortfolio(contracts, ledger.records);
    const known = new Set(['alice chen', 'brian ortiz', 'carmen diaz', 'c. diaz']);
    const assigned = ledger.records.filter((r) => known.has(String(r.seller).trim().toLowerCase())).length;
    expect(report.rows).toEqual({ total: ledger.records.length, assigned, unassigned: ledger.records.length - assigned, unreadable: 0 });
    expect(report.rows.unassigned).toBeGreaterThan(0);
    const shouting = ledger.records.map((r) => ({ ...r, seller: `  ${String(r.seller).toUpperCase()} ` }));
    expect(runPortfolio(contracts, shouting).rows.assigned).toBe(assigned);
  });

  test('the roll-up sums obligations per payee and currency', () => {
    const { contracts } = examplePortfolio();
    const report = runPortfolio(contracts, ledger.records);
    const alice = report.obligations.find((l) => l.payee === 'Alice Chen' && l.currency === 'USD');
    const aliceObligations = report.contracts
      .filter((c) => c.payee === 'Alice Chen')
      .flatMap((c) => ('obligations' in c.result ? c.result.obligations : []));
    expect(alice?.obligations).toBe(aliceObligations.length);
    const sum = aliceObligations.reduce((s, o) => s + Math.round(Number(o.amount) * 100), 0);
    expect(Math.round(Number(alice?.amount) * 100)).toBe(sum);
    expect(alice?.contracts).toEqual(['alice-2026', 'alice-new-logos']);
    const csv = rollupCsv(report.obligations).split('\n');
    expect(csv[0]).toBe('payee,currency,amount,obligations,unresolved,contracts');
    expect(csv).toContain(`Alice Chen,USD,${alice?.amount},${alice?.obligations},0,alice-2026;alice-new-logos`);
  });

  test('a contract whose clause does not validate is reported and does not stop the others', () => {
    const { contracts } = examplePortfolio();
    const broken = [...contracts, { ...contracts[2], id: 'broken', clauseText: 'The Seller agrees to sell lots of things eventually.' }];
    const report = runPortfolio(broken, ledger.records);
    expect(report.ok).toBe(false);
    expect(report.failed).toEqual(['broken']);
    const bad = report.contracts.find((c) => c.id === 'broken');
    expect(bad?.result).toMatchObject({ ok: false, valid: false });
    expect('diagnostics' in (bad?.result ?? {}) && (bad?.result as { diagnostics: unknown[] }).diagnostics.length).toBeGreaterThan(0);
    expect(report.contracts.slice(0, 4)).toEqual(runPortfolio(contracts, ledger.records).contracts);
  });

  test('a contract with bad rows fails alone; other sellers’ contracts still evaluate', () => {
    const { contracts } = examplePortfolio();
    const records = [...ledger.records, { id: 'X-1', date: '2026-02-30', amount: '10', currency: 'USD', seller: 'Brian Ortiz' }];
    const report = runPortfolio(contracts, records);
    expect(report.failed).toEqual(['brian-deals']);
    const brian = report.contracts.find((c) => c.id === 'brian-deals')?.result;
    expect(brian && 'errors' in brian ? brian.errors.map((e) => [e.row, e.code]) : null).toEqual([[records.length, 'impossible-date']]);
  });

  test('the schema rejects a contract without a clause, with two, or with unknown fields; ids must be unique', () => {
    const base = { id: 'a', seller: 'S', effectiveDate: '2026-01-01', clauseText: 'x' };
    expect(readPortfolio({ contracts: [base] }).ok).toBe(true);
    const { clauseText: _omit, ...noClause } = base;
    void _omit;
    const cases: unknown[] = [
      { contracts: [] },
      { contracts: [noClause] },
      { contracts: [{ ...base, clause: 'a.clause' }] },
      { contracts: [{ ...base, colour: 'red' }] },
      { contracts: [{ ...base, effectiveDate: '1 Jan 2026' }] },
      { contracts: [{ ...base, seller: [] }] },
      { contracts: [base, base] },
    ];
    for (const c of cases) expect(readPortfolio(c).ok).toBe(false);
    const dup = readPortfolio({ contracts: [base, base] });
    expect(dup.ok ? [] : dup.errors).toEqual(["contract id 'a' appears more than once"]);
  });

  test('a schedule given inline or by file gives the same obligations', () => {
    const { contracts } = examplePortfolio();
    const schedule = parseSchedule(read('alice-schedule.json'));
    if (!schedule.ok) throw new Error('bad example schedule');
    const inline = resolveContracts({ contracts: [{ id: 'x', clauseText: read('alice.clause'), seller: 'Alice Chen', effectiveDate: '2026-01-01', timeZone: 'America/New_York', asOf: '2026-04-30', schedule: JSON.parse(read('alice-schedule.json')) }] }, read);
    const a = runPortfolio(inline, ledger.records).contracts[0].result;
    const b = runPortfolio([contracts[0]], ledger.records).contracts[0].result;
    expect('obligations' in a && a.obligations).toEqual('obligations' in b && b.obligations);
  });
});

describe('the days a portfolio keeps are bounded before they are allocated', () => {
  const contract = (id: string, effectiveDate: string, asOf: string): ResolvedContract => ({
    id,
    sellers: [id],
    payee: id,
    clauseFile: null,
    clauseText: read('alice.clause'),
    effectiveDate,
    timeZone: 'UTC',
    asOf,
    schedule: null,
  });

  test('a contract past the limit fails with portfolio-too-large; the ones within it evaluate', () => {
    // 2026-01-01 to 2027-08-23 is 600 days each: two fit in 1,200, the third does not.
    const contracts = ['a', 'b', 'c'].map((id) => contract(id, '2026-01-01', '2027-08-23'));
    const report = runInMemory(new PortfolioEvaluation(contracts, { maxContractDays: 1200 }), []);
    expect(report.contracts.map((c) => c.ok)).toEqual([true, true, false]);
    const failed = report.contracts[2].result;
    expect('contextError' in failed && failed.contextError).toMatch(/more than 1,200 days .*\(portfolio-too-large\); this contract adds 600/);
  });
});
