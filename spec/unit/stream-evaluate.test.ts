/**
 * Streaming evaluation: the two streamed passes give exactly the in-memory evaluation, whatever
 * the chunk size, for CSV and NDJSON, by position or reading the whole file again.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HEADER, LedgerGenerator, sortedOrder, writeLedger } from '../../bench/generate';
import { validate } from '../../src/language/check';
import { evaluate, startEvaluation, type EvaluationReport } from '../../src/evaluation/evaluate';
import { parseCsvLedger, parseNdjsonLedger } from '../../src/ledger/text-readers';
import { driveTwoPasses, type DriveResult } from '../../src/node/stream-evaluate';
import { RowPositions } from '../../src/node/row-positions';
import type { StreamFormat } from '../../src/node/ledger-file-reader';
import type { LedgerSource } from '../../src/node/ledger-source';
import { CLAUSE, OPTIONS, ROWS } from '../support/stream-ledger';

let dir: string;
let gen: LedgerGenerator;
const ast = (() => {
  const v = validate(CLAUSE);
  if (!v.ast || !v.valid) throw new Error('test clause does not validate');
  return v.ast;
})();

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'stream-evaluate-test-'));
  gen = new LedgerGenerator({ rows: ROWS, seed: 11, spanDays: 120, sellers: 3, customers: 200 });
  const shuffled = gen.order(false);
  writeLedger(path.join(dir, 'shuffled.csv'), gen, shuffled, 'csv');
  writeLedger(path.join(dir, 'shuffled.ndjson'), gen, shuffled, 'ndjson');
  writeLedger(path.join(dir, 'sorted.csv'), gen, sortedOrder(gen, shuffled, OPTIONS.timeZone), 'csv');
  writeFileSync(path.join(dir, 'clause.txt'), CLAUSE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function streamedRun(file: string, format: StreamFormat, chunkSize?: number, byPosition?: boolean): Promise<{ report: EvaluationReport; run: DriveResult }> {
  const evaluation = startEvaluation(ast, OPTIONS);
  const size = readFileSync(file).length;
  const run = await driveTwoPasses({ path: file, size, dispose: () => undefined }, format, evaluation, { label: 'test', progress: false, chunkSize, byPosition });
  return { report: evaluation.finish(), run };
}

async function streamed(file: string, format: StreamFormat, chunkSize?: number, byPosition?: boolean): Promise<EvaluationReport> {
  return (await streamedRun(file, format, chunkSize, byPosition)).report;
}

function inMemory(file: string, format: StreamFormat): EvaluationReport {
  const text = readFileSync(file, 'utf8');
  const ledger = format === 'csv' ? parseCsvLedger(text) : parseNdjsonLedger(text);
  return evaluate(ast, ledger.records, { ...OPTIONS, readIssues: ledger.issues });
}

describe('streaming evaluation', () => {
  test('the generated ledger is what the test needs: unsorted, refunds, quoted cells, every milestone met', () => {
    const text = readFileSync(path.join(dir, 'shuffled.csv'), 'utf8');
    expect(text.startsWith(`${HEADER}\n`)).toBe(true);
    expect(text).toContain(',-');
    expect(text).toContain('"Client ');
    const report = inMemory(path.join(dir, 'shuffled.csv'), 'csv');
    expect(report.ok).toBe(true);
    expect(report.ok && report.milestones.map((m) => m.status)).toEqual(['met', 'met', 'met', 'met']);
  });

  test.each([
    ['csv', undefined],
    ['csv', 13],
    ['csv', 4096],
    ['ndjson', undefined],
    ['ndjson', 97],
  ] as Array<[StreamFormat, number | undefined]>)('%s in chunks of %s bytes equals the in-memory evaluation', async (format, chunk) => {
    const file = path.join(dir, `shuffled.${format}`);
    expect(await streamed(file, format, chunk)).toEqual(inMemory(file, format));
  });

  describe('pass 2 by position (rows read where pass 1 saw them) equals pass 2 over the whole file', () => {
    /** The shuffled ledger with its crossing rows made awkward: quoted, a line break inside a cell. */
    function awkward(transform: (text: string) => string): string {
      const plain = inMemory(path.join(dir, 'shuffled.csv'), 'csv');
      const crossing = new Set(plain.ok ? plain.milestones.map((m) => m.achievedByRow) : []);
      expect(crossing.size).toBe(4);
      const lines = readFileSync(path.join(dir, 'shuffled.csv'), 'utf8').split('\n');
      const edited = lines.map((line, i) => (crossing.has(i) ? line.replace(/,(C\d+),/, ',"$1, Ltd\nBranch",') : line));
      // Blank lines (not rows) around them, and the last row without its line end.
      const text = `${edited.slice(0, 100).join('\n')}\n\n \n${edited.slice(100).join('\n')}`.replace(/\n+$/, '');
      const file = path.join(dir, `awkward-${Math.random().toString(36).slice(2)}.csv`);
      writeFileSync(file, transform(text));
      return file;
    }

    test.each([
      ['LF', (t: string) => t, true],
      ['a BOM and CRLF', (t: string) => `\uFEFF${t.replace(/\n/g, '\r\n')}`, true],
      ['characters that are not ASCII (2, 3 and 4 bytes) and a BOM', (t: string) => `\uFEFF${t.replace(/Widget/g, 'Widgét').replace(/Gadget/g, '東京🚀')}`, true],
    ] as Array<[string, (t: string) => string, boolean]>)('with %s', async (_name, transform, positional) => {
      const file = awkward(transform);
      const { report: byPosition, run } = await streamedRun(file, 'csv', 4096, true);
      // Pass 2 by position reads a few rows, never the whole file again.
      if (positional) {
        expect(run.rowsByPosition).toBeGreaterThan(0);
        expect(run.rowsByPosition).toBeLessThan(run.rows / 2);
      } else expect(run.rowsByPosition).toBeNull();
      const whole = await streamed(file, 'csv', 4096, false);
      expect(byPosition).toEqual(whole);
      expect(byPosition).toEqual(inMemory(file, 'csv'));
      expect(byPosition.ok && byPosition.milestones.every((m) => m.status === 'met' && m.achievedByRow !== null)).toBe(true);
    });

    test.each([
      ['LF, blank lines, no final line end', (t: string) => t, true],
      ['a BOM and CRLF', (t: string) => `\uFEFF${t.replace(/\n/g, '\r\n')}`, true],
      ['characters that are not ASCII (2, 3 and 4 bytes) and a BOM', (t: string) => `\uFEFF${t.replace(/Widget/g, 'Widgét').replace(/Gadget/g, '東京🚀')}`, true],
    ] as Array<[string, (t: string) => string, boolean]>)('NDJSON with %s', async (_name, transform, positional) => {
      const lines = readFileSync(path.join(dir, 'shuffled.ndjson'), 'utf8').split('\n');
      const text = `${lines.slice(0, 50).join('\n')}\n\n  \n${lines.slice(50).join('\n')}`.replace(/\n+$/, '');
      const file = path.join(dir, `awkward-${Math.random().toString(36).slice(2)}.ndjson`);
      writeFileSync(file, transform(text));
      const { report: byPosition, run } = await streamedRun(file, 'ndjson', 4096, true);
      if (positional) {
        expect(run.rowsByPosition).toBeGreaterThan(0);
        expect(run.rowsByPosition).toBeLessThan(run.rows / 2);
      } else expect(run.rowsByPosition).toBeNull();
      const whole = await streamed(file, 'ndjson', 4096, false);
      expect(byPosition).toEqual(whole);
      expect(byPosition).toEqual(inMemory(file, 'ndjson'));
      expect(byPosition.ok && byPosition.milestones.every((m) => m.status === 'met' && m.achievedByRow !== null)).toBe(true);
    });

    test('a repeated id needs the whole file again (its rows are found by id, not by day)', async () => {
      const lines = readFileSync(path.join(dir, 'shuffled.csv'), 'utf8').split('\n');
      lines[30] = lines[5];
      const file = path.join(dir, 'repeated-id.csv');
      writeFileSync(file, lines.join('\n'));
      const { report, run } = await streamedRun(file, 'csv');
      expect(run.rowsByPosition).toBeNull();
      expect(report.ok ? [] : report.errors.map((e) => [e.code, e.row])).toEqual([['duplicate-id', 30]]);
    });

    test('positions are given up past their row limit, when rows skip, or for a row of 64 KB; days 65,536 apart are both read, days 256 apart are not', () => {
      const capped = new RowPositions(2);
      capped.start(1, 10);
      capped.start(2, 20);
      expect(capped.covers(2)).toBe(true);
      capped.start(3, 30);
      expect(capped.covers(3)).toBe(false);
      const gap = new RowPositions();
      gap.start(1, 10);
      gap.start(3, 30);
      expect(gap.covers(3)).toBe(false);
      const long = new RowPositions();
      long.start(1, 10);
      long.start(2, 10 + 65_536);
      expect(long.covers(2)).toBe(false);
      // Days 65,536 apart share a value: pass 2 reads a row too many, never one too few; days 256
      // apart (a year-long ledger's March and November) do not.
      const file = path.join(dir, 'three.csv');
      writeFileSync(file, 'A,1\nB,2\nC,3\nD,4\n');
      const positions = new RowPositions();
      [20_000, 20_000 + 65_536, 20_001, 20_256].forEach((day, k) => {
        positions.start(k + 1, 4 * k);
        positions.day(k + 1, day);
      });
      expect(positions.covers(4)).toBe(true);
      const read: Array<[number, string[]]> = [];
      positions.readRows(file, 16, new Set([20_000]), { format: 'csv', sink: { header: () => undefined, issue: () => undefined, cells: (cells, row) => read.push([row, cells]) } });
      expect(read).toEqual([
        [1, ['A', '1']],
        [2, ['B', '2']],
      ]);
      // A row that starts with U+FEFF keeps it, as in pass 1 (only the file's first bytes are a BOM),
      // after a stand-in header or one of pass 1's width.
      writeFileSync(file, 'A,1\n\ufeffB,2\n');
      const marked = new RowPositions();
      marked.start(1, 0);
      marked.day(1, 7);
      marked.start(2, 4);
      marked.day(2, 8);
      for (const width of [undefined, 2]) {
        const got: string[][] = [];
        marked.readRows(file, 11, new Set([8]), { format: 'csv', width, sink: { header: () => undefined, issue: () => undefined, cells: (c) => got.push(c) } });
        expect(got).toEqual([['\ufeffB', '2']]);
      }
      // The last row, without its line end (here an unterminated quote), reads as in pass 1.
      writeFileSync(file, 'A,1\nB,"x');
      const last = new RowPositions();
      last.start(1, 0);
      last.day(1, 7);
      last.start(2, 4);
      last.day(2, 7);
      const cells: string[][] = [];
      last.readRows(file, 8, new Set([7]), { format: 'csv', sink: { header: () => undefined, issue: () => undefined, cells: (c) => cells.push(c) } });
      expect(cells).toEqual([['A', '1'], ['B', 'x']]);
    });
  });

  test('a ledger with bad rows fails the same way streamed and in memory', async () => {
    const lines = readFileSync(path.join(dir, 'shuffled.csv'), 'utf8').split('\n');
    lines[10] = lines[10].replace(/,USD,/, ',EUR,');
    lines[20] = 'T999999,2026-02-30,10,USD,1,Widget,C1,S001';
    lines[30] = lines[5];
    lines[40] = 'T1,2026-01-01';
    const file = path.join(dir, 'bad.csv');
    writeFileSync(file, lines.join('\n'));
    const report = await streamed(file, 'csv', 64);
    expect(report.ok).toBe(false);
    expect(report).toEqual(inMemory(file, 'csv'));
  });

  test('a ledger that changes between the two passes is refused, not evaluated', async () => {
    const file = path.join(dir, 'shuffled.csv');
    const size = readFileSync(file).length;
    const run = (source: Partial<LedgerSource>): Promise<unknown> =>
      driveTwoPasses({ path: file, size, dispose: () => undefined, ...source }, 'csv', startEvaluation(ast, OPTIONS), { label: 'test', progress: false });
    await expect(run({ size: size - 10 })).rejects.toThrow(`changed while it was being read (${size.toLocaleString('en-US')} bytes were read of the ${(size - 10).toLocaleString('en-US')} it had when opened)`);
    await expect(run({ modifiedMs: statSync(file).mtimeMs - 1000 })).rejects.toThrow('changed while it was being read (it was written to)');
    await expect(run({ modifiedMs: statSync(file).mtimeMs })).resolves.toMatchObject({ rows: ROWS, passes: 2 });
  });

});
