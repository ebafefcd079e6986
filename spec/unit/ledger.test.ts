import { RowNormalizer, type NormalizerOptions } from '../../src/ledger/normalize';
import type { LedgerRow } from '../../src/ledger/rows';
import { parseCsvLedger, parseJsonLedger, parseNdjsonLedger } from '../../src/ledger/text-readers';
import { DateReader } from '../../src/time/date-reader';
import { formatIsoDate, fromDayNumber } from '../../src/time/periods';
import { parseQuantity, quantityFromNumber, toDec, Accumulator } from '../../src/values/quantity';
import { ZoneClock } from '../../src/time/zone-clock';
import { confirmDuplicates, highHash, IdIndex, idHash } from '../../src/evaluation/id-index';
import { hashId } from '../../src/evaluation/id-hash';
import { Dec } from '../../src/values/money';
import fc from 'fast-check';
import { DateTime } from 'luxon';

const NY = 'America/New_York';
const reader = (zone = NY) => new DateReader(new ZoneClock(zone));
const iso = (t: number) => new Date(t).toISOString();
const dayText = (day: number) => formatIsoDate(fromDayNumber(day));

function ok(options: Partial<NormalizerOptions>, record: Record<string, unknown>, row = 1): LedgerRow {
  const r = new RowNormalizer({ timeZone: NY, ...options }).normalize(record, row);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.row;
}

describe('dates', () => {
  it('reads YYYY-MM-DD as the start of that local day', () => {
    const r = reader().read('2026-01-31');
    expect(r.ok && [iso(r.time), dayText(r.day)]).toEqual(['2026-01-31T05:00:00.000Z', '2026-01-31']);
  });

  it('keeps a sale at 03:30Z on the previous local day in New York', () => {
    const r = reader().read('2026-02-01T03:30:00Z');
    expect(r.ok && dayText(r.day)).toBe('2026-01-31');
    const utc = reader('UTC').read('2026-02-01T03:30:00Z');
    expect(utc.ok && dayText(utc.day)).toBe('2026-02-01');
  });

  it('converts offsets and reads offset-less date-times as local time in the zone', () => {
    const withOffset = reader().read('2026-03-01T23:30:00+01:00');
    expect(withOffset.ok && [iso(withOffset.time), dayText(withOffset.day)]).toEqual(['2026-03-01T22:30:00.000Z', '2026-03-01']);
    const local = reader().read('2026-03-01T23:30:00');
    expect(local.ok && iso(local.time)).toBe('2026-03-02T04:30:00.000Z');
    const compact = reader().read('2026-03-01 08:15:30.25-0500');
    expect(compact.ok && iso(compact.time)).toBe('2026-03-01T13:15:30.250Z');
  });

  it('handles the DST change: local times after 02:00 on 2026-03-08 are EDT', () => {
    const before = reader().read('2026-03-08T01:30:00');
    const after = reader().read('2026-03-08T03:30:00');
    expect(before.ok && iso(before.time)).toBe('2026-03-08T06:30:00.000Z');
    expect(after.ok && iso(after.time)).toBe('2026-03-08T07:30:00.000Z');
    // 23:30 EDT on Mar 8 is 03:30Z on Mar 9 and still Mar 8 locally.
    const late = reader().read('2026-03-09T03:30:00Z');
    expect(late.ok && dayText(late.day)).toBe('2026-03-08');
  });

  it('finds local days correctly for dates centuries apart (cached midnights beyond their flat table)', () => {
    const r = reader();
    for (const text of ['2026-01-01T12:00:00Z', '1900-06-01T03:00:00Z', '2150-11-05T04:30:00Z', '2026-01-02T04:59:59Z', '1900-06-01T05:00:00Z']) {
      const x = r.read(text);
      expect([text, x.ok && dayText(x.day)]).toEqual([text, DateTime.fromISO(text, { zone: NY }).toISODate()]);
    }
  });

  it('rejects impossible dates and non-dates with different codes', () => {
    const r = reader();
    for (const text of ['2026-02-30', '2026-13-01', '2026-01-01T24:00:00', '2026-01-01T10:61:00Z', '2025-02-29T00:00:00Z']) {
      const x = r.read(text);
      expect(!x.ok && x.code).toBe('impossible-date');
    }
    for (const text of ['01/02/2026', 'yesterday', '2026-1-1', '']) {
      const x = r.read(text);
      expect(!x.ok && x.code).toBe('invalid-date');
    }
  });
});

describe('quantities', () => {
  it('parses signed plain decimals exactly', () => {
    expect(parseQuantity('1200.5')).toBe(12_005_000);
    expect(parseQuantity('-35')).toBe(-350_000);
    expect(parseQuantity('+.25')).toBe(2_500);
    expect(toDec(parseQuantity('0.123456') as Dec).toFixed()).toBe('0.123456');
    for (const bad of ['', '.', '1,000', '$5', '1e3', '12a', '--1', '1.2.3']) expect(parseQuantity(bad)).toBeNull();
    expect(quantityFromNumber(0.1)).toBe(1000);
    expect(quantityFromNumber(Number.NaN)).toBeNull();
  });

  it('reads a JSON number as the quantity of its shortest decimal form (whole numbers without writing it out)', () => {
    // The general reading: the number's shortest form, as a ledger cell holding that text is read.
    const general = (value: number) => (!Number.isFinite(value) ? null : /e/i.test(String(value)) ? new Dec(String(value)) : parseQuantity(String(value)));
    const same = (value: number) => {
      const got = quantityFromNumber(value);
      const want = general(value);
      if (typeof got === 'number' || typeof want === 'number' || got === null || want === null) expect(Object.is(got, want)).toBe(true);
      else expect(got.equals(want) && got.toString() === want.toString()).toBe(true);
    };
    for (const edge of [0, -0, 1, -1, 99_999_999_999, -99_999_999_999, 1e11, -1e11, 1e15, 2 ** 53, 1e21, -1e21, 1.5, Infinity, -Infinity]) same(edge);
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.integer({ min: -1e12, max: 1e12 }), fc.double({ noNaN: true }), fc.double({ min: -1e12, max: 1e12, noNaN: true }).map(Math.trunc)),
        (value) => same(value),
      ),
      { numRuns: 5000 },
    );
  });

  it('falls back to Dec before a sum leaves the exact integer range', () => {
    const acc = new Accumulator();
    const big = parseQuantity('99999999999.9999') as number;
    for (let i = 0; i < 10; i++) acc.add(big);
    expect(acc.value().toFixed()).toBe('999999999999.999');
    expect(acc.reaches(parseQuantity('999999999999.999') as Dec | number)).toBe(true);
    const sum = new Accumulator();
    sum.add(1000);
    sum.add(new Dec('0.00001'));
    expect(sum.value().toFixed()).toBe('0.10001');
  });
});

describe('RowNormalizer', () => {
  it('reads columns case-insensitively, trims, and defaults ids to the row number', () => {
    const r = ok({ required: ['amount'] }, { DATE: '2026-01-05', ' Amount ': ' 100.25 ', Customer: ' Acme ', Extra: 'x', Currency: 'usd' }, 7);
    expect(r).toMatchObject({ id: '7', row: 7, amount: 1_002_500, customer: 'Acme', currency: 'USD', product: null });
  });

  it('accepts JSON numbers as amounts', () => {
    expect(ok({}, { date: '2026-01-05', amount: 19.99, units: 3 })).toMatchObject({ amount: 199_900, units: 30_000 });
  });

  it('reports every problem of a row with its column and value', () => {
    const n = new RowNormalizer({ timeZone: NY, required: ['amount'], currency: 'USD' });
    const r = n.normalize({ date: '2026-02-30', amount: '12,50', currency: 'EUR', units: 'many' }, 4);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.row, i.column, i.value, i.code])).toEqual([
      [4, 'date', '2026-02-30', 'impossible-date'],
      [4, 'amount', '12,50', 'non-numeric-amount'],
      [4, 'units', 'many', 'non-numeric-units'],
      [4, 'currency', 'EUR', 'currency-mismatch'],
    ]);
  });

  it('distinguishes a missing column from an empty cell', () => {
    const n = new RowNormalizer({ timeZone: NY, required: ['amount'] });
    const missing = n.normalize({ date: '2026-01-01' }, 1);
    const empty = n.normalize({ date: '', amount: '' }, 2);
    expect(!missing.ok && missing.issues.map((i) => [i.column, i.code])).toEqual([['amount', 'missing-column']]);
    expect(!empty.ok && empty.issues.map((i) => [i.column, i.code])).toEqual([
      ['date', 'missing-value'],
      ['amount', 'missing-value'],
    ]);
  });

  it('detects duplicate explicit ids but not default ones', () => {
    const n = new RowNormalizer({ timeZone: NY });
    expect(n.normalize({ date: '2026-01-01', id: 'A' }, 1).ok).toBe(true);
    const dup = n.normalize({ date: '2026-01-02', id: 'A' }, 2);
    expect(!dup.ok && dup.issues[0]).toMatchObject({ row: 2, column: 'id', value: 'A', code: 'duplicate-id', message: expect.stringContaining('already used by row 1') });
    expect(n.normalize({ date: '2026-01-02', id: '' }, 3).ok).toBe(true);
    const again = new RowNormalizer({ timeZone: NY, checkDuplicates: false });
    expect(again.normalize({ date: '2026-01-01', id: 'A' }, 1).ok && again.normalize({ date: '2026-01-01', id: 'A' }, 2).ok).toBe(true);
  });

  it('accepts a currency cell only in the clause currency, and an empty one', () => {
    expect(ok({ currency: 'JPY' }, { date: '2026-01-01', currency: 'jpy' }).currency).toBe('JPY');
    expect(ok({ currency: 'JPY' }, { date: '2026-01-01', currency: '' }).currency).toBeNull();
  });
});

describe('text readers', () => {
  it('reads CSV with BOM, CRLF, quoted commas, quotes and line breaks, and blank lines', () => {
    const text = '\uFEFFId,Date,Amount,Customer\r\n1,2026-01-02,"1000.00","Acme, Inc."\r\n\r\n2,2026-01-03,-50,"The ""Big"" One\r\nLtd"\r\n';
    const { records, issues } = parseCsvLedger(text);
    expect(issues).toEqual([]);
    expect(records).toEqual([
      { id: '1', date: '2026-01-02', amount: '1000.00', customer: 'Acme, Inc.' },
      { id: '2', date: '2026-01-03', amount: '-50', customer: 'The "Big" One\r\nLtd' },
    ]);
  });

  it('reports a CSV row with the wrong number of fields', () => {
    const { issues } = parseCsvLedger('date,amount\n2026-01-01,5\n2026-01-02\n');
    expect(issues.map((i) => [i.row, i.code])).toEqual([[2, 'malformed-row']]);
  });

  it('reads JSON arrays and NDJSON, numbering rows from 1 and reporting bad ones', () => {
    expect(parseJsonLedger('[{"date":"2026-01-01","amount":5}]')).toEqual({ records: [{ date: '2026-01-01', amount: 5 }], issues: [] });
    expect(parseJsonLedger('{"date":"x"}').issues[0].code).toBe('malformed-row');
    expect(parseJsonLedger('[{"date":"2026-01-01"}, 7]').issues.map((i) => i.row)).toEqual([2]);
    const nd = parseNdjsonLedger('{"date":"2026-01-01"}\r\n\n{oops\n{"date":"2026-01-02"}\n');
    expect(nd.records).toHaveLength(3);
    expect(nd.issues.map((i) => [i.row, i.code])).toEqual([[2, 'malformed-row']]);
  });
});

describe('fast readers agree with the reference implementations', () => {
  const zones = ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'];
  const instant = fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') });

  it('reads ISO date-times with offsets like Date.parse, and finds the local day like luxon', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...zones), fc.integer({ min: -12 * 4, max: 14 * 4 }), (t, zone, quarterHours) => {
        const offset = DateTime.fromMillis(t, { zone: 'UTC' }).setZone(`UTC${quarterHours >= 0 ? '+' : '-'}${Math.floor(Math.abs(quarterHours) / 4)}:${String((Math.abs(quarterHours) % 4) * 15).padStart(2, '0')}`);
        const text = offset.toISO({ suppressMilliseconds: t % 2 === 0 }) as string;
        const r = reader(zone).read(text.replace('+00:00', 'Z'));
        expect(r.ok && r.time).toBe(Date.parse(text));
        expect(r.ok && dayText(r.day)).toBe(DateTime.fromMillis(Date.parse(text), { zone }).toISODate());
        // A space for the T (as spreadsheets export) reads the same.
        expect(reader(zone).read(text.replace('T', ' '))).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });

  it('reads offset-less date-times as luxon does in the zone (outside DST gaps)', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...zones), (t, zone) => {
        const local = DateTime.fromMillis(t, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS");
        const expected = DateTime.fromISO(local, { zone });
        const r = reader(zone).read(local);
        expect(r.ok && r.time).toBe(expected.toMillis());
        expect(r.ok && dayText(r.day)).toBe(local.slice(0, 10));
        expect(reader(zone).read(local.replace('T', ' '))).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with luxon on every minute of DST-change days, including a half-hour shift', () => {
    for (const [zone, date] of [['Australia/Lord_Howe', '2026-10-04'], ['Australia/Lord_Howe', '2026-04-05'], ['America/New_York', '2026-03-08'], ['America/New_York', '2026-11-01']]) {
      const r = reader(zone);
      for (let minute = 0; minute < 24 * 60; minute += 5) {
        const local = `${date}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`;
        const x = r.read(local);
        expect([local, x.ok && x.time]).toEqual([local, DateTime.fromISO(local, { zone }).toMillis()]);
      }
    }
  });

  it('reads a plain date the same from its cache as the first time (one reader for every text, and a fresh one)', () => {
    const digits = fc.stringMatching(/^[0-9]{2}$/);
    const text = fc.oneof(
      fc.tuple(fc.constantFrom('2026', '2024', '1900', '2000', '0000', '9999'), digits, digits).map(([y, m, d]) => `${y}-${m}-${d}`),
      fc.constantFrom('2026-02-29', '2024-02-29', '2026-13-01', '2026-00-10', '2026-1-01', '2026-01-1 ', '2026/01/01', '2026-0a-01', '２０２６-01-01', '2026-01-01T', '20260101  '),
      fc.string({ minLength: 10, maxLength: 10 }),
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 30 }), fc.constantFrom(...zones), (texts, zone) => {
        const shared = reader(zone);
        for (const t of [...texts, ...texts]) expect(shared.read(t)).toEqual(reader(zone).read(t));
      }),
      { numRuns: 300 },
    );
  });

  it('normalizes a record the same after records of other keys (one normalizer for all, and a fresh one)', () => {
    const key = fc.constantFrom('id', 'date', 'amount', 'Amount', ' DATE ', 'currency', 'units', 'product', 'customer', 'seller', 'note', '0', 'amount ');
    const value = fc.oneof(fc.constantFrom('2026-03-01', '2026-02-30', '12.50', '-3', 'USD', 'eur', 'Zoë', '', ' x '), fc.integer({ min: -1000, max: 1000 }));
    const record = fc.array(fc.tuple(key, value), { maxLength: 9 }).map((kv) => Object.fromEntries(kv) as Record<string, unknown>);
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 12 }), (records) => {
        const options = { timeZone: NY, currency: 'USD', checkDuplicates: false };
        const shared = new RowNormalizer(options);
        records.forEach((r, i) => expect(shared.normalize(r, i + 1)).toEqual(new RowNormalizer(options).normalize(r, i + 1)));
      }),
      { numRuns: 500 },
    );
  });

  it('parses decimals exactly like Dec', () => {
    const decimal = fc
      .tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^[0-9]{0,14}$/), fc.option(fc.stringMatching(/^[0-9]{0,7}$/)))
      .filter(([, w, f]) => w.length > 0 || (f ?? '').length > 0)
      .map(([sign, w, f]) => `${sign}${w}${f === null ? '' : `.${f}`}`);
    fc.assert(
      fc.property(decimal, (text) => {
        const q = parseQuantity(text);
        expect(q).not.toBeNull();
        const normal = text.replace(/^([+-]?)\./, '$10.').replace(/\.$/, '');
        expect(toDec(q as number).equals(new Dec(normal))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('duplicate ids in bounded memory', () => {
  it('hashes distinct ids apart', () => {
    const distinct = new IdIndex();
    for (let i = 0; i < 100_000; i++) distinct.add(`INV-${i}`);
    expect(distinct.suspects.size).toBe(0);
    expect(idHash('a')).not.toBe(idHash('b'));
    expect(idHash('')).toBeGreaterThan(0);
  });

  it('grows past its largest chunk without losing any id', () => {
    // A hash that puts every id in one bucket, so 200,000 ids fill its chunks from 16 entries up to
    // the largest (65,536) and several of those: what millions of ids spread over 16 buckets do.
    const oneBucket = (text: string): number => Number(text.slice(4)) + 1;
    const index = new IdIndex(oneBucket);
    for (let i = 0; i < 200_000; i++) index.add(`INV-${i}`);
    index.add('INV-123');
    index.add('INV-199999');
    expect([...index.suspects].sort((a, b) => a - b)).toEqual([124, 200_000]);
    expect(index.isSuspect('INV-123')).toBe(true);
    expect(index.isSuspect('INV-199999')).toBe(true);
    expect(index.isSuspect('INV-124')).toBe(false);
    expect(() => index.add('late')).toThrow();
  });

  it('holds its hashes in slabs of 32 MiB, never in buffers of their own, and drops them once sealed', () => {
    // A buffer below 32 MiB freed in the middle of the C heap may stay in the process: 10M ids' chunks
    // of their own stayed there under pass 2's memory. Slabs of 32 MiB are mappings of their own.
    const oneBucket = (text: string): number => Number(text.slice(4)) + 1;
    const index = new IdIndex(oneBucket);
    for (let i = 0; i < 200_000; i++) index.add(`INV-${i}`);
    // Chunks of 16 entries up to 65,536, then several of 65,536: all in one slab.
    expect(index.heldBuffers().map((b) => b.byteLength)).toEqual([2 ** 25]);
    expect(index.suspects.size).toBe(0);
    expect(index.heldBuffers()).toEqual([]);
  });

  it('carries hashId in its high bits, so that pass 1 can name its suspects to pass 2 by hashId', () => {
    fc.assert(
      fc.property(fc.string(), (id) => {
        const key = idHash(id);
        expect(key).toBeGreaterThanOrEqual(1);
        expect(key).toBeLessThanOrEqual(2 ** 53);
        expect(highHash(key)).toBe(hashId(id));
      }),
    );
    const index = new IdIndex();
    index.add('T1');
    index.add('T2');
    index.add('T1');
    expect([...index.suspectHashIds()]).toEqual([hashId('T1')]);
  });

  it('names exactly the hashes added more than once, whatever their buckets and probe chains (property)', () => {
    // Hashes chosen to crowd: few distinct low bits (long probe chains) and top bits (same bucket).
    const crowded = fc.integer({ min: 0, max: 4095 }).map((k) => (k % 16) * 2 ** 49 + (k % 64) * 2 ** 32 + (k >> 6) * 2 ** 10 + 1);
    fc.assert(
      fc.property(fc.array(crowded, { maxLength: 3000 }), (keys) => {
        const index = new IdIndex((text) => Number(text));
        for (const k of keys) index.add(String(k));
        const counts = new Map<number, number>();
        for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
        const repeated = [...counts].filter(([, n]) => n > 1).map(([k]) => k);
        expect([...index.suspects].sort((a, b) => a - b)).toEqual(repeated.sort((a, b) => a - b));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('confirms only real duplicates when different ids share a hash', () => {
    const byLength = (text: string) => text.length + 1;
    const index = new IdIndex(byLength);
    const ids = ['A1', 'B2', 'A1', 'C3', 'B2'];
    for (const id of ids) index.add(id);
    expect([...index.suspects]).toEqual([3]);
    const suspects = ids.map((id, i) => ({ row: i + 1, id })).filter((r) => index.isSuspect(r.id));
    expect(confirmDuplicates(suspects)).toEqual([
      { row: 3, id: 'A1', firstRow: 1 },
      { row: 5, id: 'B2', firstRow: 2 },
    ]);
  });
});
