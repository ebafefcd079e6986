/**
 * Robustness figures: how `validate` (parse + checks) and `format` grow with the input,
 * and the time of the largest hostile inputs the tests run. Run with
 * `npm run build && node dist/bench/robustness.js`. The tests assert linear *work* (Earley states,
 * spec/unit/fuzz.slow.test.ts) and generous time bounds (spec/hostile.test.ts); this prints the times.
 */
import { validate } from '../src/language/check';
import { format } from '../src/language/format';
import { parse } from '../src/language/parse';

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

const measure = (fn: () => void, runs = 3): number => median(Array.from({ length: runs }, () => time(fn)));

/** `n` enumerated milestones, one per line, with a payment sentence. */
export function itemsClause(n: number): string {
  const items = Array.from({ length: n }, (_, i) => `(${i + 1}) $${(i + 1) * 1000} in sales revenue by the end of month ${i + 1}`);
  return `The Seller agrees to meet the following sales milestones:\n${items.join(';\n')}.\nUpon achieving each milestone, the Seller will receive a bonus of $500.\n`;
}

function mustValidate(text: string): void {
  const result = validate(text);
  if (!result.valid) throw new Error(`benchmark input is not valid: ${JSON.stringify(result.diagnostics[0])}`);
}

export function runRobustnessBench(): void {
  for (let i = 0; i < 50; i++) mustValidate(itemsClause(10));
  console.log('validate (parse + checks) and format, by number of milestones');
  console.log('  items   validate (ms)  ratio   format (ms)  ratio');
  let previous: { v: number; f: number } | null = null;
  for (const n of [1250, 2500, 5000, 10000, 20000]) {
    const text = itemsClause(n);
    const v = measure(() => mustValidate(text));
    const ast = parse(text).ast!;
    const f = measure(() => format(ast));
    const ratio = (a: number, b: number | undefined): string => (b ? (a / b).toFixed(2) : '').padStart(6);
    console.log(`  ${String(n).padStart(5)}  ${v.toFixed(1).padStart(13)} ${ratio(v, previous?.v)}  ${f.toFixed(1).padStart(11)} ${ratio(f, previous?.f)}`);
    previous = { v, f };
  }
  const hostile: [string, string][] = [
    ['an amount of 1,900,000 digits', `The Seller agrees to meet the following milestone: $${'9'.repeat(1_900_000)} in sales revenue by the end of the first month.`],
    ['18,500 one-milestone clauses (2 MB)', 'The Seller agrees to meet the following milestone: $100,000 in sales revenue by the end of the first month.\n'.repeat(18_500)],
    ["'and' repeated 100,000 times", `The Seller agrees to meet the following sales milestones: (i) $100 in sales revenue by the end of the first month${' and'.repeat(100_000)} (ii) $200 in sales revenue by the end of the second month.`],
  ];
  console.log('hostile inputs (validate, one run)');
  for (const [name, text] of hostile) console.log(`  ${name}: ${time(() => validate(text)).toFixed(0)} ms`);
}

if (require.main === module) runRobustnessBench();
