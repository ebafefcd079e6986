/**
 * The NDJSON row scanner (src/node/ndjson-row-scanner.ts) against JSON.parse: on any line it gives
 * null or exactly the object JSON.parse gives (the same keys in the same order, the same strings, the
 * same doubles, -0 included); and the NDJSON reader gives the same records, row numbers and problems
 * with it as with JSON.parse alone.
 */
import { SEED } from '../support/clause-arbitraries';
import fc from 'fast-check';
import { NdjsonRowScanner } from '../../src/node/ndjson-row-scanner';
import { NdjsonStreamParser } from '../../src/node/ndjson-stream';
import { emptyLedgerIssue, type LedgerRecord, type RowIssue } from '../../src/ledger/rows';
import { parseNdjsonLedger } from '../../src/ledger/text-readers';

/**
 * Same keys in the same order, each an own enumerable, writable and configurable data property, and the same
 * values (Object.is: -0 is not 0), recursively.
 */
function sameAsParsed(got: unknown, want: unknown): boolean {
  if (typeof got !== 'object' || got === null || typeof want !== 'object' || want === null) return Object.is(got, want);
  if (Array.isArray(got) !== Array.isArray(want)) return false;
  if (Object.getPrototypeOf(got) !== Object.getPrototypeOf(want)) return false;
  const a = Reflect.ownKeys(got);
  const b = Reflect.ownKeys(want);
  if (a.length !== b.length || a.some((k, i) => k !== b[i])) return false;
  const flags = (o: object, k: PropertyKey): string => {
    const d = Object.getOwnPropertyDescriptor(o, k) as PropertyDescriptor;
    return `${String(d.enumerable)} ${String(d.writable)} ${String(d.configurable)} ${'value' in d}`;
  };
  if (a.some((k) => flags(got, k) !== flags(want, k))) return false;
  return a.every((k) => sameAsParsed((got as Record<PropertyKey, unknown>)[k], (want as Record<PropertyKey, unknown>)[k]));
}

/**
 * Keys as ledgers write them, keys that must not be scanned as written, and keys that the scanner's object literal
 * must take as plain names (Object.prototype's, its own parameter's, characters a JavaScript literal treats apart).
 */
const key = fc.oneof(
  fc.constantFrom('id', 'date', 'amount', 'currency', 'units', 'product', 'customer', 'seller', 'Amount', ' date ', '0', '12', '__proto__', 'a"b', 'a\\b', 'tab\there', 'é', '東'),
  fc.constantFrom('constructor', 'toString', 'hasOwnProperty', 'values', 'a\u2028b', '\ud800', "'", '`${x}`', '}', '4294967295', '-1', '1.5'),
  fc.string({ maxLength: 6 }),
);

/** Numbers as JSON writes them: integers, fractions, exponents, -0, long digit runs, and ones JSON.parse rounds. */
const numberText = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => JSON.stringify(x)),
  fc.constantFrom('-0', '0', '0.0', '-0.0e0', '1e400', '-1e-400', '123456789012345', '1234567890123456', '9007199254740993', '0.1000000000000000055511151231257827', '2272.37', '1E+2', '1e-2'),
  fc.tuple(fc.boolean(), fc.stringMatching(/^(0|[1-9][0-9]{0,20})$/), fc.option(fc.stringMatching(/^[0-9]{1,20}$/)), fc.option(fc.stringMatching(/^[eE][+-]?[0-9]{1,3}$/))).map(
    ([neg, whole, frac, exp]) => `${neg ? '-' : ''}${whole}${frac === null ? '' : `.${frac}`}${exp ?? ''}`,
  ),
);

/** String values: plain, Unicode, and with every kind of JSON escape (written by JSON.stringify, or by hand). */
const stringText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 8 }).map((s) => JSON.stringify(s)),
  fc.string({ unit: 'binary', maxLength: 8 }).map((s) => JSON.stringify(s)),
  fc.constantFrom('"T000000001"', '"2026-11-24"', '"a\\"b"', '"\\\\"', '"\\/"', '"\\b\\f\\n\\r\\t"', '"\\u0041"', '"\\ud83d\\ude80"', '"\\u00e9"', '"Zoë 🚀"', '""', '"  padded  "'),
);

/** Any JSON value text, nested ones included. */
const valueText: fc.Arbitrary<string> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    numberText,
    stringText,
    fc.constantFrom('true', 'false', 'null'),
    fc.array(tie('value') as fc.Arbitrary<string>, { maxLength: 3 }).map((xs) => `[${xs.join(',')}]`),
    fc.array(fc.tuple(key, tie('value') as fc.Arbitrary<string>), { maxLength: 3 }).map((kv) => `{${kv.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ),
})).value;

const space = fc.constantFrom('', ' ', '  ', '\t', '\r', ' \t ');

/** A line: mostly flat objects of a few keys with JSON whitespace around every token, sometimes not JSON at all. */
const lineText = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.array(fc.tuple(key, fc.oneof({ weight: 3, arbitrary: stringText }, { weight: 3, arbitrary: numberText }, { weight: 1, arbitrary: valueText }), space, space, space, space), { maxLength: 8 }), space, space).map(
    ([kv, a, b]) => `${a}{${kv.map(([k, v, s1, s2, s3, s4]) => `${s1}${JSON.stringify(k)}${s2}:${s3}${v}${s4}`).join(',')}}${b}`,
  ) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('{"id":"a",}', '{"id":"a" "b":1}', '{"id":01}', '{"id":1.}', '{"id":.5}', '{"id":-}', '{"id":1e}', '{"id":+1}', '{"id":"a"}x', '{"id":"a\u0001"}', '{"id":"a"', '{"id" "a"}', '\u00a0', '{"id":"a"}\u00a0') },
);

/** Lines of one ledger shape (three keys) with any values: the lines the scanner reads once it has learnt the shape. */
const shapeLine = fc.tuple(fc.oneof({ weight: 4, arbitrary: stringText }, { weight: 4, arbitrary: numberText }, { weight: 1, arbitrary: valueText }), fc.oneof(stringText, numberText), fc.oneof(stringText, numberText), space).map(
  ([a, b, c, s]) => `{"id":${a},${s}"date":${b},"amount"${s}:${c}}`,
);

function parsed(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

describe('NDJSON row scanner', () => {
  it('gives null or exactly what JSON.parse gives, for the keys of any earlier line', () => {
    let scanned = 0;
    fc.assert(
      fc.property(lineText, lineText, (first, line) => {
        const scanner = new NdjsonRowScanner();
        // Learnt from the first line's keys (or the line's own, so that the scan is tried on most lines).
        const model = parsed(first);
        const own = parsed(line);
        for (const source of [model, own]) {
          if (source === null || typeof source !== 'object' || Array.isArray(source)) continue;
          scanner.learn(Object.keys(source));
          const got = scanner.read(`xx${line}yy`, 2, 2 + line.length);
          if (got === null) continue;
          // What is read was JSON, and is what JSON.parse reads.
          expect(own).not.toBeUndefined();
          expect(sameAsParsed(got, own)).toBe(true);
          scanned++;
        }
      }),
      { seed: SEED, numRuns: 3000 },
    );
    // The law is tested on many scanned lines, not only on lines left to JSON.parse.
    expect(scanned).toBeGreaterThan(300);
  });

  it('reads ledger rows of one shape (keys learnt from the first)', () => {
    const scanner = new NdjsonRowScanner();
    const first = '{"id":"T000508803","date":"2026-03-15","amount":"2272.37","currency":"USD","units":15,"product":"Sprocket","customer":"C5827","seller":"S182"}';
    scanner.learn(Object.keys(JSON.parse(first)));
    for (const line of [first, '{ "id" : "T1", "date":"2026-01-01" ,"amount":-0,"currency":"USD","units":1.5e3,"product":"Zoë 🚀","customer":"","seller":"S"} ']) {
      const got = scanner.read(line, 0, line.length);
      expect(got).not.toBeNull();
      expect(sameAsParsed(got, JSON.parse(line))).toBe(true);
    }
    // An escape, a literal, a nested value, a missing or an extra key: left to JSON.parse.
    for (const line of ['{"id":"T\\u0031","date":"2026-01-01","amount":"1","currency":"USD","units":1,"product":"p","customer":"c","seller":"s"}', '{"id":true,"date":"2026-01-01","amount":"1","currency":"USD","units":1,"product":"p","customer":"c","seller":"s"}', '{"id":"T1","date":"2026-01-01","amount":{"v":1},"currency":"USD","units":1,"product":"p","customer":"c","seller":"s"}', '{"id":"T1"}', '{"id":"T1","date":"2026-01-01","amount":"1","currency":"USD","units":1,"product":"p","customer":"c","seller":"s","x":1}']) {
      expect(scanner.read(line, 0, line.length)).toBeNull();
    }
  });

  it('learns no keys that the raw text cannot show as they are', () => {
    for (const keys of [['__proto__'], ['a"b'], ['a\\b'], ['a\nb'], []]) {
      const scanner = new NdjsonRowScanner();
      scanner.learn(keys);
      const line = JSON.stringify({ [keys[0] ?? 'x']: 1 });
      expect(scanner.read(line, 0, line.length)).toBeNull();
    }
  });
});

interface Read {
  records: Array<{ row: number; record: LedgerRecord; keys: string[] }>;
  issues: RowIssue[];
}

/** The records and problems of an NDJSON text, from the stream reader (with its scanner), in chunks of `chunk` characters. */
function streamRead(text: string, chunk: number): Read {
  const out: Read = { records: [], issues: [] };
  const parser = new NdjsonStreamParser({ record: (record, row) => out.records.push({ row, record, keys: Object.keys(record) }), issue: (i) => out.issues.push(i) });
  for (let at = 0; at < text.length; at += chunk) parser.push(text.slice(at, at + chunk));
  parser.end();
  return out;
}

describe('NDJSON reader with the scanner', () => {
  it('gives each line the object JSON.parse gives it, and the same problems, however the text is cut', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 2, arbitrary: fc.constant('') }, { weight: 4, arbitrary: lineText }, { weight: 10, arbitrary: shapeLine }), { maxLength: 12 }), fc.integer({ min: 1, max: 64 }), fc.constantFrom('\n', '\r\n'), (pick, chunk, eol) => {
        const lines = pick.map((l) => l.replace(/[\r\n]/g, ''));
        const text = lines.join(eol);
        const got = streamRead(text, chunk);
        // The in-memory reader (JSON.parse on every line): the same records and problems.
        const reference = parseNdjsonLedger(text);
        expect(got.records.map(({ row, record }) => ({ row, record }))).toEqual(reference.records.map((record, i) => ({ row: i + 1, record })));
        // A text that gives neither a record nor a problem: the stream's reader (src/node/stream-evaluate.ts) adds the empty-ledger problem itself.
        const streamIssues = got.records.length === 0 && got.issues.length === 0 ? [emptyLedgerIssue('ndjson')] : got.issues;
        expect([...streamIssues].sort((a, b) => a.row - b.row)).toEqual([...reference.issues].sort((a, b) => a.row - b.row));
        // Each record is JSON.parse's object of its line, keys in the same order.
        const objects = lines.filter((l) => l.trim() !== '').map(parsed);
        got.records.forEach(({ row, record }) => {
          const want = objects[row - 1];
          if (want !== null && typeof want === 'object' && !Array.isArray(want)) expect(sameAsParsed(record, want)).toBe(true);
          else expect(record).toEqual({});
        });
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it('reads a ledger of one shape by scanning, with the same records as JSON.parse', () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ id: `T${i}`, date: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}`, amount: i % 3 === 0 ? -i * 1.25 : `${i}.50`, currency: 'USD', units: i, product: i % 5 === 0 ? 'Zoë "Q"' : 'Sprocket', customer: `C${i}`, seller: 'S1' }));
    const text = rows.map((r) => JSON.stringify(r)).join('\n');
    const parse = jest.spyOn(JSON, 'parse');
    const got = streamRead(text, 7);
    // Only the first line (whose keys the scanner learns) and those with an escape (\") are given to JSON.parse.
    expect(parse).toHaveBeenCalledTimes(rows.filter((r, i) => i === 0 || r.product.includes('"')).length);
    parse.mockRestore();
    expect(got.issues).toEqual([]);
    got.records.forEach(({ row, record, keys }) => {
      expect(keys).toEqual(Object.keys(rows[row - 1]));
      expect(sameAsParsed(record, JSON.parse(JSON.stringify(rows[row - 1])))).toBe(true);
    });
  });
});
