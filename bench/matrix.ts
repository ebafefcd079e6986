/**
 * `npm run bench:matrix`: every shape of bench/shapes.ts at BENCH_ROWS rows (default 1,000,000; a
 * comma-separated list for several sizes), each run in its own child process and timed whole: the
 * floor (bench/floor.ts), `clause evaluate --json`, and DuckDB (bench/duckdb-milestones.ts) giving
 * the same milestones. The bench checks that the engine and DuckDB agree on every milestone (status,
 * crossing date and row, total) and prints one table. BENCH_SHAPES=base,ndjson chooses shapes;
 * BENCH_REPEAT=n (default 2) keeps the fastest of n turns; BENCH_DUCKDB=0 leaves DuckDB out.
 * The exit code is 1 when an answer differs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MilestoneResult } from './duckdb-milestones';
import { benchDir } from './generate';
import { fmt, runTurns, type Run } from './run';
import { AS_OF, chosenShapes, clauseText, EFFECTIVE, milestones, shapeLedger, ZONE, type Shape } from './shapes';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'bin', 'clause.js');
const FLOOR = path.join(__dirname, 'floor.js');
const DUCKDB = path.join(__dirname, 'duckdb-milestones.js');

function sizes(): number[] {
  const env = process.env.BENCH_ROWS;
  if (!env) return [1_000_000];
  return env.split(',').map((s) => Math.round(Number(s.trim()))).filter((n) => Number.isFinite(n) && n > 0);
}

interface EngineMilestone {
  label: string;
  period: number | null;
  status: string;
  achievedAt: string | null;
  achievedBy: string | null;
  total: string;
}

/** Decimal text without trailing zeros, so that 12.50 and 12.5 compare equal. */
const number = (s: string): string => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);

const key = (m: MilestoneResult): string => `${m.label}/${m.period ?? ''}: ${m.status} ${m.achievedAt ?? '-'} ${m.achievedBy ?? '-'} ${number(m.total)}`;

/** Engine --json → the fields DuckDB gives; the lines that differ (empty: the same answer). */
function compare(engineJson: Buffer, duck: MilestoneResult[]): string[] {
  const parsed = JSON.parse(engineJson.toString('utf8')) as { milestones: EngineMilestone[] };
  const engine = parsed.milestones.map((m) => key({ ...m, status: m.status as 'met' | 'missed' }));
  const other = duck.map(key);
  const diff: string[] = [];
  for (let i = 0; i < Math.max(engine.length, other.length); i++) {
    if (engine[i] !== other[i]) diff.push(`engine ${engine[i] ?? '(none)'} | duckdb ${other[i] ?? '(none)'}`);
  }
  return diff;
}

interface Line {
  shape: Shape;
  rows: number;
  mb: number;
  floor: Run;
  engine: Run;
  duck: Run | null;
  agree: string;
}

/**
 * The targets a line is held to: at 1M rows at most 1.5x the floor and faster than the DuckDB
 * process; from 10M rows at most 2x the floor and a peak RSS under 300 MB. Smaller ledgers have none
 * (start-up outweighs the rows). A ratio is met when both the wall-time and the CPU-time ratio are
 * within it, so a run on a busy machine cannot pass on one alone.
 */
function target(rows: number): { ratio: number; rssMb: number | null; text: string } | null {
  if (rows >= 10_000_000) return { ratio: 2, rssMb: 300, text: '<= 2x, RSS < 300 MB' };
  if (rows >= 1_000_000) return { ratio: 1.5, rssMb: null, text: '<= 1.5x, < DuckDB' };
  return null;
}

function meetsTarget(l: Line): boolean {
  const t = target(l.rows);
  if (t === null) return true;
  const ratios = l.engine.ms / l.floor.ms <= t.ratio && l.engine.cpuMs / l.floor.cpuMs <= t.ratio;
  const rss = t.rssMb === null || l.engine.rssMb < t.rssMb;
  const duck = l.rows > 1_000_000 || l.duck === null || l.engine.ms < l.duck.ms;
  return ratios && rss && duck;
}

function printTable(lines: Line[]): void {
  const header = ['shape', 'what differs', 'rows', 'MB', 'floor s', 'engine s', 'x floor', 'CPU x floor', 'RSS MB', 'DuckDB s', 'engine / DuckDB', 'same answer', 'target', 'met'];
  const cells = lines.map((l) => [
    l.shape.name,
    l.shape.note,
    fmt(l.rows),
    fmt(l.mb, 1),
    fmt(l.floor.ms / 1000, 2),
    fmt(l.engine.ms / 1000, 2),
    fmt(l.engine.ms / l.floor.ms, 2),
    fmt(l.engine.cpuMs / l.floor.cpuMs, 2),
    fmt(l.engine.rssMb),
    l.duck === null ? '' : fmt(l.duck.ms / 1000, 2),
    l.duck === null ? '' : fmt(l.engine.ms / l.duck.ms, 2),
    l.agree,
    target(l.rows)?.text ?? '',
    target(l.rows) === null ? '' : meetsTarget(l) ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const left = (i: number): boolean => i <= 1 || i >= 11;
  const row = (c: string[]): string => `| ${c.map((x, i) => (left(i) ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join(' | ')} |`;
  console.log(row(header));
  console.log(`|${widths.map((w, i) => (left(i) ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const c of cells) console.log(row(c));
}

function main(): void {
  mkdirSync(benchDir(), { recursive: true });
  const withDuck = process.env.BENCH_DUCKDB !== '0';
  const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 2));
  console.log(`Shape matrix: zone ${ZONE}, effective ${EFFECTIVE}, as of ${AS_OF}; each run in its own process, fastest of ${repeat} (taking turns); ledgers in ${benchDir()}`);
  const lines: Line[] = [];
  let differ = false;
  for (const rows of sizes()) {
    for (const shape of chosenShapes()) {
      const ledger = shapeLedger(shape, rows);
      const clauseFile = `${ledger.file}.clause`;
      writeFileSync(clauseFile, clauseText(milestones(shape, ledger.totals)));
      const evaluate = [CLI, 'evaluate', clauseFile, '--sales', ledger.file, '--effective-date', EFFECTIVE, '--time-zone', ZONE, '--as-of', AS_OF, '--json'];
      const commands = [[FLOOR, ledger.file], evaluate];
      if (withDuck) commands.push([DUCKDB, shape.name, String(rows)]);
      const [floor, engine, duck] = runTurns(commands);
      if (engine.status !== 0) throw new Error(`clause evaluate failed on ${shape.name}: ${engine.stdout.toString('utf8').slice(0, 2000)}`);
      let agree = '';
      if (duck !== undefined) {
        const diff = compare(engine.stdout, JSON.parse(duck.stdout.toString('utf8')) as MilestoneResult[]);
        agree = diff.length === 0 ? 'yes' : 'NO';
        if (diff.length > 0) {
          differ = true;
          console.log(`${shape.name} (${fmt(rows)} rows): engine and DuckDB differ:\n  ${diff.join('\n  ')}`);
        }
      }
      const line: Line = { shape, rows, mb: ledger.bytes / 1e6, floor, engine, duck: duck ?? null, agree };
      lines.push(line);
      process.stderr.write(
        `${shape.name} ${fmt(rows)}: floor ${fmt(floor.ms / 1000, 2)} s (CPU ${fmt(floor.cpuMs / 1000, 2)}), engine ${fmt(engine.ms / 1000, 2)} s (CPU ${fmt(engine.cpuMs / 1000, 2)}, ${fmt(engine.rssMb)} MB)` +
          `${duck ? `, DuckDB ${fmt(duck.ms / 1000, 2)} s (CPU ${fmt(duck.cpuMs / 1000, 2)})` : ''}\n`,
      );
    }
  }
  // The base, sorted and reverse-sorted ledgers hold the same rows: their --json must be the same bytes.
  for (const rows of sizes()) {
    const same = lines.filter((l) => l.rows === rows && ['base', 'sorted', 'reverse'].includes(l.shape.name));
    if (same.length < 2) continue;
    const identical = same.every((l) => Buffer.compare(l.engine.stdout, same[0].engine.stdout) === 0);
    console.log(`${same.map((l) => l.shape.name).join(', ')} (${fmt(rows)} rows): --json ${identical ? 'identical' : 'DIFFERENT'}`);
    if (!identical) differ = true;
  }
  console.log('');
  printTable(lines);
  console.log('');
  const held = lines.filter((l) => target(l.rows) !== null);
  const missed = held.filter((l) => !meetsTarget(l));
  if (held.length > 0) {
    console.log(`Targets (wall and CPU ratio both within; DuckDB where it ran): met on ${held.length - missed.length} of ${held.length} lines${missed.length > 0 ? `; not met: ${missed.map((l) => `${l.shape.name} at ${fmt(l.rows)}`).join(', ')}` : ''}`);
  }
  console.log(`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${fmt(os.totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}; ${new Date().toISOString()}`);
  if (differ) process.exitCode = 1;
}

if (require.main === module) main();
