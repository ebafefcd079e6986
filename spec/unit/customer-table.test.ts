/**
 * The customer table of new-customer milestones against the rule it implements, written with a
 * Map: names compared after `toLowerCase`, each customer's earliest positive row by (instant, row),
 * a customer with any row before the effective date never new.
 */
import fc from 'fast-check';
import { CustomerTable } from '../../src/evaluation/customer-table';
import type { ScratchFile } from '../../src/evaluation/scratch-file';
import { SpillBudget } from '../../src/evaluation/spill-budget';

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

/** A scratch file in memory, counting what it was given. */
class MemoryScratch implements ScratchFile {
  bytes = new Uint8Array(1024);
  length = 0;
  closed = false;
  append(bytes: Uint8Array, length: number): number {
    if (this.closed) throw new Error('append after close');
    if (this.length + length > this.bytes.length) {
      const b = new Uint8Array(Math.max(2 * this.bytes.length, this.length + length));
      b.set(this.bytes.subarray(0, this.length));
      this.bytes = b;
    }
    this.bytes.set(bytes.subarray(0, length), this.length);
    this.length += length;
    return this.length - length;
  }
  read(into: Uint8Array, length: number, position: number): void {
    if (this.closed) throw new Error('read after close');
    if (position + length > this.length) throw new Error('read past the end');
    into.set(this.bytes.subarray(position, position + length));
  }
  close(): void {
    this.closed = true;
  }
}

/** `spillAt`: the table spills (to a scratch file in memory) past that many names; undefined: it never does. */
function table(ops: Op[], spillAt?: number): CustomerTable {
  const t = spillAt === undefined ? new CustomerTable() : new CustomerTable({ open: () => new MemoryScratch(), spillAt });
  ops.forEach((op, i) => (op.before ? t.seenBefore(op.name) : t.sale(op.name, op.time, i + 1, op.day)));
  return t;
}

/** Names that differ only in case, ASCII and not (Kelvin sign, dotted I, final sigma), and plain ones. */
const NAMES = ['acme', 'ACME', 'Acme', 'k', 'K', '\u212a', 'İstanbul', 'i̇stanbul', 'ΟΔΟΣ', 'οδος', 'οδοσ', 'Straße', 'STRASSE', 'x', 'X1', 'x1', ''];

const op = (names: fc.Arbitrary<string>): fc.Arbitrary<Op> =>
  fc.record({ name: names, before: fc.boolean(), time: fc.integer({ min: 0, max: 5 }), day: fc.integer({ min: 0, max: 9 }) });

function agree(ops: Op[], spillAt?: number): void {
  const t = table(ops, spillAt);
  const ref = reference(ops);
  const counted: number[] = [];
  t.forEachNew(2, 7, (day) => counted.push(day));
  if (spillAt !== undefined) expect(t.spilled).toBe(new Set(ops.map((o) => o.name.toLowerCase())).size >= spillAt);
  const expected = [...ref.firsts].filter(([key, f]) => !ref.before.has(key) && f.day >= 2 && f.day <= 7).map(([, f]) => f.day);
  expect(counted.sort()).toEqual(expected.sort());
  const wrong: number[] = [];
  ops.forEach((o, i) => {
    const key = o.name.toLowerCase();
    const first = ref.firsts.get(key);
    if (t.isFirstSaleOfNew(o.name, i + 1) !== (first !== undefined && first.row === i + 1 && !ref.before.has(key))) wrong.push(i + 1);
  });
  expect(wrong).toEqual([]);
  expect(t.isFirstSaleOfNew('never written', ops.length + 1)).toBe(false);
}

describe('CustomerTable', () => {
  it('agrees with the Map rule on names that differ in case, ASCII and not', () => {
    fc.assert(fc.property(fc.array(op(fc.constantFrom(...NAMES)), { maxLength: 60 }), (ops) => agree(ops)), { numRuns: 150 });
  });

  it('agrees on arbitrary strings', () => {
    fc.assert(fc.property(fc.array(op(fc.string({ maxLength: 6 })), { maxLength: 40 }), (ops) => agree(ops)), { numRuns: 100 });
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

  it('spilled to a scratch file and folded partition by partition, agrees with the Map rule', () => {
    fc.assert(fc.property(fc.array(op(fc.constantFrom(...NAMES)), { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (ops, spillAt) => agree(ops, spillAt)), { numRuns: 100 });
    fc.assert(fc.property(fc.array(op(fc.string({ maxLength: 6 })), { maxLength: 40 }), fc.integer({ min: 1, max: 8 }), (ops, spillAt) => agree(ops, spillAt)), { numRuns: 100 });
    fc.assert(fc.property(fc.array(op(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 4 }).map((units) => String.fromCharCode(...units))), { maxLength: 40 }), fc.integer({ min: 1, max: 8 }), (ops, spillAt) => agree(ops, spillAt)), { numRuns: 60 });
  });

  it('spilled, keeps names apart across blocks and partitions, long names and wide ones included', () => {
    const ops: Op[] = [];
    for (let i = 0; i < 40_000; i++) ops.push({ name: `Customer ${i % 30_000}${i % 7 === 0 ? ' Ltd' : ''}${i % 1_000 === 0 ? ' Ω' : ''}`, before: i % 500 === 0, time: i % 13, day: i % 10 });
    ops.push({ name: 'N'.repeat(70_000), before: false, time: 0, day: 3 }, { name: 'n'.repeat(70_000), before: false, time: 0, day: 4 }, { name: 'Ω'.repeat(300), before: false, time: 1, day: 5 });
    agree(ops, 1_000);
  });

  it('work guard: once spilled, the memory held stops growing with distinct customers', () => {
    // Past its budget the table keeps each partition's block, a bit per row and one partition's
    // table while folding: 4 times the customers (and rows) may add the bits, not a table.
    const held = (customers: number): number => {
      const t = new CustomerTable({ open: () => new MemoryScratch(), spillAt: 5_000 });
      for (let i = 0; i < customers; i++) t.sale(`C${String(i).padStart(7, '0')}`, i, i + 1, 0);
      t.forEachNew(0, 0, () => undefined);
      expect(t.spilled).toBe(true);
      return t.bytes;
    };
    const small = held(50_000);
    const large = held(200_000);
    expect(large - small).toBeLessThanOrEqual((200_000 - 50_000) / 8 + 65_536);
    expect(large).toBeLessThan(8 * 1024 * 1024);
  });

  it('work guard: a spilled partition is folded without a copy of its names', () => {
    // A partition's table points into the partition's records it has just read; it holds a few
    // numbers per name, whatever the names' lengths (a copy of 200-character names held 25 times
    // the characters of 8-character ones).
    const held = (length: number): number => {
      const t = new CustomerTable({ open: () => new MemoryScratch(), spillAt: 5_000 });
      for (let i = 0; i < 50_000; i++) t.sale(`C${String(i).padStart(length - 1, '0')}`, i, i + 1, 0);
      let counted = 0;
      t.forEachNew(0, 0, () => counted++);
      expect(counted).toBe(50_000);
      return t.bytes;
    };
    // Only the buffer that holds the name being looked up grows (two bytes a character).
    expect(held(200) - held(8)).toBeLessThanOrEqual(2 * 200);
  });

  it("work guard: a portfolio's tables share one budget, and what they hold stops growing with distinct customers", () => {
    // 50 tables (a contract per seller), each seeing every 50th row: past their shares they keep
    // their spills' blocks (4 MB together) and, after folding, their new customers' first rows (4
    // bytes each, or a bit per row when fewer): 4 times the customers add those rows, not tables.
    const TABLES = 50;
    const held = (customers: number): number => {
      const budget = new SpillBudget();
      const tables = Array.from({ length: TABLES }, () => new CustomerTable({ open: () => new MemoryScratch(), budget }));
      for (let i = 0; i < customers; i++) tables[i % TABLES].sale(`C${String(i).padStart(7, '0')}`, i, i + 1, 0);
      let counted = 0;
      for (const t of tables) t.forEachNew(0, 0, () => counted++);
      expect(counted).toBe(customers);
      expect(tables.every((t) => t.spilled)).toBe(true);
      // Each table's row answers: row i + 1 is the first (and only) sale of customer i.
      for (const i of [0, 1, customers - 1]) expect(tables[i % TABLES].isFirstSaleOfNew(`c${String(i).padStart(7, '0')}`, i + 1)).toBe(true);
      expect(tables[0].isFirstSaleOfNew('C0000001', 2)).toBe(false);
      return tables.reduce((n, t) => n + t.bytes, 0);
    };
    const small = held(100_000);
    const large = held(400_000);
    expect(large - small).toBeLessThanOrEqual(4 * (400_000 - 100_000) + TABLES * 65_536);
    // Each table's `bytes` counts the partition table it folded in (about 210 KB at its initial size; one table folds at a time).
    expect(small).toBeLessThan(4 * 100_000 + (4 << 20) + TABLES * 256 * 1024);
  });

  it('a shared budget gives each of many tables a share of the names and blocks, and one table the whole', () => {
    const alone = new SpillBudget();
    alone.join();
    expect([alone.spillAt, alone.partitionBits, alone.block]).toEqual([1 << 15, 7, 32 * 1024]);
    for (const n of [2, 7, 50, 200, 1_000]) {
      const budget = new SpillBudget();
      for (let i = 0; i < n; i++) budget.join();
      expect(budget.spillAt).toBeGreaterThanOrEqual(1 << 10);
      expect(n * budget.spillAt).toBeLessThanOrEqual(Math.max(1 << 15, n * (1 << 10)));
      // Blocks of every table's partitions: 4 MB in all, or 1 KB a partition for a thousand tables.
      expect(n * (1 << budget.partitionBits) * budget.block).toBeLessThanOrEqual(Math.max(4 << 20, n * 8 * 1024));
    }
  });

  it('a spilled table answers pass 2 only after pass 1 ended, and is read once', () => {
    const t = new CustomerTable({ open: () => new MemoryScratch(), spillAt: 2 });
    ['a', 'b', 'c'].forEach((name, i) => t.sale(name, 0, i + 1, 0));
    expect(() => t.isFirstSaleOfNew('a', 1)).toThrow(/before pass 1 ended/);
    t.forEachNew(0, 0, () => undefined);
    expect([1, 2, 3, 4].map((row) => t.isFirstSaleOfNew(['a', 'b', 'c', 'd'][row - 1], row))).toEqual([true, true, true, false]);
    expect(() => t.forEachNew(0, 0, () => undefined)).toThrow(/already read/);
  });

  it('refuses a row number beyond 32 bits instead of storing another', () => {
    expect(() => new CustomerTable().sale('a', 0, 2 ** 32, 0)).toThrow(RangeError);
  });
});
