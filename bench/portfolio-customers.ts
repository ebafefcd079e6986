/**
 * `npm run bench:portfolio-customers`: a portfolio of 200 contracts, one per seller, each with two
 * new-customer milestones, over the new-customers shape's ledger (bench/shapes.ts; one customer per
 * row) at BENCH_ROWS rows (default 1,000,000; a comma-separated list for several sizes). Each
 * contract's customer table must stay within the portfolio's memory budget however many customers
 * the ledger has: the table gives the floor and the portfolio's CPU time and peak RSS, and the
 * portfolio's `--json` is printed to BENCH_JSON_OUT (when set) to compare runs byte for byte.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sellerName } from './generate';
import { fmt, runTurns } from './run';
import { AS_OF, clauseText, SHAPES, shapeLedger, ZONE, type Shape } from './shapes';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'bin', 'clause.js');
const FLOOR = path.join(__dirname, 'floor.js');
const CONTRACTS = 200;

function sizes(): number[] {
  const env = process.env.BENCH_ROWS;
  if (!env) return [1_000_000];
  return env.split(',').map((s) => Math.round(Number(s.trim()))).filter((n) => Number.isFinite(n) && n > 0);
}

function main(): void {
  const shape = SHAPES.find((s) => s.name === 'new-customers') as Shape;
  console.log('| rows | MB | floor CPU s | portfolio CPU s | CPU x floor | floor wall s | portfolio wall s | portfolio RSS MB |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const rows of sizes()) {
    const ledger = shapeLedger(shape, rows);
    // A seller has about 1/200 of the ledger's new customers: one target crossed in the year, one not.
    const perSeller = ledger.totals.newCustomers / CONTRACTS;
    const clause = clauseText([
      { label: 'i', metric: 'new-customers', target: Math.max(1, Math.round(perSeller * 0.2)), deadline: '2026-03-31' },
      { label: 'ii', metric: 'new-customers', target: Math.max(1, Math.round(perSeller * 1.02)), deadline: '2026-12-31' },
    ]);
    const portfolio = {
      asOf: AS_OF,
      contracts: Array.from({ length: CONTRACTS }, (_, k) => ({
        id: `contract-${k + 1}`,
        clauseText: clause,
        seller: sellerName(k + 1),
        effectiveDate: `2026-0${1 + (k % 3)}-01`,
        timeZone: ZONE,
      })),
    };
    const file = `${ledger.file}.portfolio.json`;
    writeFileSync(file, JSON.stringify(portfolio, null, 1));
    const [floor, run] = runTurns([
      [FLOOR, ledger.file],
      [CLI, 'evaluate', '--portfolio', file, '--sales', ledger.file, '--json'],
    ]);
    if (run.status !== 0) throw new Error(`the portfolio failed: ${run.stdout.toString('utf8').slice(0, 2000)}`);
    if (process.env.BENCH_JSON_OUT) writeFileSync(`${process.env.BENCH_JSON_OUT}-${rows}.json`, run.stdout);
    console.log(
      `| ${fmt(rows)} | ${fmt(ledger.bytes / 1e6, 1)} | ${fmt(floor.cpuMs / 1000, 2)} | ${fmt(run.cpuMs / 1000, 2)} | ${fmt(run.cpuMs / floor.cpuMs, 2)} | ` +
        `${fmt(floor.ms / 1000, 2)} | ${fmt(run.ms / 1000, 2)} | ${fmt(run.rssMb)} |`,
    );
  }
  console.log(`Machine: ${os.cpus().length} cores, Node ${process.version}; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; ${new Date().toISOString()}`);
}

if (require.main === module) main();
