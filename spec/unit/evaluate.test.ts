import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { DocumentNode, MilestoneNode, PaymentTermNode, Range, TargetNode, WindowNode } from '../../src/language/ast';
import { evaluate, startEvaluation, type EvaluationSuccess, type MilestoneResult, type TwoPassEvaluation } from '../../src/evaluation/evaluate';
import { formatIsoDate, fromDayNumber } from '../../src/time/periods';
import type { LedgerRecord } from '../../src/ledger/rows';
import { readSchedule, parseSchedule } from '../../src/evaluation/schedule-reader';
import { runs } from '../support/clause-arbitraries';

// --- hand-built ASTs (independent of the grammar) ----------------------------------------------
const R: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
const usd = (amount: string) => ({ kind: 'money' as const, amount, currency: 'USD', text: `$${amount}`, range: R });
const revenue = (amount: string, basis: 'gross' | 'net' | null = null): TargetNode => ({ kind: 'revenue', amount: usd(amount), basis, range: R });
const endOfMonth = (n: number): WindowNode => ({ kind: 'end-of-period', unit: 'month', n, written: 'ordinal', range: R });
const inPeriod = (unit: 'month' | 'quarter', n: number): WindowNode => ({ kind: 'period', unit, n, range: R });
const milestone = (label: string, target: TargetNode, window: WindowNode, bonus?: string): MilestoneNode => ({
  kind: 'milestone',
  label,
  labelSource: null,
  target,
  window,
  payment: bonus ? { kind: 'fixed', noun: 'bonus', amount: usd(bonus), range: R } : null,
  range: R,
});
const doc = (milestones: MilestoneNode[], payments: PaymentTermNode[] = []): DocumentNode => ({
  kind: 'document',
  clauses: [{ kind: 'clause', form: 'enumerated', party: null, milestones, payments, range: R }],
  range: R,
});
const sectionX: PaymentTermNode = { kind: 'payment-term', scope: { kind: 'each' }, party: null, payment: { kind: 'section', ref: '[X]', placeholder: true, range: R }, range: R };

function ok(report: ReturnType<typeof evaluate>): EvaluationSuccess {
  if (!report.ok) throw new Error(JSON.stringify(report.errors));
  return report;
}

describe('evaluate', () => {
  const ctx = { effectiveDate: '2026-01-01', timeZone: 'America/New_York', asOf: '2026-03-15' };

  it('names the crossing row and explains the running total before it', () => {
    const ast = doc([milestone('i', revenue('1000'), endOfMonth(1), '50')]);
    const rows = [
      { id: 'a', date: '2026-01-03', amount: '400' },
      { id: 'b', date: '2026-01-09T08:00:00', amount: '300' },
      { id: 'c', date: '2026-01-09T09:00:00', amount: '-100' },
      { id: 'd', date: '2026-01-09T10:00:00', amount: '350' },
    ];
    const r = ok(evaluate(ast, rows, ctx));
    expect(r.milestones[0]).toMatchObject({ status: 'met', achievedBy: 'd', achievedAt: '2026-01-09', total: '1050', progress: '105.0' });
    expect(r.milestones[0].crossing).toEqual({
      runningTotalBeforeDay: '400',
      rows: [
        { id: 'a', row: 1, date: '2026-01-03', contribution: '400', runningTotal: '400' },
        { id: 'b', row: 2, date: '2026-01-09', contribution: '300', runningTotal: '700' },
        { id: 'd', row: 4, date: '2026-01-09', contribution: '350', runningTotal: '1050' },
      ],
    });
    expect(r.obligations).toEqual([
      expect.objectContaining({ amount: '50.00', currency: 'USD', basis: 'item', triggeredAt: '2026-01-09', triggeredBy: 'd' }),
    ]);
  });

  it('keeps exact decimals beyond four places and beyond 2^53 minor units', () => {
    const ast = doc([milestone('i', revenue('90000000000000.000002'), endOfMonth(1))]);
    const rows = [
      { date: '2026-01-02', amount: '45000000000000.000001' },
      { date: '2026-01-03', amount: '45000000000000' },
      { date: '2026-01-04', amount: '0.000001' },
    ];
    const r = ok(evaluate(ast, rows, ctx));
    expect(r.milestones[0]).toMatchObject({ status: 'met', achievedBy: '3', total: '90000000000000.000002' });
  });

  it('reports an invalid context as a failure, not an exception', () => {
    const r = evaluate(doc([]), [], { effectiveDate: '2026-01-01', timeZone: 'Nowhere/City' });
    expect(r.ok === false && r.errors[0].code).toBe('invalid-context');
  });

  it('uses the schedule currency and warns when it differs from the clause', () => {
    const schedule = readSchedule({ currency: 'EUR', payments: { i: '10.005' } });
    if (!schedule.ok) throw new Error(schedule.errors.join());
    const r = ok(evaluate(doc([milestone('i', revenue('1'), endOfMonth(1))], [sectionX]), [{ date: '2026-01-02', amount: '1' }], { ...ctx, schedule: schedule.schedule }));
    expect(r.obligations[0]).toMatchObject({ amount: '10.01', currency: 'EUR', basis: 'schedule' });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['schedule-currency']);
  });

  it('does not need a row in a window to be pending or missed', () => {
    const r = ok(evaluate(doc([milestone('i', revenue('1'), inPeriod('month', 2)), milestone('ii', revenue('1'), inPeriod('month', 4))]), [], ctx));
    expect(r.milestones.map((m) => [m.status, m.total])).toEqual([
      ['missed', '0'],
      ['pending', '0'],
    ]);
    expect(r.rows).toEqual({ total: 0, used: 0, ignored: { 'before-effective-date': 0, 'after-as-of': 0, 'outside-every-window': 0 } });
  });
});

/** The days pass 2 needs, as ISO dates in order (ends pass 1). */
function neededDays(e: TwoPassEvaluation<unknown>): string[] {
  return [...(e.endPass1()?.days ?? [])].sort((a, b) => a - b).map((d) => formatIsoDate(fromDayNumber(d)));
}

describe('the two-pass API', () => {
  it('keeps only rows on crossing days in pass 2 and equals evaluate()', () => {
    const ast = doc([milestone('i', revenue('500'), endOfMonth(1)), milestone('ii', { kind: 'deals', count: '3', noun: 'deals', range: R }, inPeriod('month', 2))]);
    const options = { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2026-03-01' };
    const rows: LedgerRecord[] = [];
    for (let d = 1; d <= 28; d++) rows.push({ date: `2026-01-${String(d).padStart(2, '0')}`, amount: '30' });
    for (let d = 1; d <= 28; d++) rows.push({ date: `2026-02-${String(d).padStart(2, '0')}`, amount: '1' });
    const e = startEvaluation(ast, options);
    rows.forEach((r, i) => e.record(r, i + 1));
    // 500 / 30 → the 17th sale, Jan 17; the third February deal is on Feb 3; the day before each
    // is kept too, to show the rows just before the crossing.
    expect(neededDays(e)).toEqual(['2026-01-16', '2026-01-17', '2026-02-02', '2026-02-03']);
    rows.forEach((r, i) => e.crossingRecord(r, i + 1));
    const result = e.finish();
    expect(result).toEqual(evaluate(ast, rows, options));
    expect(ok(result).milestones.map((m) => m.achievedBy)).toEqual(['17', '31']);
    // Only the last earlier active day is kept, so row 29 (Feb 1) is not shown.
    expect(ok(result).milestones[1].crossing?.rows.map((r) => [r.id, r.runningTotal])).toEqual([
      ['30', '2'],
      ['31', '3'],
    ]);
  });

  it('refuses, rather than say "missed", when the second pass does not bring back the rows the first saw', () => {
    const ast = doc([milestone('i', revenue('500'), endOfMonth(1)), milestone('ii', revenue('100000'), endOfMonth(2))]);
    const options = { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2026-03-01' };
    const rows: LedgerRecord[] = [];
    for (let d = 1; d <= 28; d++) rows.push({ date: `2026-01-${String(d).padStart(2, '0')}`, amount: '30' });
    const skipped = startEvaluation(ast, options);
    rows.forEach((r, i) => skipped.record(r, i + 1));
    skipped.endPass1(); // and no crossingRecord: a ledger that changed, or a pipe read twice
    const refused = skipped.finish();
    expect(refused.ok === false && refused.errors.map((e) => [e.code, e.label, e.message])).toEqual([
      [
        'second-pass-mismatch',
        'i',
        '(i): the first pass over the rows reached the target by 2026-01-17, but the rows read again do not; ' +
          'the two passes did not read the same ledger (was it changed while being read, or were rows left out of the second pass?)',
      ],
    ]);
    // A milestone that was never reached (ii) needs nothing from pass 2, and read in full both are fine.
    expect(ok(evaluate(ast, rows, options)).milestones.map((m) => m.status)).toEqual(['met', 'missed']);
  });
});

describe('duplicate ids', () => {
  const ast = doc([milestone('i', revenue('1000000'), endOfMonth(1))]);
  const options = { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2026-03-01' };

  it('names every repeat and the row that used the id first, in any input order, with no crossing day', () => {
    const rows: LedgerRecord[] = [];
    for (let i = 1; i <= 3000; i++) rows.push({ id: `S${i % 1000}`, date: '2026-01-05', amount: '1' });
    const r = evaluate(ast, rows, options);
    expect(r.ok === false && r.errorCount).toBe(2000);
    expect(r.ok === false && r.errors[0]).toMatchObject({ code: 'duplicate-id', row: 1001, value: 'S1', message: expect.stringContaining('already used by row 1;') });
  });

  it('reads ids as names in both passes: a doubled, no-break or zero-width space inside makes the same id', () => {
    const r = evaluate(
      ast,
      [
        { id: 'A 1', date: '2026-01-05', amount: '1' },
        { id: 'A  1', date: '2026-01-06', amount: '1' },
        { id: 'B\u00a01', date: '2026-01-07', amount: '1' },
        { id: 'B 1', date: '2026-01-08', amount: '1' },
        { id: 'C\u200b2', date: '2026-01-09', amount: '1' },
        { id: 'C2', date: '2026-01-10', amount: '1' },
      ],
      options,
    );
    expect(r.ok === false && r.errors.map((e) => [e.row, e.code, e.value])).toEqual([
      [2, 'duplicate-id', 'A 1'],
      [4, 'duplicate-id', 'B 1'],
      [6, 'duplicate-id', 'C2'],
    ]);
  });

  it('also checks the ids of rows with other problems', () => {
    const r = evaluate(ast, [{ id: 'X', date: '2026-01-05', amount: '1' }, { id: 'X', date: '2026-02-30', amount: '1' }], options);
    expect(r.ok === false && r.errors.map((e) => [e.row, e.code])).toEqual([
      [2, 'impossible-date'],
      [2, 'duplicate-id'],
    ]);
  });

  it('refuses to guess when the second pass is skipped', () => {
    const e = startEvaluation(ast, options);
    e.record({ id: 'X', date: '2026-01-05', amount: '1' }, 1);
    e.record({ id: 'X', date: '2026-01-06', amount: '1' }, 2);
    const needs = e.endPass1();
    expect(needs?.days.size).toBe(0);
    expect(needs?.suspectIdHashes?.size).toBe(1);
    const r = e.finish();
    expect(r.ok === false && r.errors[0].message).toMatch(/run the second pass/);
  });
});

describe('schedule', () => {
  it('validates with the JSON Schema and explains what is wrong', () => {
    expect(parseSchedule('{"currency":"USD","payments":{"i":"100.50","ii":7}}').ok).toBe(true);
    const bad = parseSchedule('{"currency":"usd","payments":{"i":"1,000"},"extra":1}');
    expect(bad.ok === false && bad.errors.join('\n')).toMatch(/currency at \/currency must be a three-letter ISO 4217 code such as USD, not "usd"/);
    expect(bad.ok === false && bad.errors.join('\n')).toMatch(/unknown field 'extra'/);
    expect(bad.ok === false && bad.errors.join('\n')).toMatch(/payments.i at \/payments\/i: the amount for milestone 'i' must be a non-negative plain decimal such as "2500.00" .* not "1,000"/);
    // One message per place: not ajv's three (each oneOf branch, then 'must match exactly one schema in oneOf').
    const negative = parseSchedule('{"currency":"USD","payments":{"ii":-5}}');
    expect(negative.ok === false && negative.errors).toEqual([
      `payments.ii at /payments/ii: the amount for milestone 'ii' must be a non-negative plain decimal such as "2500.00" (a string keeps it exact) or a JSON number, not -5`,
    ]);
    expect(negative.ok === false && negative.errors.join('\n')).not.toMatch(/oneOf/);
    const missing = parseSchedule('{"payments":{}}');
    expect(missing.ok === false && missing.errors.join('\n')).toMatch(/needs 'currency'/);
    expect(parseSchedule('{"currency":"XYZ","payments":{"i":"1"}}').ok).toBe(false);
    expect(parseSchedule('not json').ok).toBe(false);
  });
});

// --- properties --------------------------------------------------------------------------------
// A fixed clause exercising every metric, evaluated in New York from E = 2026-01-01 to A = 2026-03-20:
// contract months are then calendar months, which the reference below hard-codes.
const PROPERTY_AST = (t1: number, t2: number) =>
  doc([
    milestone('a', revenue(cents(t1)), endOfMonth(1)),
    milestone('b', revenue(cents(t2), 'net'), endOfMonth(2)),
    milestone('c', { kind: 'deals', count: '5', noun: 'deals', range: R }, inPeriod('month', 2)),
    milestone('d', { kind: 'new-customers', count: '3', noun: 'customers', range: R }, inPeriod('quarter', 1)),
    milestone('e', { kind: 'units', count: '20', product: 'Widget', range: R }, { kind: 'recurring', unit: 'month', range: R }),
  ]);
const ZONE = 'America/New_York';
const OPTIONS = { effectiveDate: '2026-01-01', timeZone: ZONE, asOf: '2026-03-20' };
/** [first day, last day, deadline]: windows cut at A = Mar 20, deadlines as written. */
const WINDOWS: Record<string, Array<[string, string, string]>> = {
  a: [['2026-01-01', '2026-01-31', '2026-01-31']],
  b: [['2026-01-01', '2026-02-28', '2026-02-28']],
  c: [['2026-02-01', '2026-02-28', '2026-02-28']],
  d: [['2026-01-01', '2026-03-20', '2026-03-31']],
  e: [['2026-01-01', '2026-01-31', '2026-01-31'], ['2026-02-01', '2026-02-28', '2026-02-28'], ['2026-03-01', '2026-03-20', '2026-03-31']],
};

function cents(n: number): string {
  const abs = Math.abs(n);
  return `${n < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

interface GenRow {
  minute: number;
  cents: number;
  customer: number;
  widget: boolean;
  units: number;
}

const BASE = Date.parse('2026-01-01T05:00:00Z') - 10 * 86_400_000;
const genRow = fc.record({
  minute: fc.integer({ min: 0, max: 100 * 24 * 60 }),
  cents: fc.integer({ min: -40_000, max: 150_000 }),
  customer: fc.integer({ min: 0, max: 7 }),
  widget: fc.boolean(),
  units: fc.integer({ min: -3, max: 9 }),
});

function toRecord(r: GenRow, id: string): LedgerRecord {
  return {
    id,
    date: new Date(BASE + r.minute * 60_000).toISOString(),
    amount: cents(r.cents),
    customer: `C${r.customer}`,
    product: r.widget ? 'Widget' : 'Gadget',
    units: String(r.units),
  };
}

/** Integer-cents reference: hold every row, sort, scan. Deliberately the naive algorithm. */
function reference(rows: GenRow[], t1: number, t2: number) {
  const dated = rows.map((r, i) => ({ ...r, i, id: `r${i}`, t: BASE + r.minute * 60_000, day: DateTime.fromMillis(BASE + r.minute * 60_000, { zone: ZONE }).toISODate() as string }));
  dated.sort((x, y) => x.t - y.t || x.i - y.i);
  const first = new Map<number, (typeof dated)[number]>();
  for (const r of dated) if (r.cents > 0 && !first.has(r.customer)) first.set(r.customer, r);
  // A customer with any row before E (even a refund) is never new.
  for (const r of dated) if (r.day < '2026-01-01') first.delete(r.customer);
  const contribution: Record<string, (r: (typeof dated)[number]) => number> = {
    a: (r) => Math.max(r.cents, 0),
    b: (r) => r.cents,
    c: (r) => (r.cents > 0 ? 1 : 0),
    d: (r) => (first.get(r.customer) === r ? 1 : 0),
    e: (r) => (r.widget ? Math.max(r.units, 0) : 0),
  };
  const targets: Record<string, number> = { a: t1, b: t2, c: 5, d: 3, e: 20 };
  const out: Array<{ status: string; total: number; achievedBy: string | null }> = [];
  for (const label of ['a', 'b', 'c', 'd', 'e']) {
    for (const [from, to, deadline] of WINDOWS[label]) {
      let running = 0;
      let achievedBy: string | null = null;
      for (const r of dated) {
        if (r.day < from || r.day > to || r.day < '2026-01-01') continue;
        running += contribution[label](r);
        if (achievedBy === null && running >= targets[label]) achievedBy = r.id;
      }
      out.push({ status: achievedBy ? 'met' : '2026-03-20' >= deadline ? 'missed' : 'pending', total: running, achievedBy });
    }
  }
  return out;
}

const scaleOf = (m: MilestoneResult) => (m.metric.endsWith('revenue') ? 100 : 1);
const withoutRowNumbers = (r: EvaluationSuccess) =>
  JSON.parse(JSON.stringify(r, (key, value) => (key === 'achievedByRow' || key === 'row' ? undefined : value))) as unknown;

const genLedger = fc.tuple(fc.array(genRow, { minLength: 0, maxLength: 40 }), fc.integer({ min: 1, max: 600_000 }), fc.integer({ min: 1, max: 600_000 }));

describe('properties', () => {
  it('totals, statuses and crossing rows equal an integer-cents reference', () => {
    fc.assert(
      fc.property(genLedger, ([rows, t1, t2]) => {
        const r = ok(evaluate(PROPERTY_AST(t1, t2), rows.map((row, i) => toRecord(row, `r${i}`)), OPTIONS));
        const expected = reference(rows, t1, t2);
        expect(r.milestones.map((m) => ({ status: m.status, total: Math.round(Number(m.total) * scaleOf(m)), achievedBy: m.achievedBy }))).toEqual(expected);
      }),
      { numRuns: runs(60) },
    );
  });

  it('the second pass may read the rows in another order than the first', () => {
    fc.assert(
      fc.property(genLedger, fc.boolean(), ([rows, t1, t2], reverse) => {
        const records = rows.map((row, i) => toRecord(row, `r${i % 7 === 6 ? 'dup' : i}`));
        const e = startEvaluation(PROPERTY_AST(t1, t2), OPTIONS);
        records.forEach((r, i) => e.record(r, i + 1));
        e.endPass1();
        const order = records.map((_, i) => i);
        if (reverse) order.reverse();
        else order.sort((a, b) => (a % 3) - (b % 3) || a - b);
        for (const i of order) e.crossingRecord(records[i], i + 1);
        expect(e.finish()).toEqual(evaluate(PROPERTY_AST(t1, t2), records, OPTIONS));
      }),
      { numRuns: runs(40) },
    );
  });

  it('shuffling rows with distinct times changes nothing', () => {
    fc.assert(
      fc.property(
        genLedger.chain(([rows, t1, t2]) => {
          const distinct = [...new Map(rows.map((r) => [r.minute, r])).values()];
          return fc.tuple(fc.constant(distinct), fc.shuffledSubarray(distinct.map((_, i) => i), { minLength: distinct.length }), fc.constant(t1), fc.constant(t2));
        }),
        ([rows, order, t1, t2]) => {
          const records = rows.map((row, i) => toRecord(row, `r${i}`));
          const a = ok(evaluate(PROPERTY_AST(t1, t2), records, OPTIONS));
          const b = ok(evaluate(PROPERTY_AST(t1, t2), order.map((i) => records[i]), OPTIONS));
          expect(withoutRowNumbers(b)).toEqual(withoutRowNumbers(a));
        },
      ),
      { numRuns: runs(40) },
    );
  });

  it('splitting a sale into two at the same time changes no status, crossing day or total', () => {
    fc.assert(
      fc.property(genLedger, fc.nat(), fc.integer({ min: 1, max: 99 }), ([rows, t1, t2], pick, percent) => {
        const sales = rows.map((r, i) => i).filter((i) => rows[i].cents > 1);
        fc.pre(sales.length > 0);
        const at = sales[pick % sales.length];
        const part = Math.max(1, Math.min(rows[at].cents - 1, Math.floor((rows[at].cents * percent) / 100)));
        const split = [
          ...rows.slice(0, at),
          { ...rows[at], cents: part, units: 0 },
          { ...rows[at], cents: rows[at].cents - part },
          ...rows.slice(at + 1),
        ];
        const a = ok(evaluate(PROPERTY_AST(t1, t2), rows.map((row, i) => toRecord(row, `r${i}`)), OPTIONS));
        const b = ok(evaluate(PROPERTY_AST(t1, t2), split.map((row, i) => toRecord(row, `s${i}`)), OPTIONS));
        // A deal is a row, so splitting one sale into two rows is two deals by definition: deals are excluded.
        const view = (r: EvaluationSuccess) => r.milestones.filter((m) => m.metric !== 'deals').map((m) => [m.status, m.achievedAt, m.total]);
        expect(view(b)).toEqual(view(a));
      }),
      { numRuns: runs(40) },
    );
  });
});
