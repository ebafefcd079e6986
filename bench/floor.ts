/**
 * The floor: the least work any evaluator of this ledger must do, so that
 * `clause evaluate` can be measured against it on the same machine in the same run.
 *
 * It streams the file once (fs read stream, 1 MiB chunks, UTF-8 decoding that keeps a character
 * cut between chunks whole), splits each chunk into lines (carrying the cut line over), splits each
 * line into cells on commas, and turns the row's date cell into a number with `Date.parse` and its
 * amount cell with `Number`. It does nothing else: no quoted-field handling (a quoted comma shifts
 * only the cells after it; `date` and `amount` come first in the generated ledgers), no validation,
 * no time zones, no exact decimals, no aggregation. The numbers are folded into a checksum that is
 * printed, so that the engine cannot skip them.
 *
 * For NDJSON each line is `JSON.parse`d and the same two fields are converted.
 *
 * CLI: node dist/bench/floor.js <ledger.csv|ledger.ndjson>  → one JSON line:
 *   { rows, bytes, ms, checksum, maxRssKb }
 */
import { createReadStream, statSync } from 'node:fs';

export interface FloorResult {
  rows: number;
  bytes: number;
  ms: number;
  checksum: number;
  maxRssKb: number;
}

export async function runFloor(file: string): Promise<FloorResult> {
  const started = process.hrtime.bigint();
  const ndjson = file.endsWith('.ndjson') || file.endsWith('.jsonl');
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  stream.setEncoding('utf8');
  let carry = '';
  let header: string[] | null = ndjson ? [] : null;
  let dateAt = -1;
  let amountAt = -1;
  let rows = 0;
  let checksum = 0;

  const line = (text: string): void => {
    if (text.length === 0) return;
    if (ndjson) {
      const o = JSON.parse(text) as { date: string; amount: string | number };
      const t = Date.parse(o.date);
      const a = Number(o.amount);
      checksum += (t % 1000) + a;
      rows++;
      return;
    }
    const cells = text.split(',');
    if (header === null) {
      header = cells.map((c) => c.trim().toLowerCase());
      dateAt = header.indexOf('date');
      amountAt = header.indexOf('amount');
      return;
    }
    const t = Date.parse(cells[dateAt]);
    const a = Number(cells[amountAt]);
    checksum += (t % 1000) + a;
    rows++;
  };

  for await (const chunk of stream as AsyncIterable<string>) {
    let start = 0;
    let nl = chunk.indexOf('\n');
    if (nl >= 0 && carry.length > 0) {
      line(carry + chunk.slice(0, nl));
      carry = '';
      start = nl + 1;
      nl = chunk.indexOf('\n', start);
    }
    while (nl >= 0) {
      line(chunk.slice(start, nl));
      start = nl + 1;
      nl = chunk.indexOf('\n', start);
    }
    carry += chunk.slice(start);
  }
  line(carry);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { rows, bytes: statSync(file).size, ms, checksum, maxRssKb: process.resourceUsage().maxRSS };
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: node dist/bench/floor.js <ledger.csv|ledger.ndjson>\n');
    process.exit(2);
  }
  runFloor(file).then(
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
    (e: Error) => {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    },
  );
}
