/**
 * A guard on the streamed evaluation's work (not its time): for every shape of the benchmark's
 * matrix (bench/shapes.ts), the rows given to the evaluation again in pass 2 and the characters
 * decoded over both passes stay under the bounds below, so that a change that makes pass 2 read
 * far more, or the readers decode text twice, fails here rather than only in a benchmark.
 *
 * ROWS rows a shape (smaller than the benchmark's million to keep the unit tier quick; the work
 * is linear in the rows, so the bounds are fractions).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AS_OF, clauseText, EFFECTIVE, milestones, SHAPES, shapeLedger, ZONE, type Shape } from '../../bench/shapes';
import { validate } from '../../src/language/check';
import { startEvaluation } from '../../src/evaluation/evaluate';
import { driveTwoPasses, type DriveResult } from '../../src/node/stream-evaluate';
import { openScratchFile, sharedScratchFiles } from '../../src/node/scratch-file';
import { PortfolioEvaluation, resolveContracts, type PortfolioReport } from '../../src/portfolio/portfolio';
import { LedgerTranslator } from '../../src/ledger/ledger-reading';
import { readingEvaluation } from '../../src/evaluation/reading-evaluation';
import { sellerName } from '../../bench/generate';
import type { ScratchFiles } from '../../src/evaluation/scratch-file';

const ROWS = 20_000;

/**
 * Bounds, as fractions of the rows and of the file's bytes. Pass 2 reads the rows of the candidate
 * crossing days by position, on every shape (ASCII or not, CSV or NDJSON): the days a crossing
 * falls on and the day before each, about 1% of a year's rows (measured 0.7-1.9%), 4.1% for dates
 * over one quarter (a day holds four times the rows); recurring monthly milestones have a candidate
 * day or two per month (2.8%). Days that share a slot of the row positions would come too: with a
 * byte a day (days modulo 256), a year's March and November, which doubled a year-long ledger's
 * rows (2.1% on the base shape), so the bound for a year's dates holds that at bay. Each character
 * is decoded once in pass 1, and again only for the rows pass 2 reads.
 */
const BOUNDS = { secondPassRows: 0.02, decoded: 1.045 };
/** The shapes whose candidate days hold more of the rows (see above). */
const DENSER: Record<string, number> = { quarter: 0.045, monthly: 0.03 };

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'work-guard-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(shape: Shape, scratchFiles?: ScratchFiles): Promise<{ work: DriveResult; bytes: number; report: unknown }> {
  const ledger = shapeLedger(shape, ROWS, dir);
  const checked = validate(clauseText(milestones(shape, ledger.totals)));
  if (!checked.ast || !checked.valid) throw new Error(`the clause of ${shape.name} does not validate`);
  const evaluation = startEvaluation(checked.ast, { effectiveDate: EFFECTIVE, timeZone: ZONE, asOf: AS_OF, scratchFiles });
  const size = statSync(ledger.file).size;
  const work = await driveTwoPasses({ path: ledger.file, size, dispose: () => undefined }, shape.format, evaluation, { label: 'test', progress: false });
  const report = evaluation.finish();
  if (!report.ok) throw new Error(`${shape.name}: ${JSON.stringify(report.errors[0])}`);
  expect(report.milestones.length).toBeGreaterThan(0);
  rmSync(ledger.file);
  return { work, bytes: size, report };
}

describe(`work of a streamed evaluation, per shape, at ${ROWS.toLocaleString('en-US')} rows`, () => {
  test.each(SHAPES.map((s) => [s.name, s] as const))('%s', async (_name, shape) => {
    const { work, bytes } = await run(shape);
    const bound = { ...BOUNDS, secondPassRows: DENSER[shape.name] ?? BOUNDS.secondPassRows };
    expect(work.rows).toBe(ROWS);
    // Every row of pass 2 came by position: none was found by reading the whole file again (no
    // pass 2 at all when no target is crossed).
    expect({ shape: shape.name, rowsByPosition: work.rowsByPosition }).toEqual({ shape: shape.name, rowsByPosition: work.passes === 2 ? work.secondPassRows : null });
    expect({ shape: shape.name, secondPassRows: work.secondPassRows }).toEqual({ shape: shape.name, secondPassRows: expect.any(Number) });
    expect(work.secondPassRows).toBeLessThanOrEqual(bound.secondPassRows * ROWS);
    expect(work.decoded).toBeLessThanOrEqual(bound.decoded * bytes);
    // Printed for the record when a bound is changed: the measured fractions.
    if (process.env.WORK_GUARD_PRINT) console.log(shape.name, (work.secondPassRows / ROWS).toFixed(4), (work.decoded / bytes).toFixed(4));
  });
});

describe('NDJSON rows of one shape', () => {
  it('are scanned, not given to JSON.parse (only the first row of each pass, whose keys the scanner learns)', async () => {
    const shape = SHAPES.find((s) => s.format === 'ndjson') as Shape;
    const parse = jest.spyOn(JSON, 'parse');
    try {
      const { work } = await run(shape);
      const calls = parse.mock.calls.length;
      expect(calls).toBeLessThanOrEqual(work.passes);
    } finally {
      parse.mockRestore();
    }
  });
});

describe("new customers past the table's memory budget", () => {
  it('spill to a scratch file and give the same report with the same work', async () => {
    const shape = SHAPES.find((s) => s.name === 'new-customers') as Shape;
    let opened = 0;
    const spilled = await run(shape, {
      open: () => {
        opened++;
        return openScratchFile();
      },
      spillAt: 1_000,
    });
    const inMemory = await run(shape);
    expect(opened).toBe(1);
    expect(spilled.report).toEqual(inMemory.report);
    expect(spilled.work.secondPassRows).toBe(inMemory.work.secondPassRows);
    expect(spilled.work.decoded).toBe(inMemory.work.decoded);
  });
});

describe("a portfolio's new customers past the contracts' shared budget", () => {
  it('spill to one scratch file and give the same report with the same work', async () => {
    const shape = SHAPES.find((s) => s.name === 'new-customers') as Shape;
    const ledger = shapeLedger(shape, ROWS, dir);
    const clause = clauseText(milestones(shape, { ...ledger.totals, newCustomers: ledger.totals.newCustomers / 200 }));
    const contracts = resolveContracts(
      {
        asOf: AS_OF,
        contracts: Array.from({ length: 20 }, (_, k) => ({ id: `c${k + 1}`, clauseText: clause, seller: sellerName(k + 1), effectiveDate: `2026-0${1 + (k % 3)}-01`, timeZone: ZONE })),
      } as Parameters<typeof resolveContracts>[0],
      () => '',
    );
    const size = statSync(ledger.file).size;
    const evaluate = async (scratchFiles?: ScratchFiles): Promise<{ work: DriveResult; report: PortfolioReport }> => {
      const translator = new LedgerTranslator({}, { required: ['date'], currency: null });
      const evaluation = new PortfolioEvaluation(contracts, { cellFormats: translator.formats, scratchFiles });
      const work = await driveTwoPasses({ path: ledger.file, size, dispose: () => undefined }, shape.format, readingEvaluation(evaluation, translator), { label: 'test', progress: false });
      return { work, report: evaluation.finish() };
    };
    const shared = sharedScratchFiles();
    let opened = 0;
    // Each contract's table holds 20 names, then spills: every one of the 20 tables does.
    const spilled = await evaluate({ open: () => (opened++, shared.open()), spillAt: 20 });
    const inMemory = await evaluate();
    rmSync(ledger.file);
    expect(opened).toBe(20);
    expect(inMemory.report.contracts.every((c) => c.ok)).toBe(true);
    // A seller's share of the targets: some contracts meet them, some do not.
    const statuses = new Set(inMemory.report.contracts.flatMap((c) => ('milestones' in c.result ? c.result.milestones.map((m) => m.status) : [])));
    expect([...statuses]).toEqual(expect.arrayContaining(['met', 'missed']));
    expect(spilled.report).toEqual(inMemory.report);
    expect(spilled.work.secondPassRows).toBe(inMemory.work.secondPassRows);
    expect(spilled.work.decoded).toBe(inMemory.work.decoded);
  });
});
