/**
 * `npm run bench:csv-readers`: the CSV reader of `clause evaluate` against the libraries that could
 * replace it, on the matrix's ledgers (bench/shapes.ts). Each reader streams the file once and hands
 * every row's cells to the same fold (the cell count, and the date and amount cells' lengths), in a
 * child process of its own, timed whole like the matrix's commands; the floor (bench/floor.ts) runs
 * beside them. Every reader must give the same rows and fold, or the bench exits 1.
 *
 * BENCH_ROWS (default 1,000,000), BENCH_SHAPES (default base,quoted-crlf), BENCH_REPEAT (default 2).
 * Child mode: node dist/bench/csv-readers.js <reader> <ledger.csv> → one JSON line { rows, fold }.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { fmt, runTurns, type Run } from './run';
import { chosenShapes, shapeLedger } from './shapes';

const READERS = ['engine', 'papaparse', 'csv-parse', 'udsv'] as const;
type Reader = (typeof READERS)[number];

interface Fold {
  rows: number;
  fold: number;
}

/** The work every reader's rows go through: small, so that the reader's own cost shows. */
function folder(): { header(cells: readonly string[]): void; row(cells: readonly string[]): void; result(): Fold } {
  let rows = 0;
  let fold = 0;
  let dateAt = -1;
  let amountAt = -1;
  return {
    header(cells) {
      dateAt = cells.indexOf('date');
      amountAt = cells.indexOf('amount');
    },
    row(cells) {
      rows++;
      fold = (fold + cells.length + cells[dateAt].length * 3 + cells[amountAt].length * 7) % 1_000_000_007;
    },
    result: () => ({ rows, fold }),
  };
}

async function readWith(reader: Reader, file: string): Promise<Fold> {
  const f = folder();
  let first = true;
  const take = (cells: readonly string[]): void => {
    if (first) {
      first = false;
      f.header(cells);
    } else if (!(cells.length === 1 && cells[0] === '')) f.row(cells);
  };
  switch (reader) {
    case 'engine': {
      const { streamCsvCells } = await import('../src/node/ledger-file-reader');
      await streamCsvCells(file, { header: (names) => take(names), cells: (cells) => take(cells), issue: () => undefined });
      return f.result();
    }
    case 'papaparse': {
      const Papa = (await import('papaparse')).default;
      await new Promise<void>((resolve, reject) => {
        Papa.parse(createReadStream(file, { encoding: 'utf8' }) as unknown as File, {
          step: (result: { data: string[] }) => take(result.data),
          complete: () => resolve(),
          error: (e: Error) => reject(e),
        });
      });
      return f.result();
    }
    case 'csv-parse': {
      const { parse } = await import('csv-parse');
      for await (const cells of createReadStream(file).pipe(parse({ relax_column_count: true })) as AsyncIterable<string[]>) take(cells);
      return f.result();
    }
    case 'udsv': {
      const { inferSchema, initParser } = await import('udsv');
      let parser: ReturnType<typeof initParser> | null = null;
      for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 }) as AsyncIterable<string>) {
        if (parser === null) {
          const schema = inferSchema(chunk, { header: () => [], col: ',', encl: '"' });
          parser = initParser(schema);
        }
        parser.chunk<string[]>(chunk, parser.stringArrs, (row) => take(row));
      }
      parser?.end();
      return f.result();
    }
  }
}

async function child(reader: Reader, file: string): Promise<void> {
  process.stdout.write(`${JSON.stringify(await readWith(reader, file))}\n`);
}

function main(): void {
  const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
  if (!process.env.BENCH_SHAPES) process.env.BENCH_SHAPES = 'base,quoted-crlf';
  const shapes = chosenShapes().filter((s) => s.format === 'csv');
  const floor = path.join(__dirname, 'floor.js');
  let differs = false;
  console.log(`CSV readers: ${fmt(rows)} rows; each reader in its own process, streaming the file once into the same fold; fastest of ${Math.max(1, Number(process.env.BENCH_REPEAT ?? 2))} turns`);
  console.log('| shape | reader | wall s | CPU s | CPU x floor | peak RSS MB | rows | same rows and cells |');
  console.log('|:--|:--|--:|--:|--:|--:|--:|:--|');
  for (const shape of shapes) {
    const ledger = shapeLedger(shape, rows);
    const runs: Run[] = runTurns([[floor, ledger.file], ...READERS.map((r) => [__filename, r, ledger.file])]);
    const [floorRun, ...readerRuns] = runs;
    console.log(`| ${shape.name} | floor | ${fmt(floorRun.ms / 1000, 2)} | ${fmt(floorRun.cpuMs / 1000, 2)} | 1.00 | ${fmt(floorRun.rssMb)} | | |`);
    const expected = JSON.parse(readerRuns[0].stdout.toString('utf8')) as Fold;
    readerRuns.forEach((run, k) => {
      const got = JSON.parse(run.stdout.toString('utf8')) as Fold;
      const same = got.rows === expected.rows && got.fold === expected.fold;
      if (!same) differs = true;
      console.log(`| ${shape.name} | ${READERS[k]} | ${fmt(run.ms / 1000, 2)} | ${fmt(run.cpuMs / 1000, 2)} | ${fmt(run.cpuMs / floorRun.cpuMs, 2)} | ${fmt(run.rssMb)} | ${fmt(got.rows)} | ${same ? 'yes' : 'NO'} |`);
    });
  }
  if (differs) process.exitCode = 1;
}

const [mode, file] = process.argv.slice(2);
if ((READERS as readonly string[]).includes(mode) && file !== undefined) {
  child(mode as Reader, file).catch((error: unknown) => {
    console.error(error);
    process.exit(2);
  });
} else {
  main();
}
