/**
 * Parser figures: median time of a typical clause after warm-up, and how time and work
 * grow with the number of items (a linear parser doubles at most when the items double).
 * Ratios are against measurements taken in the same run, never against fixed numbers.
 *
 * Work is counted as Earley states, which do not depend on the machine; wall time for large
 * clauses is mostly allocation, so each size is timed after a full garbage collection (when run
 * with --expose-gc, as `npm run bench` does) and the fastest of several runs is kept.
 */
import { earleyWork } from '../src/language/earley-work';
import { parse } from '../src/language/parse';

const SEED =
  'The Seller agrees to meet the following sales milestones as part of the performance targets for this Agreement: ' +
  '(i) $100,000 in sales revenue by the end of the first month, (ii) $250,000 in sales revenue by the end of the second month, ' +
  'and (iii) $500,000 in sales revenue by the end of the quarter. Upon achieving each milestone, the Seller will be entitled ' +
  'to receive the corresponding commission payment as outlined in Section [X].';

/** A clause with `n` numbered items, each a distinct monthly target. */
export function clauseWithItems(n: number): string {
  const items = Array.from({ length: n }, (_, i) => `${i + 1}. $${(i + 1) * 1000} in sales revenue by the end of month ${i + 1}`);
  return `The Seller agrees to meet the following sales milestones: ${items.join('; ')}.`;
}

const collect = (globalThis as { gc?: () => void }).gc;

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function mustParse(text: string): void {
  const result = parse(text);
  if (!result.ast || result.diagnostics.length > 0) throw new Error(`benchmark input did not parse: ${JSON.stringify(result.diagnostics[0])}`);
}

export interface ParseFigures {
  typicalBytes: number;
  typicalMedianMs: number;
  items: { n: number; ms: number; states: number }[];
}

export function runParseBench(): ParseFigures {
  for (let i = 0; i < 200; i++) mustParse(SEED);
  const typical = Array.from({ length: 500 }, () => time(() => mustParse(SEED)));
  const items = [500, 1000, 2000, 4000, 8000].map((n) => {
    const text = clauseWithItems(n);
    mustParse(text);
    const runs = Array.from({ length: 7 }, () => {
      collect?.();
      return time(() => mustParse(text));
    });
    return { n, ms: Math.min(...runs), states: earleyWork(text).states };
  });
  return { typicalBytes: Buffer.byteLength(SEED), typicalMedianMs: median(typical), items };
}

export function printParseFigures(f: ParseFigures): void {
  console.log('Parser');
  console.log(`  typical clause (${f.typicalBytes} bytes): median ${f.typicalMedianMs.toFixed(3)} ms after warm-up (target < 2 ms)`);
  console.log('  ratios are to half as many items (target <= 2.0); time: fastest of 7, each after a full GC');
  console.log('  items   time (ms)   ratio   Earley states   ratio');
  f.items.forEach((row, i) => {
    const prev = f.items[i - 1];
    const ratio = (a: number, b: number | undefined): string => (b === undefined ? '' : (a / b).toFixed(2)).padStart(5);
    console.log(
      `  ${String(row.n).padStart(5)}  ${row.ms.toFixed(1).padStart(10)}   ${ratio(row.ms, prev?.ms)}   ${String(row.states).padStart(13)}   ${ratio(row.states, prev?.states)}`,
    );
  });
}

if (require.main === module) printParseFigures(runParseBench());
