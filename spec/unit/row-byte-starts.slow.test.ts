/**
 * Row byte positions on UTF-8 ledgers that are not ASCII: the stream readers report where each row
 * starts in bytes (as Buffer.byteLength of the text before it counts them) however the bytes are cut
 * into chunks, and pass 2 by position (row-positions.ts) reads the rows pass 1 read, decoded the
 * same, and gives the report a whole second reading gives.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CsvStreamParser } from '../../src/node/csv-stream';
import { NdjsonStreamParser } from '../../src/node/ndjson-stream';
import { RowPositions } from '../../src/node/row-positions';
import { validate } from '../../src/language/check';
import { evaluate, startEvaluation } from '../../src/evaluation/evaluate';
import { parseCsvLedger } from '../../src/ledger/text-readers';
import { driveTwoPasses } from '../../src/node/stream-evaluate';
import type { LedgerRecord } from '../../src/ledger/rows';
import { runs, SEED } from '../support/clause-arbitraries';

let dir: string;
let files = 0;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'row-byte-starts-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(text: string, ext: string): string {
  const file = path.join(dir, `ledger-${++files}.${ext}`);
  writeFileSync(file, text);
  return file;
}

/** ASCII, 2-byte (é ß), 3-byte (東 €) and 4-byte characters (two UTF-16 units: 🚀 𝄞). */
const letter = fc.constantFrom('a', 'Z', '7', '-', 'é', 'ß', '東', '€', '🚀', '𝄞');
const word = fc.array(letter, { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
const inQuotes = fc.array(fc.oneof(letter, fc.constantFrom(' ', ',', '\n', '\r\n', '""')), { maxLength: 6 }).map((a) => a.join(''));
/** A cell as written (plain or quoted, with commas, line breaks and doubled quotes) and as read. */
const cell: fc.Arbitrary<{ written: string; read: string }> = fc.oneof(
  word.map((w) => ({ written: w, read: w })),
  inQuotes.map((q) => ({ written: `"${q}"`, read: q.replace(/""/g, '"') })),
);
const row = fc.record({ first: word, rest: fc.tuple(cell, cell), blanksBefore: fc.constantFrom('', '', '\n', ' \n') });

/** Byte offsets where a text's bytes are cut into chunks. */
const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 });

function chunked(bytes: Buffer, at: number[]): Buffer[] {
  const points = [...new Set(at.map((f) => Math.floor(f * bytes.length)))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    pieces.push(bytes.subarray(from, p));
    from = p;
  }
  return pieces;
}

interface Written {
  text: string;
  /** Each row's byte start, counted on the text before it. */
  starts: number[];
}

/** Joins rows with their line end (and blank lines, which are not rows), noting where each starts in bytes. */
function writeRows(bom: boolean, head: string, lines: Array<{ blanksBefore: string; text: string }>, lineEnd: string, finalEnd: boolean): Written {
  let text = `${bom ? '\uFEFF' : ''}${head}${lineEnd}`;
  const starts: number[] = [];
  lines.forEach((line, k) => {
    text += line.blanksBefore.replace(/\n/g, lineEnd);
    starts.push(Buffer.byteLength(text, 'utf8'));
    text += line.text + (k < lines.length - 1 || finalEnd ? lineEnd : '');
  });
  return { text, starts };
}

describe('row byte starts on text that is not ASCII, cut into chunks anywhere', () => {
  const file = fc.record({
    rows: fc.array(row, { minLength: 1, maxLength: 25 }),
    bom: fc.boolean(),
    lineEnd: fc.constantFrom('\n', '\r\n'),
    finalEnd: fc.boolean(),
    cuts,
    days: fc.uniqueArray(fc.nat(4), { maxLength: 3 }),
  });

  test('CSV: the starts are the byte lengths before each row; pass 2 by position reads those rows, decoded alike', () => {
    fc.assert(
      fc.property(file, ({ rows, bom, lineEnd, finalEnd, cuts, days }) => {
        const lines = rows.map((r) => ({ blanksBefore: r.blanksBefore, text: [r.first, ...r.rest.map((c) => c.written)].join(',') }));
        const { text, starts } = writeRows(bom, 'a,b,c', lines, lineEnd, finalEnd);
        const positions = new RowPositions();
        const read: Array<[number, string[]]> = [];
        const recorded: number[] = [];
        const parser = new CsvStreamParser(
          { header: () => undefined, issue: () => undefined, cells(cells, k) {
              read.push([k, cells]);
              positions.day(k, k % 5); // row k's day: k mod 5
            },
          },
          {
            start(k, offset) {
              recorded.push(offset);
              positions.start(k, offset);
            },
          },
        );
        const bytes = Buffer.from(text, 'utf8');
        for (const piece of chunked(bytes, cuts)) parser.pushBytes(piece);
        parser.end();
        expect(recorded).toEqual(starts);
        expect(read).toEqual(rows.map((r, k) => [k + 1, [r.first, ...r.rest.map((c) => c.read)]]));
        // Pass 2 by position: the rows of the chosen days, as pass 1 read them.
        expect(positions.covers(read.length)).toBe(true);
        const again: Array<[number, string[]]> = [];
        const want = new Set(days);
        positions.readRows(write(text, 'csv'), bytes.length, want, { format: 'csv', sink: { header: () => undefined, issue: () => undefined, cells: (cells, k) => again.push([k, cells]) } });
        expect(again).toEqual(read.filter(([k]) => want.has(k % 5)));
        // The same after a header of pass 1's width (how the command line reads them), not a stand-in one.
        const afterHeader: Array<[number, string[]]> = [];
        positions.readRows(write(text, 'csv'), bytes.length, want, { format: 'csv', width: 3, sink: { header: () => undefined, issue: () => undefined, cells: (cells, k) => afterHeader.push([k, cells]) } });
        expect(afterHeader).toEqual(again);
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  });

  test('NDJSON: the same, with escaped line breaks and blank lines', () => {
    fc.assert(
      fc.property(file, ({ rows, bom, lineEnd, finalEnd, cuts, days }) => {
        const records = rows.map((r) => ({ c: r.first, d: r.rest[0].read, e: r.rest[1].read }));
        const lines = rows.map((r, k) => ({ blanksBefore: r.blanksBefore, text: JSON.stringify(records[k]) }));
        const { text, starts } = writeRows(bom, JSON.stringify({ c: 'é', d: '東', e: '🚀' }), lines, lineEnd, finalEnd);
        const positions = new RowPositions();
        const read: Array<[number, LedgerRecord]> = [];
        const recorded: number[] = [];
        const parser = new NdjsonStreamParser(
          {
            issue: () => undefined,
            record(record, k) {
              read.push([k, record]);
              positions.day(k, k % 5);
            },
          },
          {
            start(k, offset) {
              recorded.push(offset);
              positions.start(k, offset);
            },
          },
        );
        const bytes = Buffer.from(text, 'utf8');
        for (const piece of chunked(bytes, cuts)) parser.pushBytes(piece);
        parser.end();
        // The first line is a row too in NDJSON.
        expect(recorded).toEqual([bom ? 3 : 0, ...starts]);
        expect(read.slice(1).map(([, r]) => r)).toEqual(records);
        const again: Array<[number, LedgerRecord]> = [];
        const want = new Set(days);
        positions.readRows(write(text, 'ndjson'), bytes.length, want, { format: 'ndjson', sink: { issue: () => undefined, record: (record, k) => again.push([k, record]) } });
        expect(again).toEqual(read.filter(([k]) => want.has(k % 5)));
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  });
});

describe('row byte starts on a long text that is not ASCII', () => {
  test('decoded in pieces, with quoted line breaks across the pieces, in chunks of any size', () => {
    // Text that is not ASCII is decoded in pieces of about 32 KiB: records with line breaks in
    // quoted cells, some of them long, fall across the pieces' ends.
    const lines = Array.from({ length: 4000 }, (_, k) => ({
      blanksBefore: k % 97 === 0 ? '\n' : '',
      text: `r${k},"東京\n${'é'.repeat(k % 53)}${k % 211 === 0 ? 'ß\n'.repeat(20_000) : ''}",🚀${k}`,
    }));
    const { text, starts } = writeRows(true, 'a,b,c', lines, '\r\n', false);
    const bytes = Buffer.from(text, 'utf8');
    expect(bytes.length).toBeGreaterThan(1 << 20);
    const expected = parseCsvLedger(text).records.map((r) => [r.a, r.b, r.c]);
    for (const size of [1 << 16, 40_000, 1 << 20, 7_777]) {
      const recorded: number[] = [];
      const read: string[][] = [];
      const parser = new CsvStreamParser({ header: () => undefined, issue: () => undefined, cells: (cells) => read.push(cells) }, { start: (_k, offset) => recorded.push(offset) });
      for (let at = 0; at < bytes.length; at += size) parser.pushBytes(bytes.subarray(at, at + size));
      parser.end();
      expect(recorded).toEqual(starts);
      expect(read).toEqual(expected);
    }
  });
});

describe('pass 2 by position on a ledger that is not ASCII', () => {
  const CLAUSE =
    'The Seller agrees to meet the following sales milestones: (i) $8,000 in sales revenue by the end of the first month, ' +
    '(ii) 6 new customers by the end of the quarter. Upon achieving each milestone, the Seller will be entitled to receive a commission payment of $1,000.';
  const OPTIONS = { effectiveDate: '2026-01-01', timeZone: 'Europe/Berlin', asOf: '2026-03-31' };
  const ast = (() => {
    const v = validate(CLAUSE);
    if (!v.ast || !v.valid) throw new Error('test clause does not validate');
    return v.ast;
  })();

  const sale = fc.record({
    day: fc.integer({ min: 0, max: 89 }),
    hour: fc.integer({ min: 0, max: 23 }),
    amount: fc.integer({ min: -500, max: 3000 }),
    customer: fc.oneof(word, inQuotes.map((q) => `"${q}"`)),
    product: word,
  });

  test('gives the report a whole second reading gives, and the in-memory one', async () => {
    let byPositionRuns = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(sale, { minLength: 10, maxLength: 120 }), fc.boolean(), fc.constantFrom('\n', '\r\n'), async (sales, bom, lineEnd) => {
        const lines = sales.map((s, k) => {
          const date = new Date(Date.UTC(2026, 0, 1 + s.day, s.hour)).toISOString().slice(0, 16).replace('T', ' ');
          return `T${k},${date},${s.amount}.50,${s.customer},${s.product}`;
        });
        const text = `${bom ? '\uFEFF' : ''}id,date,amount,customer,product${lineEnd}${lines.join(lineEnd)}${lineEnd}`;
        const file = write(text, 'csv');
        const size = Buffer.byteLength(text, 'utf8');
        const streamed = async (byPosition: boolean) => {
          const evaluation = startEvaluation(ast, OPTIONS);
          const run = await driveTwoPasses({ path: file, size, dispose: () => undefined }, 'csv', evaluation, { label: 'test', progress: false, chunkSize: 61, byPosition });
          return { report: evaluation.finish(), run };
        };
        const byPosition = await streamed(true);
        const whole = await streamed(false);
        if (byPosition.run.passes === 2) {
          expect(byPosition.run.rowsByPosition).toBe(byPosition.run.secondPassRows);
          byPositionRuns++;
        }
        expect(byPosition.report).toEqual(whole.report);
        const ledger = parseCsvLedger(text);
        expect(byPosition.report).toEqual(evaluate(ast, ledger.records, { ...OPTIONS, readIssues: ledger.issues }));
      }),
      { seed: SEED, numRuns: runs(40) },
    );
    // Most ledgers cross the first target, so pass 2 ran by position.
    expect(byPositionRuns).toBeGreaterThan(10);
  });
});
