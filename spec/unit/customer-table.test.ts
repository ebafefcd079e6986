/**
 * The customer table of new-customer milestones against the rule it implements, written with a
 * Map: names compared after `toLowerCase`, each customer's earliest positive row by (instant, row),
 * a customer with any row before the effective date never new.
 */
import fc from 'fast-check';
import { CustomerTable } from '../../src/evaluation/customer-table';

interface Op {
  name: string;
  before: boolean;
  time: number;
  day: number;
}

/** The rule, as a Map keyed by the lower-cased name. */
function reference(ops: Op[]): { firsts: Map<string, { time: number; row: number; day: number }>; before: Set<string> } {
  const firsts = new Map<string, { time: number; row: number; day: number }>();
  const before = new Set<string>();
  ops.forEach((op, i) => {
    const key = op.name.toLowerCase();
    if (op.before) {
      before.add(key);
      return;
    }
    const row = i + 1;
    const seen = firsts.get(key);
    if (seen === undefined || op.time < seen.time || (op.time === seen.time && row < seen.row)) firsts.set(key, { time: op.time, row, day: op.day });
  });
  return { firsts, before };
}

function table(ops: Op[]): CustomerTable {
  const t = new CustomerTable();
  ops.forEach((op, i) => (op.before ? t.seenBefore(op.name) : t.sale(op.name, op.time, i + 1, op.day)));
  return t;
}

/** Names that differ only in case, ASCII and not (Kelvin sign, dotted I, final sigma), and plain ones. */
const NAMES = ['acme', 'ACME', 'Acme', 'k', 'K', '\u212a', 'İstanbul', 'i̇stanbul', 'ΟΔΟΣ', 'οδος', 'οδοσ', 'Straße', 'STRASSE', 'x', 'X1', 'x1', ''];

const op = (names: fc.Arbitrary<string>): fc.Arbitrary<Op> =>
  fc.record({ name: names, before: fc.boolean(), time: fc.integer({ min: 0, max: 5 }), day: fc.integer({ min: 0, max: 9 }) });

function agree(ops: Op[]): void {
  const t = table(ops);
  const ref = reference(ops);
  const counted: number[] = [];
  t.forEachNew(2, 7, (day) => counted.push(day));
  const expected = [...ref.firsts].filter(([key, f]) => !ref.before.has(key) && f.day >= 2 && f.day <= 7).map(([, f]) => f.day);
  expect(counted.sort()).toEqual(expected.sort());
  const wrong: number[] = [];
  ops.forEach((o, i) => {
    const key = o.name.toLowerCase();
    const first = ref.firsts.get(key);
    if (t.isFirstSaleOfNew(o.name, i + 1) !== (first !== undefined && first.row === i + 1 && !ref.before.has(key))) wrong.push(i + 1);
  });
  expect(wrong).toEqual([]);
  expect(t.isFirstSaleOfNew('never written', 1)).toBe(false);
}

describe('CustomerTable', () => {
  it('agrees with the Map rule on names that differ in case, ASCII and not', () => {
    fc.assert(fc.property(fc.array(op(fc.constantFrom(...NAMES)), { maxLength: 60 }), agree), { numRuns: 500 });
  });

  it('agrees on arbitrary strings', () => {
    fc.assert(fc.property(fc.array(op(fc.string({ maxLength: 6 })), { maxLength: 40 }), agree), { numRuns: 300 });
  });

  it('keeps every name apart past its initial capacity (growth of names, entries and slots)', () => {
    const ops: Op[] = [];
    for (let i = 0; i < 12_000; i++) ops.push({ name: `Customer ${i % 9_000}${i % 7 === 0 ? ' Ltd' : ''}`, before: i % 500 === 0, time: i % 13, day: i % 10 });
    agree(ops);
    expect(table(ops).size).toBe(new Set(ops.map((o) => o.name.toLowerCase())).size);
  });

  it('work guard: memory per customer stays a few typed-array slots, never an object per customer', () => {
    // 50,000 distinct names of 8 characters: 8 bytes of characters (Latin-1), 21 of first sale and
    // 10.7-21.3 of slots per name, the arrays' unused tails: 59 bytes per name here, bounded at 80
    // (a Map of objects took about 300; doubles and two-byte characters took about 90).
    const t = new CustomerTable();
    for (let i = 0; i < 50_000; i++) t.sale(`C${String(i).padStart(7, '0')}`, i, i + 1, 0);
    expect(t.size).toBe(50_000);
    expect(t.bytes / t.size).toBeLessThan(80);
  });

  it('keeps the Latin-1 names it holds when the first wider name arrives, and compares both kinds', () => {
    const ops: Op[] = [];
    for (let i = 0; i < 9_000; i++) ops.push({ name: `Café ${i}`, before: i % 700 === 0, time: i % 5, day: i % 10 });
    ops.push({ name: 'ΟΔΟΣ 1', before: false, time: 0, day: 3 });
    for (let i = 0; i < 9_000; i += 3) ops.push({ name: i % 2 === 0 ? `CAFÉ ${i}` : `οδοσ ${i}`, before: false, time: 0, day: 4 });
    agree(ops);
  });

  it('refuses a row number beyond 32 bits instead of storing another', () => {
    expect(() => new CustomerTable().sale('a', 0, 2 ** 32, 0)).toThrow(RangeError);
  });
});
