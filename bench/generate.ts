/**
 * Deterministic sales ledgers for the benchmark (issue 4). Never committed: written to a folder
 * under os.tmpdir().
 *
 * Row `i` is a pure function of (seed, i), so the same seed gives the same bytes on every machine.
 * Instants grow with `i` (random gaps), and the file is written in a seeded random permutation of
 * `i`: the ledger is unsorted, as CRM exports are. Each row has an explicit `id`, a date in one of
 * five forms (plain date; date-time with Z; with a +hh:mm or -hh:mm offset; local date-time
 * without an offset, with a space or a T), a signed amount with two decimals (about 6% refunds,
 * negative), units, a product, a customer (some quoted, with a comma in the name) and a seller.
 *
 * Writing is streamed through 4 MiB buffers built as strings; 10M rows take about as long as
 * the disk needs.
 *
 * CLI: node dist/bench/generate.js <rows> [csv|ndjson] [--sorted [--zone Z]] [--seed N] [--out FILE]
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateReader } from '../src/ledger';
import { ZoneClock } from '../src/zone-clock';

/** mulberry32: a small, fast, seeded 32-bit PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit hash of (seed, i, salt): per-row randomness without sequential state. */
function mix(seed: number, i: number, salt: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 0x27d4eb2f, 0xc2b2ae35) ^ Math.imul(salt + 0x165667b1, 0x27d4eb2f);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface LedgerSpec {
  rows: number;
  seed?: number;
  format?: 'csv' | 'ndjson';
  /** Write the shuffled rows stably sorted by the instant they denote in `zone` (see `sortedOrder`). */
  sorted?: boolean;
  /** The contract zone that `sorted` reads dates in; UTC by default. */
  zone?: string;
  /** First instant (ms); rows spread evenly over `spanDays`. */
  start?: number;
  spanDays?: number;
  sellers?: number;
  customers?: number;
  /** Line ending, "\n" by default. */
  eol?: string;
}

export const DEFAULTS = {
  seed: 20260101,
  start: Date.UTC(2025, 11, 1),
  spanDays: 400,
  sellers: 200,
  customers: 50_000,
};

export const PRODUCTS = ['Widget', 'Gadget', 'Sprocket', 'Gizmo', 'Doohickey'];
export const HEADER = 'id,date,amount,currency,units,product,customer,seller';

export function sellerName(n: number): string {
  return `S${String(n).padStart(3, '0')}`;
}

const TWO = Array.from({ length: 100 }, (_, n) => (n < 10 ? `0${n}` : String(n)));

function two(n: number): string {
  return TWO[n];
}

const DAY_MS = 86_400_000;
const dayTexts = new Map<number, string>();

/** `YYYY-MM-DD` of the UTC day holding `t` (cached per day: a ledger has few distinct days). */
function isoDate(t: number): string {
  const day = Math.floor(t / DAY_MS);
  let text = dayTexts.get(day);
  if (text === undefined) {
    const d = new Date(day * DAY_MS);
    text = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
    dayTexts.set(day, text);
  }
  return text;
}

/** `hh:mm:ss` (UTC) of `t`. */
function isoTime(t: number): string {
  const s = Math.floor((t - Math.floor(t / DAY_MS) * DAY_MS) / 1000);
  return `${TWO[Math.floor(s / 3600)]}:${TWO[Math.floor(s / 60) % 60]}:${TWO[s % 60]}`;
}

/** The fields of row `i` (before rendering). */
export interface GeneratedRow {
  id: string;
  date: string;
  amount: string;
  units: string;
  product: string;
  customer: string;
  seller: string;
}

export class LedgerGenerator {
  readonly rows: number;
  private readonly seed: number;
  private readonly start: number;
  private readonly step: number;
  private readonly sellers: number;
  private readonly customers: number;

  constructor(spec: LedgerSpec) {
    this.rows = spec.rows;
    this.seed = spec.seed ?? DEFAULTS.seed;
    this.start = spec.start ?? DEFAULTS.start;
    this.step = ((spec.spanDays ?? DEFAULTS.spanDays) * 86_400_000) / Math.max(1, spec.rows);
    this.sellers = spec.sellers ?? DEFAULTS.sellers;
    this.customers = spec.customers ?? DEFAULTS.customers;
  }

  /** The instant of row `i`: strictly increasing in `i` (whole seconds, gaps vary). */
  instant(i: number): number {
    const jitter = (mix(this.seed, i, 1) / 4294967296) * 0.9 * this.step;
    return Math.floor((this.start + i * this.step + jitter) / 1000) * 1000;
  }

  row(i: number): GeneratedRow {
    const s = this.seed;
    const t = this.instant(i);
    const r2 = mix(s, i, 2);
    const form = r2 % 10;
    let date: string;
    if (form < 2) {
      // A plain date: the UTC calendar date (in the contract zone it is that local day).
      date = isoDate(t);
    } else if (form < 5) {
      date = `${isoDate(t)}T${isoTime(t)}Z`;
    } else if (form < 8) {
      // The same instant written with an offset between -08:00 and +09:30.
      const quarterHours = ((r2 >>> 8) % 71) - 32;
      const offsetMin = quarterHours * 15 - (quarterHours * 15) % 30;
      const local = t + offsetMin * 60_000;
      const a = Math.abs(offsetMin);
      date = `${isoDate(local)}T${isoTime(local)}${offsetMin < 0 ? '-' : '+'}${two(Math.floor(a / 60))}:${two(a % 60)}`;
    } else {
      // A local date-time without an offset (read in the contract zone).
      date = `${isoDate(t)}${form === 8 ? ' ' : 'T'}${isoTime(t)}`;
    }
    const r3 = mix(s, i, 3);
    const refund = r3 % 100 < 6;
    const cents = 500 + (mix(s, i, 4) % 250_000);
    const amount = `${refund ? '-' : ''}${Math.floor(cents / 100)}.${TWO[cents % 100]}`;
    const units = `${refund ? '-' : ''}${1 + (r3 >>> 8) % 20}`;
    const product = PRODUCTS[(r3 >>> 16) % PRODUCTS.length];
    const c = mix(s, i, 5) % this.customers;
    const customer = c % 97 === 0 ? `"Client ${c}, Inc."` : `C${c}`;
    const seller = sellerName(1 + (mix(s, i, 6) % this.sellers));
    return { id: `T${i + 1}`, date, amount, units, product, customer, seller };
  }

  csvLine(i: number, eol = '\n'): string {
    const r = this.row(i);
    return `${r.id},${r.date},${r.amount},USD,${r.units},${r.product},${r.customer},${r.seller}${eol}`;
  }

  ndjsonLine(i: number): string {
    const r = this.row(i);
    const customer = r.customer.startsWith('"') ? r.customer.slice(1, -1) : r.customer;
    return `{"id":"${r.id}","date":"${r.date}","amount":"${r.amount}","currency":"USD","units":${r.units},"product":"${r.product}","customer":"${customer}","seller":"${r.seller}"}\n`;
  }

  /** Row indices in file order: identity when sorted, else a seeded Fisher–Yates permutation. */
  order(sorted: boolean): Uint32Array {
    const order = new Uint32Array(this.rows);
    for (let i = 0; i < this.rows; i++) order[i] = i;
    if (sorted) return order;
    const random = prng(this.seed ^ 0x5eed);
    for (let i = this.rows - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    return order;
  }
}

/**
 * The same rows as `shuffled`, in the order the evaluator reads time in `zone` (the instant each
 * date cell denotes), rows at the same instant kept in their `shuffled` order. A stable sort is the
 * only "sorted version" that must give byte-identical results: the issue breaks ties between rows
 * at the same instant by input order, so a sort that reordered ties could legitimately change
 * which row crosses a target.
 */
export function sortedOrder(gen: LedgerGenerator, shuffled: Uint32Array, zone: string): Uint32Array {
  const dates = new DateReader(new ZoneClock(zone));
  const time = new Float64Array(gen.rows);
  for (let i = 0; i < gen.rows; i++) {
    const reading = dates.read(gen.row(i).date);
    if (!reading.ok) throw new Error(`generated an unreadable date: ${gen.row(i).date}`);
    time[i] = reading.time;
  }
  const position = new Uint32Array(gen.rows);
  for (let k = 0; k < shuffled.length; k++) position[shuffled[k]] = k;
  const sorted = Uint32Array.from(shuffled);
  sorted.sort((a, b) => time[a] - time[b] || position[a] - position[b]);
  return sorted;
}

/**
 * Writes lines through a 4 MiB buffer with synchronous writes, so memory stays flat however many
 * rows are written.
 */
export function writeLines(file: string, lines: (emit: (line: string) => void) => void): number {
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, 'w');
  const size = 4 << 20;
  const buf = Buffer.allocUnsafe(size);
  let pos = 0;
  let bytes = 0;
  const flush = (): void => {
    let off = 0;
    while (off < pos) off += writeSync(fd, buf, off, pos - off);
    bytes += pos;
    pos = 0;
  };
  // Lines are joined into ~16 KB strings first: one Buffer.write per line costs more than the line.
  let chunk = '';
  const put = (): void => {
    // A UTF-8 character takes at most 3 bytes per UTF-16 unit.
    if (pos + chunk.length * 3 > size) flush();
    pos += buf.write(chunk, pos, 'utf8');
    chunk = '';
  };
  try {
    lines((line) => {
      chunk += line;
      if (chunk.length >= 16_384) put();
    });
    put();
    flush();
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** Writes a ledger in the given order; returns the file's size in bytes. */
export function writeLedger(file: string, gen: LedgerGenerator, order: ArrayLike<number>, format: 'csv' | 'ndjson' = 'csv'): number {
  return writeLines(file, (emit) => {
    if (format === 'csv') {
      emit(`${HEADER}\n`);
      for (let k = 0; k < order.length; k++) emit(gen.csvLine(order[k]));
    } else {
      for (let k = 0; k < order.length; k++) emit(gen.ndjsonLine(order[k]));
    }
  });
}

export function benchDir(): string {
  return path.join(os.tmpdir(), 'clause-engine-bench');
}

/** Generates (or reuses, by name) a ledger file; returns its path and size. */
export function generateLedger(spec: LedgerSpec & { out?: string }): { file: string; bytes: number; ms: number } {
  const format = spec.format ?? 'csv';
  const seed = spec.seed ?? DEFAULTS.seed;
  const kind = spec.sorted ? `sorted-${(spec.zone ?? 'UTC').replace(/\//g, '_')}` : 'shuffled';
  const file = spec.out ?? path.join(benchDir(), `ledger-${spec.rows}-${seed}-${kind}.${format}`);
  const started = Date.now();
  const gen = new LedgerGenerator(spec);
  const shuffled = gen.order(false);
  const order = spec.sorted ? sortedOrder(gen, shuffled, spec.zone ?? 'UTC') : shuffled;
  const bytes = writeLedger(file, gen, order, format);
  return { file, bytes, ms: Date.now() - started };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const k = args.indexOf(name);
    return k >= 0 ? args[k + 1] : undefined;
  };
  const rows = Number(args[0] ?? 1_000_000);
  const format = args.includes('ndjson') ? 'ndjson' : 'csv';
  const result = generateLedger({
    rows,
    format,
    sorted: args.includes('--sorted'),
    zone: flag('--zone'),
    seed: flag('--seed') !== undefined ? Number(flag('--seed')) : undefined,
    out: flag('--out'),
  });
  console.log(`${result.file}: ${rows} rows, ${(result.bytes / 1e6).toFixed(1)} MB in ${result.ms} ms`);
}
