/**
 * Differential test of the periods the SQL path reads in TypeScript before the query (src/sql/period-readings.ts): for
 * random clauses and ledgers, the in-memory evaluator, DuckDB and PostgreSQL give the same report, field for field.
 * The clauses draw start openings ("Commencing …") on month ends and DST days, period openings ("For each calendar
 * quarter,"), period words ("annual Net Sales") with or without a calendar-basis sentence, periods defined by the
 * calendar ('"Royalty Period" means each semi-annual period ending on …') or counted from a dated event (n days, n
 * calendar quarters after it, n full months after it), redacted amounts with or without a schedule, pay days on the
 * 29th to 31st and payment-timing sentences; the ledgers hold local and offset date-times around DST changes and local
 * midnight, month ends, refunds and ties.
 */
import fc from 'fast-check';
import type { ClauseNode, DefinitionNode, DocumentNode, MilestoneNode, OpeningNode, PaymentNode, Range, TargetNode, WindowNode } from '../../src/language/ast';
import { evaluate } from '../../src/evaluation/evaluate';
import type { LedgerRecord } from '../../src/ledger/rows';
import { evaluateOnEngine } from '../../src/node/sql-evaluation';
import { Dec } from '../../src/values/money';
import type { Schedule } from '../../src/evaluation/schedule';
import { runs, SEED } from '../support/clause-arbitraries';
import { ENGINES, dropTable, loadRecords, tableName, useEngine } from './support/engines';

const R: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
const DAY = 86_400_000;
const isoOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY;
const pad = (n: number): string => String(n).padStart(2, '0');

/** Effective dates on month ends, leap days and next to DST changes in the zones below. */
const EFFECTIVE = ['2026-01-31', '2024-02-29', '2026-03-01', '2026-10-31', '2026-03-28', '2025-12-31', '2026-04-05', '2026-08-31'];
const ZONES = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kolkata', 'UTC'];
/** Days near E that fall on month ends, the 1st, DST changes (March 8/29, October 25, November 1, April 5 2026). */
const NEAR = [-3, -1, 0, 1, 13, 27, 28, 29, 30, 31, 45, 59, 60, 61, 88, 92];

const TERM = 'Measuring Period';
const EVENT = 'Launch Date';

/** A window the text defines in a sentence of its own, with the definitions it needs. */
interface Defined {
  window: WindowNode;
  definitions: DefinitionNode[];
}

const definedArb = (eDay: number): fc.Arbitrary<Defined> =>
  fc.tuple(fc.constantFrom('calendar', 'days', 'months', 'quarters-after', 'full-months'), fc.constantFrom(...NEAR), fc.integer({ min: 1, max: 4 }), fc.constantFrom(7, 10, 14, 30)).map(([form, k, n, days]): Defined => {
    const event = isoOf(eDay + k);
    const dated: DefinitionNode = { kind: 'event-date', event: EVENT, date: event, range: R };
    const each = (term: string): WindowNode => ({ kind: 'defined-period', term, which: 'each', range: R });
    switch (form) {
      case 'calendar': {
        const ends = n % 2 === 0 ? ['03-31', '09-30'] : ['06-30', '12-31'];
        return { window: each('Royalty Period'), definitions: [{ kind: 'period-definition', term: 'Royalty Period', meaning: { kind: 'calendar-periods', unit: 'half-year', written: 'each semi-annual period', ends, range: R }, range: R }] };
      }
      case 'days':
      case 'months':
        return {
          window: each(TERM),
          definitions: [
            { kind: 'period-definition', term: TERM, meaning: { kind: 'periods-from-event', n: form === 'days' ? days : n, unit: form === 'days' ? 'day' : 'month', start: { kind: 'event', event: EVENT }, range: R }, range: R },
            dated,
          ],
        };
      case 'quarters-after':
        return {
          window: { kind: 'defined-period', term: TERM, which: 'the', range: R },
          definitions: [{ kind: 'period-definition', term: TERM, meaning: { kind: 'quarters-after-event', n, event: EVENT, range: R }, range: R }, dated],
        };
      default:
        return {
          window: { kind: 'defined-period', term: TERM, which: 'the', range: R },
          definitions: [{ kind: 'period-definition', term: TERM, meaning: { kind: 'full-months-after-event', date: event, event: EVENT, n: n * 2, range: R }, range: R }],
        };
    }
  });

const revenue = (amount: number, word: 'annual' | 'quarterly' | 'monthly' | null): TargetNode => ({
  kind: 'revenue',
  amount: { kind: 'money', amount: String(amount * 10), currency: 'USD', text: '', range: R },
  basis: 'net',
  ...(word === null ? {} : { periodWord: { kind: 'period-word' as const, word, unit: ({ annual: 'year', quarterly: 'quarter', monthly: 'month' } as const)[word], range: R } }),
  range: R,
});

const paymentArb: fc.Arbitrary<PaymentNode | null> = fc.oneof(
  fc.constant(null),
  fc.constantFrom('250', '12.5').map((amount): PaymentNode => ({ kind: 'fixed', noun: 'bonus', amount: { kind: 'money', amount, currency: 'USD', text: '', range: R }, range: R })),
  fc.constantFrom('2', '12.25').map((percent): PaymentNode => ({ kind: 'rate', percent, basis: 'net', range: R })),
  fc.constantFrom('$[***]', '[* * *]').map((text): PaymentNode => ({ kind: 'unstated', how: 'redacted', currency: text.startsWith('$') ? 'USD' : null, text, range: R })),
  fc.constantFrom('achievement' as const, 'quarter' as const).map((after): PaymentNode => ({
    kind: 'timed',
    payment: { kind: 'fixed', noun: 'bonus', amount: { kind: 'money', amount: '100', currency: 'USD', text: '', range: R }, range: R },
    due: { kind: 'due', days: 30, after, calendar: after !== 'achievement', range: R },
    range: R,
  })),
);

/** A date cell: a plain day, a local date-time (some on DST-changing hours), or an instant with an offset. */
const dateCell = (eDay: number): fc.Arbitrary<string> =>
  fc
    .tuple(fc.integer({ min: -10, max: 400 }), fc.constantFrom('day', 'local', 'offset'), fc.constantFrom(0, 1, 2, 23), fc.constantFrom(0, 30, 59), fc.constantFrom('+05:30', '-03:00', '+14:00', 'Z'))
    .map(([k, form, h, m, offset]) => {
      const d = isoOf(eDay + k);
      if (form === 'day') return d;
      const time = `${pad(h)}:${pad(m)}:00`;
      return form === 'local' ? `${d}T${time}` : `${d}T${time}${offset}`;
    });

interface Case {
  effective: string;
  zone: string;
  asOf: string;
  ast: DocumentNode;
  schedule: Schedule | null;
  records: LedgerRecord[];
}

const caseArb: fc.Arbitrary<Case> = fc
  .tuple(fc.constantFrom(...EFFECTIVE), fc.constantFrom(...ZONES))
  .chain(([effective, zone]) => {
    const eDay = dayOf(effective);
    const item = fc.record({
      amount: fc.integer({ min: 1, max: 300 }),
      // A period word with no window written (it gives the window), or a window written: open, a calendar quarter or year, or a defined one.
      word: fc.constantFrom(null, 'annual' as const, 'quarterly' as const, 'monthly' as const),
      written: fc.constantFrom('open', 'quarter', 'year', 'defined'),
      payment: paymentArb,
      strict: fc.boolean(),
    });
    return fc.record({
      effective: fc.constant(effective),
      zone: fc.constant(zone),
      asOf: fc.integer({ min: -2, max: 420 }).map((k) => isoOf(eDay + k)),
      items: fc.array(item, { minLength: 1, maxLength: 3 }),
      defined: definedArb(eDay),
      opening: fc.constantFrom('none', 'start', 'for-each-quarter', 'for-each-year', 'for-each-defined'),
      start: fc.constantFrom(...NEAR),
      calendarBasis: fc.boolean(),
      payDay: fc.constantFrom(null, 15, 29, 31),
      timing: fc.boolean(),
      withSchedule: fc.boolean(),
      rows: fc.array(
        fc.record({
          date: dateCell(eDay),
          amount: fc.oneof({ arbitrary: fc.integer({ min: -400, max: 3000 }).map((n) => (n / 2).toFixed(n % 3 === 0 ? 0 : 2)), weight: 6 }, { arbitrary: fc.integer({ min: -1500, max: -100 }).map(String), weight: 1 }),
          tie: fc.integer({ min: 0, max: 4 }),
        }),
        { minLength: 5, maxLength: 60 },
      ),
    });
  })
  .map((c): Case => {
    const calendar = (unit: 'quarter' | 'year'): WindowNode => ({ kind: 'calendar-period', unit, yearStart: '01-01', selection: { kind: 'each' }, written: 'in each', range: R });
    const milestones: MilestoneNode[] = c.items.map((it, i) => ({
      kind: 'milestone',
      label: ['i', 'ii', 'iii'][i],
      labelSource: null,
      target: revenue(it.amount, it.word),
      window: it.word !== null || it.written === 'open' ? { kind: 'open', range: R } : it.written === 'defined' ? c.defined.window : calendar(it.written === 'year' ? 'year' : 'quarter'),
      payment: it.payment,
      comparator: { kind: 'comparator', strict: it.strict, words: it.strict ? 'exceed' : 'at least', range: R },
      range: R,
    }));
    const start = isoOf(dayOf(c.effective) + c.start);
    const opening: OpeningNode | undefined =
      c.opening === 'start'
        ? { kind: 'start-opening', verb: 'commencing', date: start, fiscalYear: false, range: R }
        : c.opening === 'none'
          ? undefined
          : {
            kind: 'period-opening',
            written: 'for-each',
            window: c.opening === 'for-each-defined' && c.defined.window.kind === 'defined-period' && c.defined.window.which === 'each' ? c.defined.window : (calendar(c.opening === 'for-each-year' ? 'year' : 'quarter') as Extract<WindowNode, { kind: 'calendar-period' }>),
            adjective: null,
            range: R,
          };
    const clause: ClauseNode = {
      kind: 'clause',
      form: 'payer-pays',
      payer: { kind: 'party', name: 'Licensee', range: R },
      party: { kind: 'party', name: 'Licensor', range: R },
      milestones,
      payments: [],
      ...(opening ? { opening } : {}),
      ...(c.payDay !== null ? { payDay: { kind: 'payment-day' as const, day: c.payDay, noun: 'bonuses' as const, range: R } } : {}),
      ...(c.timing ? { timing: { kind: 'payment-timing' as const, n: 60, unit: 'day' as const, period: 'Royalty Period', range: R } } : {}),
      range: R,
    };
    const words = [...new Set(c.items.map((it) => it.word).filter((w): w is 'annual' | 'quarterly' | 'monthly' => w !== null))];
    const basis: DefinitionNode[] = c.calendarBasis
      ? words.map((word) => {
        const unit = ({ annual: 'year', quarterly: 'quarter', monthly: 'month' } as const)[word];
        return { kind: 'metric-basis-statement', term: 'Net Sales', periodWord: { kind: 'period-word', word, unit, range: R }, unit, purpose: null, range: R };
      })
      : [];
    const ast: DocumentNode = { kind: 'document', clauses: [clause], definitions: [...c.defined.definitions, ...basis], range: R };
    const records: LedgerRecord[] = [];
    c.rows.forEach((row, i) => {
      const copy = row.tie === 0 && records.length > 0 ? records[records.length - 1] : null;
      records.push({ id: `S-${1000 + i}`, date: copy ? String(copy.date) : row.date, amount: row.amount });
    });
    const schedule: Schedule | null = c.withSchedule
      ? { currency: 'USD', payments: new Map([['i', new Dec('100')], ['ii', new Dec('200.5')], ['iii', new Dec('0.125')]]), targets: new Map() }
      : null;
    return { effective: c.effective, zone: c.zone, asOf: c.asOf, ast, schedule, records };
  });

describe.each(ENGINES)('%s agrees with the in-memory evaluator on openings, period words and defined periods', (engineName) => {
  const engine = useEngine(engineName);

  it('on random clauses and ledgers (DST days, month ends, refunds, ties), report for report', async () => {
    const table = tableName('diffp');
    let met = 0;
    let instances = 0;
    try {
      await fc.assert(
        fc.asyncProperty(caseArb, async (c) => {
          const options = { effectiveDate: c.effective, timeZone: c.zone, asOf: c.asOf, schedule: c.schedule };
          const expected = evaluate(c.ast, c.records, options);
          await loadRecords(engine(), table, c.records, ['id', 'date', 'amount']);
          const actual = await evaluateOnEngine(engine(), c.ast, options, { kind: 'table', name: table }, null);
          expect(actual).toEqual(expected);
          if (expected.ok) {
            met += expected.milestones.filter((m) => m.status === 'met').length;
            instances += expected.milestones.length;
          }
        }),
        { seed: SEED, numRuns: runs(60) },
      );
    } finally {
      await dropTable(engine(), table);
    }
    // The cases must exercise crossings, not only missed targets.
    expect(met).toBeGreaterThan(instances / 8);
  });
});
