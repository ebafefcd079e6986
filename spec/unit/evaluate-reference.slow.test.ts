/**
 * Issue 6: random clauses against random ledgers agree with a small, obviously correct reference
 * evaluator written here: integer cents, day numbers, and for each milestone a brute-force scan of
 * every row. It implements issue 3's rules directly (contract months by the corresponding-day
 * rule, computed from E each time; cumulative, period and recurring windows; gross, net, deals,
 * units and new customers; met at the first row reaching the target, in date order, ties in input
 * order; missed once A is on or after the deadline). Rows are dates without a time, which are local
 * days in any zone, so the zone (drawn from a few with DST gaps and odd offsets) must change nothing;
 * date-times and zone conversion are the evaluator's own tests' business (spec/evaluate*.test.ts).
 */
import fc from 'fast-check';
import type { DocumentNode, LimitNode, MilestoneNode, MoneyNode, PaymentNode, PaymentTermNode, PeriodUnit, CalendarUnit, Range, TargetNode, TierBandNode, UnlimitedPaymentNode, WindowNode } from '../../src/language/ast';
import { evaluate, type EvaluationSuccess } from '../../src/evaluation/evaluate';
import { parse } from '../../src/language/parse';
import { runs, SEED } from '../support/clause-arbitraries';

const R: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

// --- days --------------------------------------------------------------------------------------

const DAY = 86_400_000;
const dayOf = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY;
const isoOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** B(n): the day n months after E by the corresponding-day rule (the same day, else the 1st of the next month). */
function monthsAfter(e: { y: number; m: number; d: number }, n: number): number {
  const index = e.m - 1 + n;
  const y = e.y + Math.floor(index / 12);
  const m = (index % 12) + 1;
  if (e.d <= daysIn(y, m)) return dayOf(y, m, e.d);
  return m === 12 ? dayOf(y + 1, 1, 1) : dayOf(y, m + 1, 1);
}

const MONTHS: Record<PeriodUnit, number> = { month: 1, quarter: 3, year: 12 };

// --- generated cases ---------------------------------------------------------------------------

interface Row {
  offset: number; // days from E
  cents: number;
  customer: number;
  widget: boolean;
  units: number;
}

type Metric = 'gross' | 'net' | 'deals' | 'units' | 'widgets' | 'new-customers';

interface Spec {
  metric: Metric;
  target: number; // cents for revenue, else a count
  window: WindowNode;
}

/**
 * A computed payment: rates in hundredths of a percent (125 = 1.25%), amounts in cents; the base is
 * the window's gross or net revenue up to A.
 */
type Formula =
  | { kind: 'excess'; net: boolean; rate: number; threshold: number | 'target' }
  | { kind: 'tiers'; net: boolean; tops: number[]; rates: number[]; method: 'marginal' | 'retroactive' }
  | { kind: 'increment'; net: boolean; per: number; size: number; threshold: number | null; proRata: boolean };
interface PaymentSpec {
  formula: Formula;
  cap: { cents: number; per: 'payment' | PeriodUnit } | null;
  floor: number | null;
}

const unit = fc.constantFrom<PeriodUnit>('month', 'quarter', 'year');
const CALENDAR_MONTHS: Record<CalendarUnit, number> = { month: 1, quarter: 3, 'half-year': 6, year: 12 };
const isoYear = (day: number): number => Number(isoOf(day).slice(0, 4));
const windowArb = (eDay: number, calendar = false): fc.Arbitrary<WindowNode> => (calendar ? calendarWindowArb(eDay) : contractWindowArb(eDay));
const contractWindowArb = (eDay: number): fc.Arbitrary<WindowNode> =>
  fc.oneof(
    fc.record({ kind: fc.constant('end-of-period' as const), unit, n: fc.integer({ min: 1, max: 5 }), written: fc.constant('ordinal' as const), range: fc.constant(R) }),
    fc.integer({ min: -5, max: 420 }).map((k): WindowNode => ({ kind: 'by-date', date: isoOf(eDay + k), range: R })),
    fc.record({ kind: fc.constant('within' as const), n: fc.integer({ min: 1, max: 400 }), unit: fc.constant('day' as const), relation: fc.constant('of' as const), range: fc.constant(R) }),
    fc.record({ kind: fc.constant('within' as const), n: fc.integer({ min: 1, max: 13 }), unit: fc.constant('month' as const), relation: fc.constant('after' as const), range: fc.constant(R) }),
    fc.record({ kind: fc.constant('period' as const), unit, n: fc.integer({ min: 1, max: 4 }), range: fc.constant(R) }),
    fc.record({ kind: fc.constant('recurring' as const), unit, range: fc.constant(R) }),
  );
/** Calendar periods: each one, the first one that meets the target, or one named period near E. */
const calendarWindowArb = (eDay: number): fc.Arbitrary<WindowNode> =>
    fc
      .tuple(fc.constantFrom<CalendarUnit>('month', 'quarter', 'half-year', 'year'), fc.constantFrom<'each' | 'first' | 'named'>('each', 'first', 'named'), fc.integer({ min: -1, max: 2 }), fc.integer({ min: 1, max: 12 }))
      .map(([u, selection, yearOffset, n]): WindowNode => ({
        kind: 'calendar-period', unit: u, yearStart: '01-01', written: 'in any', range: R,
        selection: selection === 'named' ? { kind: 'named', year: isoYear(eDay) + yearOffset, n: ((n - 1) % (12 / CALENDAR_MONTHS[u])) + 1 } : { kind: selection },
      }));

const specArb = (eDay: number, calendar = false): fc.Arbitrary<Spec> =>
  fc
    .tuple(fc.constantFrom<Metric>('gross', 'net', 'deals', 'units', 'widgets', 'new-customers'), fc.integer({ min: 1, max: 400_000 }), fc.integer({ min: 1, max: 12 }), windowArb(eDay, calendar))
    .map(([metric, cents, count, window]) => ({ metric, target: metric === 'gross' || metric === 'net' ? cents : count, window }));

const formulaArb: fc.Arbitrary<Formula> = fc.oneof(
  fc.record({ kind: fc.constant('excess' as const), net: fc.boolean(), rate: fc.integer({ min: 0, max: 5000 }), threshold: fc.oneof(fc.integer({ min: 0, max: 300_000 }), fc.constant('target' as const)) }),
  fc
    .record({ net: fc.boolean(), tops: fc.uniqueArray(fc.integer({ min: 1, max: 400_000 }), { minLength: 1, maxLength: 3 }), rates: fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 4, maxLength: 4 }), method: fc.constantFrom('marginal' as const, 'retroactive' as const) })
    .map((t) => ({ kind: 'tiers' as const, ...t, tops: [...t.tops].sort((a, b) => a - b) })),
  fc.record({
    kind: fc.constant('increment' as const),
    net: fc.boolean(),
    per: fc.integer({ min: 1, max: 500_000 }),
    size: fc.integer({ min: 1, max: 200_000 }),
    threshold: fc.option(fc.integer({ min: 0, max: 300_000 })),
    proRata: fc.boolean(),
  }),
);
const paymentArb: fc.Arbitrary<PaymentSpec> = fc.record({
  formula: formulaArb,
  cap: fc.option(fc.record({ cents: fc.integer({ min: 0, max: 20_000 }), per: fc.constantFrom('payment' as const, 'month' as const, 'quarter' as const, 'year' as const) })),
  floor: fc.option(fc.integer({ min: 0, max: 5_000 }), { freq: 3 }),
});

const rowArb = fc.record({
  offset: fc.integer({ min: -30, max: 520 }),
  cents: fc.integer({ min: -40_000, max: 150_000 }),
  customer: fc.integer({ min: 0, max: 6 }),
  widget: fc.boolean(),
  units: fc.integer({ min: -3, max: 9 }),
});

const caseArbOf = (calendar: boolean) => fc
  .tuple(fc.integer({ min: 2024, max: 2027 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .filter(([y, m, d]) => d <= daysIn(y, m))
  .chain(([y, m, d]) => {
    const e = { y, m, d };
    const eDay = dayOf(y, m, d);
    return fc.record({
      e: fc.constant(e),
      asOf: fc.integer({ min: -10, max: 500 }).map((k) => eDay + k),
      specs: fc.array(specArb(eDay, calendar), { minLength: 1, maxLength: 4 }),
      // One payment sentence for every milestone (a cap per period then counts them together), or one payment each.
      payments: fc.oneof(fc.tuple(paymentArb).map(([p]) => ({ shared: true, list: [p] })), fc.array(paymentArb, { minLength: 4, maxLength: 4 }).map((list) => ({ shared: false, list }))),
      rows: fc.array(rowArb, { maxLength: 30 }),
      // Date-only rows are local days in any zone, so the zone must change nothing (DST gaps included).
      zone: fc.constantFrom('UTC', 'America/New_York', 'Asia/Tokyo', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Apia'),
    });
  });

const caseArb = caseArbOf(false);
/** Clauses whose milestones are all tested in calendar periods. */
const calendarCaseArb = caseArbOf(true);

// --- the AST and ledger handed to the evaluator ------------------------------------------------

const cents = (n: number): string => `${n < 0 ? '-' : ''}${Math.floor(Math.abs(n) / 100)}.${String(Math.abs(n) % 100).padStart(2, '0')}`;

function targetNode(s: Spec): TargetNode {
  switch (s.metric) {
    case 'gross':
    case 'net':
      return { kind: 'revenue', amount: { kind: 'money', amount: cents(s.target), currency: 'USD', text: '', range: R }, basis: s.metric, range: R };
    case 'deals':
      return { kind: 'deals', count: String(s.target), noun: 'deals', range: R };
    case 'units':
    case 'widgets':
      return { kind: 'units', count: String(s.target), product: s.metric === 'widgets' ? 'widget' : null, range: R };
    case 'new-customers':
      return { kind: 'new-customers', count: String(s.target), noun: 'customers', range: R };
  }
}

const usd = (n: number): MoneyNode => ({ kind: 'money', amount: cents(n), currency: 'USD', text: '', range: R });
const percentOf = (rate: number): string => `${Math.floor(rate / 100)}.${String(rate % 100).padStart(2, '0')}`;

function paymentNode(p: PaymentSpec): PaymentNode {
  const f = p.formula;
  const basis = f.net ? ('net' as const) : ('gross' as const);
  let inner: UnlimitedPaymentNode;
  switch (f.kind) {
    case 'excess':
      inner = { kind: 'rate-on-excess', intro: null, percent: percentOf(f.rate), basis, comparator: 'above', threshold: f.threshold === 'target' ? { kind: 'target-reference', range: R } : usd(f.threshold), range: R };
      break;
    case 'tiers': {
      const bands: TierBandNode[] = f.tops.map((top, i) => ({ kind: 'tier-band', percent: percentOf(f.rates[i]), basis, quantifier: null, lower: null, from: null, upper: 'up to', to: usd(top), range: R }));
      bands.push({ kind: 'tier-band', percent: percentOf(f.rates[f.tops.length]), basis, quantifier: null, lower: 'above', from: null, upper: null, to: null, range: R });
      inner = { kind: 'tiered', intro: null, bands, method: f.method, range: R };
      break;
    }
    case 'increment':
      inner = { kind: 'per-increment', noun: 'bonus', amount: usd(f.per), full: false, increment: usd(f.size), basis, comparator: f.threshold === null ? null : 'above', threshold: f.threshold === null ? null : usd(f.threshold), proRata: f.proRata, range: R };
      break;
  }
  if (p.cap === null && p.floor === null) return inner;
  const limit = (written: LimitNode['written'], n: number, per: LimitNode['per']): LimitNode => ({ kind: 'limit', written, amount: usd(n), per, perWritten: per === 'payment' ? null : 'in any', range: R });
  return { kind: 'limited', payment: inner, cap: p.cap && limit('not to exceed', p.cap.cents, p.cap.per), floor: p.floor === null ? null : limit('with a minimum of', p.floor, 'payment'), range: R };
}

function documentOf(specs: Spec[], payments?: { shared: boolean; list: PaymentSpec[] }): DocumentNode {
  const own = payments && !payments.shared;
  const milestones: MilestoneNode[] = specs.map((s, i) => ({ kind: 'milestone', label: String(i + 1), labelSource: null, target: targetNode(s), window: s.window, payment: own ? paymentNode(payments.list[i]) : null, range: R }));
  const terms: PaymentTermNode[] = payments?.shared ? [{ kind: 'payment-term', scope: { kind: 'each' }, party: null, payment: paymentNode(payments.list[0]), range: R }] : [];
  return { kind: 'document', clauses: [{ kind: 'clause', form: 'enumerated', party: null, milestones, payments: terms, range: R }], range: R };
}

const recordsOf = (rows: Row[], eDay: number) =>
  rows.map((r, i) => ({
    id: `r${i}`,
    date: isoOf(eDay + r.offset),
    amount: cents(r.cents),
    customer: `C${r.customer}`,
    product: r.widget ? ' Widget ' : 'Gadget',
    units: String(r.units),
  }));

// --- the reference -----------------------------------------------------------------------------

interface Expected {
  period: number | null;
  windowStart: string;
  deadline: string;
  status: 'met' | 'missed' | 'pending';
  achievedBy: string | null;
  total: number;
}

/** What the reference also keeps of a met instance, to compute its payment. */
interface Met {
  spec: number;
  period: number | null;
  day: number;
  gross: number;
  net: number;
}

function reference(c: { e: { y: number; m: number; d: number }; asOf: number; specs: Spec[]; rows: Row[]; zone: string }, met: Met[] = []): Expected[] {
  const eDay = dayOf(c.e.y, c.e.m, c.e.d);
  const B = (n: number): number => monthsAfter(c.e, n);
  const rows = c.rows.map((r, i) => ({ ...r, i, day: eDay + r.offset })).sort((a, b) => a.day - b.day || a.i - b.i);
  // New customers: the first positive-amount row of a customer never seen before E.
  const seenBefore = new Set(rows.filter((r) => r.day < eDay).map((r) => r.customer));
  const firstSale = new Map<number, number>();
  for (const r of rows) if (r.cents > 0 && !firstSale.has(r.customer)) firstSale.set(r.customer, r.i);
  const contribution = (metric: Metric, r: (typeof rows)[number]): number => {
    switch (metric) {
      case 'gross':
        return Math.max(r.cents, 0);
      case 'net':
        return r.cents;
      case 'deals':
        return r.cents > 0 ? 1 : 0;
      case 'units':
        return Math.max(r.units, 0);
      case 'widgets':
        return r.widget ? Math.max(r.units, 0) : 0;
      case 'new-customers':
        return firstSale.get(r.customer) === r.i && !seenBefore.has(r.customer) ? 1 : 0;
    }
  };
  const out: Expected[] = [];
  for (const [specIndex, s] of c.specs.entries()) {
    const w = s.window;
    const windows: { start: number; end: number; period: number | null }[] = [];
    if (w.kind === 'end-of-period') windows.push({ start: eDay, end: B(w.n * MONTHS[w.unit]), period: null });
    else if (w.kind === 'by-date') {
      const [y, m, d] = w.date.split('-').map(Number);
      windows.push({ start: eDay, end: dayOf(y, m, d) + 1, period: null });
    } else if (w.kind === 'within') windows.push({ start: eDay, end: w.unit === 'day' ? eDay + w.n + 1 : B(w.n), period: null });
    else if (w.kind === 'period') windows.push({ start: B((w.n - 1) * MONTHS[w.unit]), end: B(w.n * MONTHS[w.unit]), period: null });
    else if (w.kind === 'calendar-period') {
      // Calendar periods, aligned to January 1 (month index m counts months since year 0), cut at E.
      const k = CALENDAR_MONTHS[w.unit];
      const startOf = (index: number): number => dayOf(Math.floor((index * k) / 12), ((index * k) % 12) + 1, 1);
      if (w.selection.kind === 'named') {
        const index = (w.selection.year * 12) / k + w.selection.n - 1;
        windows.push({ start: Math.min(Math.max(startOf(index), eDay), startOf(index + 1)), end: startOf(index + 1), period: null });
      } else {
        let index = Math.floor((c.e.y * 12 + c.e.m - 1) / k);
        for (let p = 1; p === 1 || startOf(index) <= c.asOf; p++, index++) windows.push({ start: Math.max(startOf(index), eDay), end: startOf(index + 1), period: p });
      }
    }
    // One instance per period started by A, and at least the first (src/time/periods.ts: "so that a clause
    // evaluated before its first period still reports something"; issue 3 says only "started by A").
    else if (w.kind === 'recurring') for (let p = 1; p === 1 || B((p - 1) * MONTHS[w.unit]) <= c.asOf; p++) windows.push({ start: B((p - 1) * MONTHS[w.unit]), end: B(p * MONTHS[w.unit]), period: p });
    else throw new Error(`the reference does not draw '${w.kind}' windows`);
    const calendar = w.kind === 'calendar-period';
    for (const win of windows) {
      let before = 0;
      let total = 0;
      let achievedBy: string | null = null;
      let achievedDay = 0;
      let gross = 0;
      let net = 0;
      for (const r of rows) {
        if (r.day < win.start || r.day >= win.end || r.day < eDay || r.day > c.asOf) continue;
        total += contribution(s.metric, r);
        gross += Math.max(r.cents, 0);
        net += r.cents;
        if (calendar) {
          // Tested on the period's own total: the row after which the total reaches the target and stays there.
          if (total >= s.target && before < s.target) (achievedBy = `r${r.i}`), (achievedDay = r.day);
          before = total;
        } else if (achievedBy === null && total >= s.target) (achievedBy = `r${r.i}`), (achievedDay = r.day);
      }
      if (calendar && total < s.target) achievedBy = null;
      if (achievedBy !== null) met.push({ spec: specIndex, period: win.period, day: achievedDay, gross, net });
      const deadline = win.end - 1;
      out.push({
        period: win.period,
        windowStart: isoOf(win.start),
        deadline: isoOf(deadline),
        status: achievedBy ? 'met' : c.asOf >= deadline ? 'missed' : 'pending',
        achievedBy,
        total,
      });
      // The first period in which the target is met is paid once: the later ones are not reported.
      if (achievedBy && w.kind === 'calendar-period' && w.selection.kind === 'first') break;
    }
  }
  return out;
}

// --- payments, in integer cents ------------------------------------------------------------------

const big = BigInt;
/** n / d rounded half-up (away from zero at a half; the amounts here are never negative). */
function halfUp(n: bigint, d: bigint): bigint {
  const q = n / d;
  return (n % d) * 2n >= d ? q + 1n : q;
}

/** The amount in cents of a payment for a base (cents), before caps and floors. */
function formulaCents(f: Formula, base: number, targetCents: number): bigint {
  const b = big(Math.max(base, 0));
  switch (f.kind) {
    case 'excess': {
      const t = big(f.threshold === 'target' ? targetCents : f.threshold);
      const excess = big(base) > t ? big(base) - t : 0n;
      return halfUp(excess * big(f.rate), 10_000n);
    }
    case 'tiers': {
      const tops = f.tops.map(big);
      if (f.method === 'retroactive') {
        // The first band whose top the base does not pass ("up to $X" includes X).
        let band = tops.findIndex((top) => b <= top);
        if (band === -1) band = tops.length;
        return halfUp(b * big(f.rates[band]), 10_000n);
      }
      let sum = 0n; // in cents × 10,000
      let from = 0n;
      for (let i = 0; i <= tops.length; i++) {
        const to = i < tops.length ? tops[i] : null;
        const top = to === null || b < to ? b : to;
        if (top > from) sum += (top - from) * big(f.rates[i]);
        if (to !== null) from = to;
      }
      return halfUp(sum, 10_000n);
    }
    case 'increment': {
      const t = big(f.threshold ?? 0);
      const excess = big(base) > t ? big(base) - t : 0n;
      if (f.proRata) return halfUp(big(f.per) * excess, big(f.size));
      return (excess / big(f.size)) * big(f.per);
    }
  }
}

/** The contract period of `unit` holding `day`: the n with B((n-1)k) <= day < B(nk). */
function periodOf(e: { y: number; m: number; d: number }, unit: PeriodUnit, day: number): number {
  let n = 1;
  while (monthsAfter(e, n * MONTHS[unit]) <= day) n++;
  return n;
}

function referencePayments(c: { e: { y: number; m: number; d: number }; specs: Spec[]; payments: { shared: boolean; list: PaymentSpec[] } }, met: Met[]): Array<{ label: string; period: number | null; amount: string | null }> {
  const amounts: bigint[] = met.map((m) => {
    const p = c.payments.list[c.payments.shared ? 0 : m.spec];
    const f = p.formula;
    const raw = formulaCents(f, f.net ? m.net : m.gross, c.specs[m.spec].target);
    return p.floor !== null && raw < big(p.floor) ? big(p.floor) : raw;
  });
  // Caps, in order of the day triggered, ties in report order; per period, what is left of the cap.
  const order = met.map((_, i) => i).sort((a, b) => met[a].day - met[b].day || a - b);
  const used = new Map<string, bigint>();
  for (const i of order) {
    const key = c.payments.shared ? 0 : met[i].spec;
    const cap = c.payments.list[key].cap;
    if (cap === null) continue;
    if (cap.per === 'payment') {
      if (amounts[i] > big(cap.cents)) amounts[i] = big(cap.cents);
      continue;
    }
    const k = `${key}/${periodOf(c.e, cap.per, met[i].day)}`;
    const spent = used.get(k) ?? 0n;
    const room = big(cap.cents) - spent;
    if (amounts[i] > room) amounts[i] = room;
    used.set(k, spent + amounts[i]);
  }
  // The rows name no currency, so only a revenue target gives one; without it the amount is undefined, never 0.
  const currency = c.specs.some((s) => s.metric === 'gross' || s.metric === 'net');
  return met.map((m, i) => ({ label: String(m.spec + 1), period: m.period, amount: currency ? cents(Number(amounts[i])) : null }));
}

describe('the evaluator against a brute-force reference', () => {
  test('random computed payments (rates on the excess or the target, marginal and retroactive tiers, increments whole or pro rata, caps per payment or period, floors) agree on every amount', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const eDay = dayOf(c.e.y, c.e.m, c.e.d);
        const report = evaluate(documentOf(c.specs, c.payments), recordsOf(c.rows, eDay), { effectiveDate: isoOf(eDay), timeZone: c.zone, asOf: isoOf(c.asOf) });
        if (!report.ok) throw new Error(JSON.stringify(report.errors));
        const met: Met[] = [];
        reference(c, met);
        const actual = (report as EvaluationSuccess).obligations.map((o) => ({ label: o.label, period: o.period, amount: o.amount }));
        expect(actual).toEqual(referencePayments(c, met));
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  });

  /** The evaluator's windows, statuses, crossing rows and totals (in cents or units) equal the reference's. */
  const expectMilestonesAsReference = (c: Parameters<typeof reference>[0]): void => {
    const eDay = dayOf(c.e.y, c.e.m, c.e.d);
    const report = evaluate(documentOf(c.specs), recordsOf(c.rows, eDay), { effectiveDate: isoOf(eDay), timeZone: c.zone, asOf: isoOf(c.asOf) });
    if (!report.ok) throw new Error(JSON.stringify(report.errors));
    const actual = (report as EvaluationSuccess).milestones.map((m) => ({
      period: m.period,
      windowStart: m.windowStart,
      deadline: m.deadline,
      status: m.status,
      achievedBy: m.achievedBy,
      total: Math.round(Number(m.total) * (m.metric.endsWith('revenue') ? 100 : 1)),
    }));
    expect(actual).toEqual(reference(c));
  };

  test('random clauses (every window kind, every metric) on random ledgers: windows, statuses, crossing rows and totals agree', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        expectMilestonesAsReference(c);
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  });

  test('calendar periods (each, the first in which, named; every metric) on random ledgers: windows, statuses, crossing rows and totals agree', () => {
    fc.assert(
      fc.property(calendarCaseArb, (c) => {
        expectMilestonesAsReference(c);
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  });

  test('the reference itself: the corresponding-day rule on month ends', () => {
    expect(isoOf(monthsAfter({ y: 2026, m: 1, d: 31 }, 1))).toBe('2026-03-01'); // no Feb 31: the 1st of March
    expect(isoOf(monthsAfter({ y: 2026, m: 1, d: 31 }, 2))).toBe('2026-03-31');
    expect(isoOf(monthsAfter({ y: 2024, m: 1, d: 29 }, 1))).toBe('2024-02-29');
    expect(isoOf(monthsAfter({ y: 2025, m: 11, d: 30 }, 3))).toBe('2026-03-01'); // no February 30, 2026
    expect(isoOf(monthsAfter({ y: 2025, m: 12, d: 31 }, 12))).toBe('2026-12-31');
  });
});

// --- the newer mechanics, from the clause's words ------------------------------------------------
//
// Each case writes a clause text from a few numbers, and the reference reads the numbers, never the AST:
// shortfalls (judged on a period's total once it is over), compound conditions (and/or), catch-up, clawbacks,
// top-ups to a minimum and carry-forward. Rows are dates without a time (local days in any zone), amounts in
// integer cents, ties in input order.

interface MRow {
  i: number;
  day: number;
  cents: number;
  customer: number;
}
interface Win {
  start: number;
  end: number;
  period: number;
}

const mRowArb = (span: number) =>
  fc.record({
    offset: fc.integer({ min: -20, max: span }),
    cents: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 150_000 }) }, { weight: 1, arbitrary: fc.integer({ min: -90_000, max: -1 }) }),
    customer: fc.integer({ min: 0, max: 5 }),
  });
const mZone = fc.constantFrom('UTC', 'America/New_York', 'Asia/Tokyo', 'Pacific/Apia');
/** Whole dollars, written the way contracts write them ("$12,500"). */
const dollars = (n: number): string => `$${n.toLocaleString('en-US')}`;

function mRecords(rows: Array<{ offset: number; cents: number; customer: number }>, eDay: number) {
  return rows.map((r, i) => ({ id: `r${i}`, date: isoOf(eDay + r.offset), amount: cents(r.cents), customer: `C${r.customer}` }));
}
const mSorted = (rows: Array<{ offset: number; cents: number; customer: number }>, eDay: number): MRow[] =>
  rows.map((r, i) => ({ i, day: eDay + r.offset, cents: r.cents, customer: r.customer })).sort((a, b) => a.day - b.day || a.i - b.i);

/** Calendar periods of k months (aligned to January 1), cut at E, one per period started by A (at least one). */
function calendarWins(eDay: number, asOf: number, k: number): Win[] {
  const startOf = (index: number): number => dayOf(Math.floor((index * k) / 12), ((index * k) % 12) + 1, 1);
  const e = isoOf(eDay).split('-').map(Number);
  let index = Math.floor((e[0] * 12 + e[1] - 1) / k);
  const out: Win[] = [];
  for (let p = 1; p === 1 || startOf(index) <= asOf; p++, index++) out.push({ start: Math.max(startOf(index), eDay), end: startOf(index + 1), period: p });
  return out;
}

/** The rows a window counts: in it, on or after E, on or before A. */
const rowsIn = (rows: MRow[], w: Win, eDay: number, asOf: number): MRow[] => rows.filter((r) => r.day >= w.start && r.day < w.end && r.day >= eDay && r.day <= asOf);

/**
 * A total tested at the period's end (or A): whether `start + Σ` passes the target there, and the row after which it
 * passed and stayed passing (null when it passes from the start and never falls back).
 */
function periodTest(values: Array<{ r: MRow; v: number }>, start: number, passes: (v: number) => boolean): { holds: boolean; row: MRow | null; total: number } {
  let total = start;
  let row: MRow | null = null;
  let was = passes(total);
  for (const { r, v } of values) {
    total += v;
    const now = passes(total);
    if (now && !was) row = r;
    was = now;
  }
  return { holds: was, row, total };
}
/** The first row after which a running total passes the target (a milestone on a running total). */
function firstPass(values: Array<{ r: MRow; v: number }>, passes: (v: number) => boolean): MRow | null {
  let total = 0;
  for (const { r, v } of values) {
    total += v;
    if (passes(total)) return r;
  }
  return null;
}
const before = (a: MRow, b: MRow): boolean => a.day < b.day || (a.day === b.day && a.i < b.i);

function run(text: string, rows: Array<{ offset: number; cents: number; customer: number }>, eDay: number, asOf: number, zone: string): EvaluationSuccess {
  const parsed = parse(text);
  if (!parsed.ast) throw new Error(`${text}: ${JSON.stringify(parsed.diagnostics)}`);
  const report = evaluate(parsed.ast, mRecords(rows, eDay), { effectiveDate: isoOf(eDay), timeZone: zone, asOf: isoOf(asOf) });
  if (!report.ok) throw new Error(JSON.stringify(report.errors));
  return report;
}

const eDayArb = fc.integer({ min: 0, max: 364 }).map((k) => dayOf(2026, 1, 1) + k);
/** Whole dollars, often whole hundreds (the amounts rows come in), for targets and minimums. */
const mDollars = (max: number): fc.Arbitrary<number> => fc.oneof(fc.integer({ min: 1, max }), fc.integer({ min: 1, max: Math.max(1, Math.floor(max / 100)) }).map((k) => k * 100));
/** A case; half of the ledgers hold whole hundreds of dollars only, so that totals often land exactly on a target. */
const mCase = (span: number, asOfMax: number) =>
  fc
    .record({ eDay: eDayArb, asOfAfter: fc.integer({ min: 0, max: asOfMax }), rows: fc.array(mRowArb(span), { maxLength: 25 }), zone: mZone, coarse: fc.boolean() })
    .map((c) => (c.coarse ? { ...c, rows: c.rows.map((r) => ({ ...r, cents: Math.round(r.cents / 10_000) * 10_000 })) } : c));

/** The own total (cents) of a case's first period of k months: a calendar period, or a contract period from E. */
function firstTotal(c: { eDay: number; asOfAfter: number; rows: Array<{ offset: number; cents: number; customer: number }> }, k: number, calendar: boolean): number {
  const asOf = c.eDay + c.asOfAfter;
  const e = { y: Number(isoOf(c.eDay).slice(0, 4)), m: Number(isoOf(c.eDay).slice(5, 7)), d: Number(isoOf(c.eDay).slice(8, 10)) };
  const w = calendar ? calendarWins(c.eDay, asOf, k)[0] : { start: c.eDay, end: monthsAfter(e, k), period: 1 };
  return rowsIn(mSorted(c.rows, c.eDay), w, c.eDay, asOf).reduce((sum, r) => sum + r.cents, 0);
}

describe('the newer mechanics against a brute-force reference', () => {
  test('shortfalls: each contract year below the minimum owes the rate of the shortfall once it is over, dated its last day; a year at or above it owes nothing', () => {
    fc.assert(
      fc.property(mCase(800, 800), mDollars(3_000), fc.constantFrom(null, 20, 50, 100), fc.boolean(), (c, drawn, percent, exact) => {
        // Half of the cases take the first year's own total as the minimum, when it is whole dollars: the boundary.
        const first = firstTotal(c, 12, false);
        const minimumDollars = exact && first > 0 && first % 100 === 0 ? first / 100 : drawn;
        const M = minimumDollars * 100;
        const text = `If Net Sales in each year are less than ${dollars(minimumDollars)}, Licensee shall pay Licensor ${percent === null ? 'the difference' : `${percent}% of the shortfall`}.`;
        const asOf = c.eDay + c.asOfAfter;
        const report = run(text, c.rows, c.eDay, asOf, c.zone);
        const rows = mSorted(c.rows, c.eDay);
        const e = { y: Number(isoOf(c.eDay).slice(0, 4)), m: Number(isoOf(c.eDay).slice(5, 7)), d: Number(isoOf(c.eDay).slice(8, 10)) };
        const expected: object[] = [];
        const owed: object[] = [];
        for (let p = 1; p === 1 || monthsAfter(e, (p - 1) * 12) <= asOf; p++) {
          const w = { start: monthsAfter(e, (p - 1) * 12), end: monthsAfter(e, p * 12), period: p };
          const counted = rowsIn(rows, w, c.eDay, asOf);
          const total = counted.reduce((s, r) => s + r.cents, 0);
          const over = asOf >= w.end - 1;
          const met = total >= M;
          expected.push({ period: p, status: met ? 'met' : over ? 'missed' : 'pending', total });
          if (!met && over) {
            // A total below zero (refunds of earlier years' sales) is short of the whole minimum, not of more.
            const amount = halfUp(big(M - Math.max(total, 0)) * big(percent ?? 100), 100n);
            owed.push({ period: p, amount: cents(Number(amount)), triggeredAt: isoOf(w.end - 1), triggeredBy: null, direction: 'from-performer', basis: 'shortfall' });
          }
        }
        expect(report.milestones.map((m) => ({ period: m.period, status: m.status, total: Math.round(Number(m.total) * 100) }))).toEqual(expected);
        expect(report.obligations.map((o) => ({ period: o.period, amount: o.amount, triggeredAt: o.triggeredAt, triggeredBy: o.triggeredBy, direction: o.direction, basis: o.basis }))).toEqual(owed);
      }),
      { seed: SEED, numRuns: runs(150) },
    );
  });

  test('compound conditions: a calendar quarter is met when Net Sales and (or) new customers hold at its end, from the day the whole holds, by the deciding part\'s row', () => {
    fc.assert(
      fc.property(mCase(400, 420), mDollars(2_500), fc.integer({ min: 1, max: 3 }), fc.constantFrom('and', 'or'), (c, targetDollars, customers, joint) => {
        const X = targetDollars * 100;
        const text = `If Net Sales in any Calendar Quarter are at least ${dollars(targetDollars)} ${joint} at least ${customers} new customers, the Company shall pay the Agent a bonus of $5,000 for such Calendar Quarter.`;
        const asOf = c.eDay + c.asOfAfter;
        const report = run(text, c.rows, c.eDay, asOf, c.zone);
        const rows = mSorted(c.rows, c.eDay);
        // A new customer: its first positive-amount row, when it has no row before E.
        const seenBefore = new Set(rows.filter((r) => r.day < c.eDay).map((r) => r.customer));
        const firstSale = new Map<number, number>();
        for (const r of rows) if (r.cents > 0 && !firstSale.has(r.customer)) firstSale.set(r.customer, r.i);
        const expected: object[] = [];
        const owed: object[] = [];
        for (const w of calendarWins(c.eDay, asOf, 3)) {
          const counted = rowsIn(rows, w, c.eDay, asOf);
          const sales = periodTest(counted.map((r) => ({ r, v: r.cents })), 0, (v) => v >= X);
          const fresh = periodTest(counted.map((r) => ({ r, v: firstSale.get(r.customer) === r.i && !seenBefore.has(r.customer) ? 1 : 0 })), 0, (v) => v >= customers);
          const holding = [sales, fresh].filter((part) => part.holds).map((part) => part.row as MRow);
          const whole = joint === 'and' ? holding.length === 2 : holding.length > 0;
          const by = !whole ? null : holding.reduce((a, b) => (joint === 'and' ? (before(a, b) ? b : a) : before(a, b) ? a : b));
          expected.push({ period: w.period, status: by ? 'met' : asOf >= w.end - 1 ? 'missed' : 'pending', achievedBy: by ? `r${by.i}` : null, total: sales.total });
          if (by) owed.push({ period: w.period, amount: '5000.00', triggeredAt: isoOf(by.day), triggeredBy: `r${by.i}` });
        }
        expect(report.milestones.map((m) => ({ period: m.period, status: m.status, achievedBy: m.achievedBy, total: Math.round(Number(m.total) * 100) }))).toEqual(expected);
        expect(report.obligations.map((o) => ({ period: o.period, amount: o.amount, triggeredAt: o.triggeredAt, triggeredBy: o.triggeredBy }))).toEqual(owed);
      }),
      { seed: SEED, numRuns: runs(150) },
    );
  });

  test('catch-up: the quarter milestone is triggered by its own first quarter or by the year milestone, whichever comes first, and each is paid once', () => {
    fc.assert(
      fc.property(mCase(800, 800), mDollars(2_000), mDollars(6_000), (c, quarterDollars, yearDollars) => {
        const text =
          'Company will pay Licensor the following amounts after the first achievement of each milestone event: ' +
          `(i) first Calendar Quarter in which Net Sales exceed ${dollars(quarterDollars)}: $25; (ii) first Calendar Year in which Net Sales exceed ${dollars(yearDollars)}: $60. ` +
          'For the sake of clarity, Milestone Events are cumulative: achievement of a Milestone Event triggers all prior Milestone Events not previously triggered and paid.';
        const asOf = c.eDay + c.asOfAfter;
        const report = run(text, c.rows, c.eDay, asOf, c.zone);
        const rows = mSorted(c.rows, c.eDay);
        /** The first period (of k months) whose own total exceeds the target: its instances up to it, and its row. */
        const firstPeriod = (k: number, target: number, caught: MRow | null) => {
          const listed: Array<{ status: string; achievedBy: string | null; total: number; windowStart: string }> = [];
          let by: MRow | null = null;
          for (const w of calendarWins(c.eDay, asOf, k)) {
            const counted = rowsIn(rows, w, c.eDay, asOf);
            const own = periodTest(counted.map((r) => ({ r, v: r.cents })), 0, (v) => v > target);
            const ownRow = own.holds ? own.row : null;
            const caughtHere = caught !== null && caught.day >= w.start && caught.day < w.end && (ownRow === null || before(caught, ownRow));
            by = caughtHere ? caught : ownRow;
            listed.push({ status: by ? 'met' : asOf >= w.end - 1 ? 'missed' : 'pending', achievedBy: by ? `r${by.i}` : null, total: own.total, windowStart: isoOf(w.start) });
            if (by) break;
          }
          return { listed, by };
        };
        const year = firstPeriod(12, yearDollars * 100, null);
        const quarter = firstPeriod(3, quarterDollars * 100, year.by);
        const expected = [...quarter.listed.map((m) => ({ label: 'i', ...m })), ...year.listed.map((m) => ({ label: 'ii', ...m }))];
        expect(report.milestones.map((m) => ({ label: m.label, status: m.status, achievedBy: m.achievedBy, total: Math.round(Number(m.total) * 100), windowStart: m.windowStart }))).toEqual(expected);
        const owed = [
          ...(quarter.by ? [{ label: 'i', amount: '25.00', triggeredAt: isoOf(quarter.by.day), triggeredBy: `r${quarter.by.i}` }] : []),
          ...(year.by ? [{ label: 'ii', amount: '60.00', triggeredAt: isoOf(year.by.day), triggeredBy: `r${year.by.i}` }] : []),
        ];
        expect(report.obligations.map((o) => ({ label: o.label, amount: o.amount, triggeredAt: o.triggeredAt, triggeredBy: o.triggeredBy }))).toEqual(owed);
      }),
      { seed: SEED, numRuns: runs(150) },
    );
  });

  test('clawbacks: a bonus met on the running total is owed back, by the refund after which the total fell to the target or below and stayed there, when the window ends (or A comes) there', () => {
    fc.assert(
      fc.property(mCase(150, 200), mDollars(2_000), fc.integer({ min: 1, max: 9_000 }), fc.boolean(), (c, drawn, bonusDollars, exact) => {
        // Half of the cases take the quarter's total at its end as the target, when it is whole dollars: refunds back to exactly it.
        const last = firstTotal(c, 3, false);
        const targetDollars = exact && last > 0 && last % 100 === 0 ? last / 100 : drawn;
        const X = targetDollars * 100;
        const text = `If Net Sales exceed ${dollars(targetDollars)} in the first quarter, the Company shall pay the Agent a bonus of ${dollars(bonusDollars)}. Commissions paid on sales later refunded shall be offset against future commissions.`;
        const asOf = c.eDay + c.asOfAfter;
        const report = run(text, c.rows, c.eDay, asOf, c.zone);
        const rows = mSorted(c.rows, c.eDay);
        const e = { y: Number(isoOf(c.eDay).slice(0, 4)), m: Number(isoOf(c.eDay).slice(5, 7)), d: Number(isoOf(c.eDay).slice(8, 10)) };
        const w = { start: c.eDay, end: monthsAfter(e, 3), period: 1 };
        const values = rowsIn(rows, w, c.eDay, asOf).map((r) => ({ r, v: r.cents }));
        const met = firstPass(values, (v) => v > X);
        const owed: object[] = [];
        if (met) {
          const bonus = cents(bonusDollars * 100);
          owed.push({ amount: bonus, triggeredAt: isoOf(met.day), triggeredBy: `r${met.i}`, basis: 'item' });
          // Below after it: the row after which the total was at most the target and stayed so.
          const after = periodTest(values, 0, (v) => v <= X);
          if (after.holds && after.row !== null && !before(after.row, met)) {
            owed.push({ amount: `-${bonus}`, triggeredAt: isoOf(after.row.day), triggeredBy: `r${after.row.i}`, basis: 'clawback' });
          }
        }
        expect(report.obligations.map((o) => ({ amount: o.amount, triggeredAt: o.triggeredAt, triggeredBy: o.triggeredBy, basis: o.basis }))).toEqual(owed);
      }),
      { seed: SEED, numRuns: runs(150) },
    );
  });

  test('top-ups: each calendar year over owes its royalties (never below zero) and, below the minimum, the difference, due sixty days after the year ends', () => {
    fc.assert(
      fc.property(mCase(800, 800), fc.integer({ min: 1, max: 20 }), mDollars(500), fc.boolean(), (c, percent, drawn, exact) => {
        // Half of the cases take the first calendar year's royalties as the minimum, when they are whole dollars: the boundary.
        const first = firstTotal(c, 12, true) * percent;
        const minimumDollars = exact && first > 0 && first % 10_000 === 0 ? first / 10_000 : drawn;
        const M = minimumDollars * 100;
        const text =
          `Licensee shall pay Foundation earned royalties of ${percent}% of Net Sales ("Earned Royalties"), payable annually. ` +
          `If Licensee's Earned Royalties for any calendar year are less than ${dollars(minimumDollars)} (the "Minimum Royalty"), Licensee shall make a payment to Foundation within sixty (60) days after the end of such calendar year equal to the difference between the Minimum Royalty and the Earned Royalties for that calendar year.`;
        const asOf = c.eDay + c.asOfAfter;
        const report = run(text, c.rows, c.eDay, asOf, c.zone);
        const rows = mSorted(c.rows, c.eDay);
        const expected: object[] = [];
        const owed: object[] = [];
        for (const w of calendarWins(c.eDay, asOf, 12)) {
          const total = rowsIn(rows, w, c.eDay, asOf).reduce((s, r) => s + r.cents, 0);
          const royalty = total > 0 ? Number(halfUp(big(total) * big(percent), 100n)) : 0;
          const over = asOf >= w.end - 1;
          expected.push({ period: w.period, status: royalty >= M ? 'met' : over ? 'missed' : 'pending' });
          if (!over) continue;
          if (royalty > 0) owed.push({ period: w.period, amount: cents(royalty), basis: 'rate', triggeredAt: isoOf(w.end - 1), dueDate: undefined });
          if (royalty < M) owed.push({ period: w.period, amount: cents(M - royalty), basis: 'shortfall', triggeredAt: isoOf(w.end - 1), dueDate: isoOf(w.end - 1 + 60) });
        }
        expect(report.milestones.map((m) => ({ period: m.period, status: m.status }))).toEqual(expected);
        expect(report.obligations.map((o) => ({ period: o.period, amount: o.amount, basis: o.basis, triggeredAt: o.triggeredAt, dueDate: o.dueDate }))).toEqual(owed);
      }),
      { seed: SEED, numRuns: runs(150) },
    );
  });

  test('carry-forward: each calendar quarter is tested on its own total plus the excess the quarter before carried in, and passes on its excess once it is over', () => {
    fc.assert(
      fc.property(mCase(500, 520), mDollars(2_000), fc.boolean(), fc.constantFrom('including', 'excluding'), fc.boolean(), (c, drawn, strict, again, exact) => {
        // Half of the cases take the first calendar quarter's own total as the target, when it is whole dollars: an excess of zero.
        const first = firstTotal(c, 3, true);
        const targetDollars = exact && first > 0 && first % 100 === 0 ? first / 100 : drawn;
        const T = targetDollars * 100;
        const text =
          `If Net Sales ${strict ? 'exceed' : 'are at least'} ${dollars(targetDollars)} in each calendar quarter, the Company shall pay the Agent a bonus of $500. ` +
          `Net Sales in excess of a calendar quarter's target shall carry forward to the next calendar quarter, ${again} amounts carried forward.`;
        const asOf = c.eDay + c.asOfAfter;
        const report = run(text, c.rows, c.eDay, asOf, c.zone);
        const rows = mSorted(c.rows, c.eDay);
        const passes = (v: number): boolean => (strict ? v > T : v >= T);
        const expected: object[] = [];
        const owed: object[] = [];
        let carriedIn = 0;
        for (const w of calendarWins(c.eDay, asOf, 3)) {
          const counted = rowsIn(rows, w, c.eDay, asOf);
          const own = counted.reduce((s, r) => s + r.cents, 0);
          // The credited total starts at what was carried in; met at its end (or A), by the row after which it passes and stays passing.
          const credited = periodTest(counted.map((r) => ({ r, v: r.cents })), carriedIn, passes);
          const over = asOf >= w.end - 1;
          const carriedOut = over ? Math.max((again === 'including' ? own + carriedIn : own) - T, 0) : null;
          const day = credited.row ? credited.row.day : w.start;
          expected.push({
            period: w.period,
            status: credited.holds ? 'met' : over ? 'missed' : 'pending',
            achievedAt: credited.holds ? isoOf(day) : null,
            achievedBy: credited.holds && credited.row ? `r${credited.row.i}` : null,
            total: own + carriedIn,
            carry: { carriedIn, periodTotal: own, carriedOut },
          });
          if (credited.holds) owed.push({ period: w.period, amount: '500.00', triggeredAt: isoOf(day), triggeredBy: credited.row ? `r${credited.row.i}` : null });
          carriedIn = carriedOut ?? 0;
        }
        const inCents = (s: string): number => Math.round(Number(s) * 100);
        expect(
          report.milestones.map((m) => ({
            period: m.period, status: m.status, achievedAt: m.achievedAt, achievedBy: m.achievedBy, total: inCents(m.total),
            carry: m.carry && { carriedIn: inCents(m.carry.carriedIn), periodTotal: inCents(m.carry.periodTotal), carriedOut: m.carry.carriedOut === null ? null : inCents(m.carry.carriedOut) },
          })),
        ).toEqual(expected);
        expect(report.obligations.map((o) => ({ period: o.period, amount: o.amount, triggeredAt: o.triggeredAt, triggeredBy: o.triggeredBy }))).toEqual(owed);
      }),
      { seed: SEED, numRuns: runs(150) },
    );
  });
});
