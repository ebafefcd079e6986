/**
 * The same milestones as `clause evaluate` gives for a shape of the matrix (bench/shapes.ts),
 * computed by DuckDB (`@duckdb/node-api`) with one hand-written window query per milestone: the
 * bench times this whole process beside the engine's and checks that both give the same crossing
 * row and date, status and total.
 *
 * The ledger is read once into a table (file order kept as `rn` with `row_number() OVER ()`, which
 * DuckDB documents as following the input order); each milestone is then a running sum over the
 * rows of its window ordered by (instant, rn): time order, ties in input order, as the engine takes
 * them. Zone UTC, so a row's local day is its UTC day.
 *
 * CLI: node dist/bench/duckdb-milestones.js <shape> <rows>  → one JSON line: MilestoneResult[]
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { AS_OF, EFFECTIVE, milestones, SHAPES, shapeLedger, type MilestoneSpec, type Shape } from './shapes';

export interface MilestoneResult {
  label: string;
  /** Instance of a recurring milestone (1 = January), else null. */
  period: number | null;
  status: 'met' | 'missed';
  achievedAt: string | null;
  /** The crossing row's id, or its row number when the ledger has no ids. */
  achievedBy: string | null;
  total: string;
}

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

function loadSql(shape: Shape, file: string): string {
  const id = shape.ids === 'none' ? 'CAST(rn AS VARCHAR)' : 'id';
  const source =
    shape.format === 'csv'
      ? `read_csv(${sqlString(file)}, header = true, all_varchar = true, quote = '"', escape = '"')`
      : `read_json(${sqlString(file)}, format = 'newline_delimited', columns = {${shape.ids === 'none' ? '' : "id: 'VARCHAR', "}date: 'VARCHAR', amount: 'VARCHAR', units: 'VARCHAR', product: 'VARCHAR', customer: 'VARCHAR'})`;
  return `CREATE TEMP TABLE r AS
    SELECT rn, ${id} AS id, CAST(CAST(date AS TIMESTAMPTZ) AS TIMESTAMP) AS ts, CAST(amount AS DECIMAL(18, 2)) AS amount,
           CAST(units AS INTEGER) AS units, product, customer
    FROM (SELECT row_number() OVER () AS rn, * FROM ${source})`;
}

const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The running-sum query of one cumulative (or, partitioned by month, recurring monthly) milestone. */
function milestoneSql(m: MilestoneSpec): string {
  const end = m.deadline === 'monthly' ? nextDay(AS_OF) : nextDay(m.deadline);
  const inWindow = `ts >= TIMESTAMP '${EFFECTIVE}' AND ts < TIMESTAMP '${end}'`;
  const target = m.metric === 'gross' || m.metric === 'net' ? (m.target / 100).toFixed(2) : String(m.target);
  if (m.metric === 'new-customers') {
    return `WITH pos AS (SELECT rn, id, ts, lower(trim(customer)) AS c, row_number() OVER (ORDER BY ts, rn) AS g
                         FROM r WHERE amount > 0 AND trim(customer) <> ''),
              first AS (SELECT c, min(g) AS g FROM pos GROUP BY c),
              seen AS (SELECT DISTINCT lower(trim(customer)) AS c FROM r WHERE ts < TIMESTAMP '${EFFECTIVE}'),
              w AS (SELECT pos.rn, pos.id, pos.ts, pos.g, row_number() OVER (ORDER BY pos.g) AS run
                    FROM first JOIN pos ON pos.g = first.g
                    WHERE first.c NOT IN (SELECT c FROM seen) AND ${inWindow.replace(/ts/g, 'pos.ts')})
         SELECT NULL AS period, CAST(count(*) AS VARCHAR) AS total,
                arg_min(id, g) FILTER (WHERE run >= ${target}) AS id, arg_min(ts, g) FILTER (WHERE run >= ${target}) AS ts FROM w`;
  }
  const value =
    m.metric === 'gross' ? 'CASE WHEN amount > 0 THEN amount ELSE 0 END'
    : m.metric === 'net' ? 'amount'
    : "CASE WHEN units > 0 AND product = 'Widget' THEN units ELSE 0 END";
  const part = m.deadline === 'monthly' ? 'month(ts)' : 'NULL';
  return `WITH w AS (SELECT rn, id, ts, ${part} AS period, v,
                            sum(v) OVER o AS run, row_number() OVER o AS k
                     FROM (SELECT rn, id, ts, ${value} AS v FROM r WHERE ${inWindow})
                     WINDOW o AS (PARTITION BY ${part} ORDER BY ts, rn ROWS UNBOUNDED PRECEDING))
          SELECT period, CAST(sum(v) AS VARCHAR) AS total,
                 arg_min(id, k) FILTER (WHERE run >= ${target}) AS id, arg_min(ts, k) FILTER (WHERE run >= ${target}) AS ts
          FROM w GROUP BY period ORDER BY period`;
}

export async function duckdbMilestones(shape: Shape, rows: number): Promise<MilestoneResult[]> {
  const ledger = shapeLedger(shape, rows);
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  await connection.run("SET TimeZone = 'UTC'");
  await connection.run(loadSql(shape, ledger.file));
  const out: MilestoneResult[] = [];
  for (const m of milestones(shape, ledger.totals)) {
    const reader = await connection.runAndReadAll(milestoneSql(m));
    for (const r of reader.getRowObjectsJson()) {
      const ts = r.ts === null ? null : String(r.ts);
      out.push({
        label: m.label,
        period: r.period === null ? null : Number(r.period),
        status: r.id === null && ts === null ? 'missed' : 'met',
        achievedAt: ts === null ? null : ts.slice(0, 10),
        achievedBy: r.id === null ? null : String(r.id),
        total: String(r.total ?? '0'),
      });
    }
  }
  connection.closeSync();
  return out;
}

if (require.main === module) {
  const [name, rows] = process.argv.slice(2);
  const shape = SHAPES.find((s) => s.name === name);
  if (shape === undefined || !(Number(rows) > 0)) {
    process.stderr.write('usage: node dist/bench/duckdb-milestones.js <shape> <rows>\n');
    process.exit(2);
  }
  duckdbMilestones(shape, Number(rows)).then(
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
    (e: Error) => {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    },
  );
}
