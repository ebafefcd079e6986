/**
 * Parser figures (issue 2): median time of a typical clause after warm-up, and how time grows
 * with the number of items (a linear parser doubles at most when the items double).
 * Ratios are against measurements taken in the same run, never against fixed numbers.
 */
import { parse } from '../src/parse';

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
  items: { n: number; ms: number }[];
}

export function runParseBench(): ParseFigures {
  for (let i = 0; i < 200; i++) mustParse(SEED);
  const typical = Array.from({ length: 500 }, () => time(() => mustParse(SEED)));
  const items = [500, 1000, 2000, 4000, 8000].map((n) => {
    const text = clauseWithItems(n);
    mustParse(text);
    return { n, ms: median(Array.from({ length: 5 }, () => time(() => mustParse(text)))) };
  });
  return { typicalBytes: Buffer.byteLength(SEED), typicalMedianMs: median(typical), items };
}

export function printParseFigures(f: ParseFigures): void {
  console.log('Parser');
  console.log(`  typical clause (${f.typicalBytes} bytes): median ${f.typicalMedianMs.toFixed(3)} ms after warm-up (target < 2 ms)`);
  console.log('  items    time (ms)   ratio to half as many items (target <= 2.0)');
  f.items.forEach((row, i) => {
    const ratio = i === 0 ? '' : (row.ms / f.items[i - 1].ms).toFixed(2);
    console.log(`  ${String(row.n).padStart(5)}  ${row.ms.toFixed(1).padStart(10)}   ${ratio}`);
  });
}

if (require.main === module) printParseFigures(runParseBench());
