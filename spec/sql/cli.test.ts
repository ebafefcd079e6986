/**
 * The commands through the built CLI: `clause sql` prints the query with user text only among the
 * parameters; `clause evaluate --engine duckdb` (CSV, NDJSON, Parquet) and `--engine postgres`
 * print exactly the in-memory engine's `--json`, for results and for ledger errors.
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DuckDbEngine } from '../../src/node/duckdb-engine';
import { parseLedgerText } from '../../src/ledger/text-readers';
import { dropTable, loadRecords, openEngine, tableName } from './support/engines';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'clause.js');
const SEED = join(ROOT, 'examples', 'seed-contract.clause');
const CSV = join(ROOT, 'examples', 'ledgers', 'seed-sales.csv');
const SCHEDULE = join(ROOT, 'examples', 'schedules', 'seed-schedule.json');
const CONTEXT = ['--effective-date', '2026-01-01', '--time-zone', 'America/New_York', '--as-of', '2026-04-15'];
const dir = mkdtempSync(join(tmpdir(), 'clause-sql-cli-'));

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function memoryJson(clause: string, sales: string, extra: string[] = []): string {
  return run(['evaluate', clause, '--sales', sales, ...CONTEXT, '--json', ...extra]).stdout;
}

describe('clause sql', () => {
  it('prints the query with every value as a numbered parameter, user text never in the SQL body', () => {
    const clause = join(dir, 'product.clause');
    writeFileSync(clause, `The Seller agrees to meet the following sales milestones: (i) 10 units of "Widget'); DROP TABLE sales; --" by the end of the first month.`);
    const out = run(['sql', clause, '--dialect', 'postgres', '--table', 'warehouse.sales', ...CONTEXT]);
    expect(out.code).toBe(0);
    const body = out.stdout.split('\n').filter((l) => !l.startsWith('--')).join('\n');
    expect(body).toMatch(/^WITH\n/);
    expect(body).not.toContain('DROP');
    expect(body).not.toContain('America/New_York');
    expect(body).toContain('FROM "warehouse"."sales" AS s');
    expect(out.stdout).toContain(`= "widget'); drop table sales; --"`);
    expect(out.stdout).toContain('--   $1 = "America/New_York"');
  });

  it("the README's query for the seed clause is what the command prints", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Running where the data is'));
    const shown = /```sql\n([\s\S]*?)```/.exec(section)?.[1];
    const out = run(['sql', 'examples/seed-contract.clause', '--dialect', 'postgres', '--table', 'sales', '--date-type', 'text', '--columns', 'id,amount,currency,customer,product,units', ...CONTEXT]);
    expect(out.code).toBe(0);
    expect(shown).toBe(out.stdout);
  });

  it('--json gives the text and the parameters; a bad table name is refused (exit 2)', () => {
    const json = JSON.parse(run(['sql', SEED, '--dialect', 'duckdb', '--table', 'sales', ...CONTEXT, '--json']).stdout) as { dialect: string; text: string; params: unknown[] };
    expect(json.dialect).toBe('duckdb');
    expect(json.params.slice(0, 3)).toEqual(['America/New_York', '2026-01-01', '2026-04-15']);
    const bad = run(['sql', SEED, '--dialect', 'duckdb', '--table', 'sales; DROP TABLE x', ...CONTEXT]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not a plain SQL name');
    expect(run(['sql', SEED, '--dialect', 'oracle', '--table', 'sales', ...CONTEXT]).code).toBe(2);
  });
});

describe('clause evaluate --engine duckdb', () => {
  const expected = memoryJson(SEED, CSV, ['--schedule', SCHEDULE]);

  it('CSV: the same --json as the in-memory engine', () => {
    expect(run(['evaluate', SEED, '--sales', CSV, ...CONTEXT, '--json', '--schedule', SCHEDULE, '--engine', 'duckdb']).stdout).toBe(expected);
  });

  it('NDJSON and Parquet: the same --json', async () => {
    const records = parseLedgerText(readFileSync(CSV, 'utf8'), 'csv').records;
    const ndjson = join(dir, 'seed.ndjson');
    writeFileSync(ndjson, records.map((r) => JSON.stringify(r)).join('\n'));
    expect(run(['evaluate', SEED, '--sales', ndjson, ...CONTEXT, '--json', '--schedule', SCHEDULE, '--engine', 'duckdb']).stdout).toBe(expected);
    const parquet = join(dir, 'seed.parquet');
    const duck = await DuckDbEngine.open({ threads: 1 });
    await duck.query(`COPY (SELECT * FROM read_csv(CAST($1 AS VARCHAR), all_varchar = true, header = true)) TO '${parquet.replace(/'/g, "''")}' (FORMAT parquet)`, [CSV]);
    duck.dispose();
    expect(run(['evaluate', SEED, '--sales', parquet, ...CONTEXT, '--json', '--schedule', SCHEDULE, '--engine', 'duckdb']).stdout).toBe(expected);
  });

  it('a bad cell: the same errors and exit code as the in-memory engine', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, readFileSync(CSV, 'utf8').replace('12500.00', 'twelve').replace('2026-01-06', '2026-02-30'));
    const memory = run(['evaluate', SEED, '--sales', bad, ...CONTEXT, '--json']);
    const duck = run(['evaluate', SEED, '--sales', bad, ...CONTEXT, '--json', '--engine', 'duckdb']);
    expect(memory.code).toBe(1);
    expect(duck.code).toBe(1);
    // The same rows, columns, values and codes; the in-memory reader's message also names the export forms it reads.
    const withoutMessages = (out: string): unknown => {
      const json = JSON.parse(out) as { errors: Array<Record<string, unknown>> };
      return { ...json, errors: json.errors.map(({ message: _m, ...rest }) => rest) };
    };
    expect(withoutMessages(duck.stdout)).toEqual(withoutMessages(memory.stdout));
  });

  it('an amount written as an export writes it ("12,500"): read by the in-memory engine, refused (not misread) by DuckDB', () => {
    const formatted = join(dir, 'formatted.csv');
    writeFileSync(formatted, readFileSync(CSV, 'utf8').replace('12500.00', '"12,500"'));
    expect(run(['evaluate', SEED, '--sales', formatted, ...CONTEXT, '--json']).code).toBe(0);
    const duck = run(['evaluate', SEED, '--sales', formatted, ...CONTEXT, '--json', '--engine', 'duckdb']);
    expect(duck.code).toBe(1);
    expect(JSON.parse(duck.stdout).errors[0]).toMatchObject({ row: 1, column: 'amount', value: '12,500', code: 'non-numeric-amount' });
  });

  it('a status column (a Failed row) or a payment API\'s amount_captured beside amount: refused by name, never summed as a plain ledger', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['status.csv', 'id,date,amount,status\nA,2026-01-10,600.00,succeeded\nB,2026-01-20,500.00,Failed\n', /the ledger has a column 'status', whose rows the in-memory engine checks for a state that is no sale/],
      ['cents.csv', 'id,date,amount,amount_captured\nA,2026-01-10,60000,60000\n', /the ledger has a column 'amount_captured', as a payment API writes beside amounts in the currency's smallest unit/],
    ];
    for (const [name, text, message] of cases) {
      const file = join(dir, name);
      writeFileSync(file, text);
      expect(run(['evaluate', SEED, '--sales', file, ...CONTEXT, '--json']).code).toBe(1);
      const duck = run(['evaluate', SEED, '--sales', file, ...CONTEXT, '--json', '--engine', 'duckdb']);
      expect(duck.code).toBe(2);
      expect(duck.stderr).toMatch(message);
    }
  });

  it('usage errors: standard input, an unknown extension, --table without postgres', () => {
    expect(run(['evaluate', SEED, '--sales', '-', '--format', 'csv', ...CONTEXT, '--engine', 'duckdb']).code).toBe(2);
    expect(run(['evaluate', SEED, '--sales', join(dir, 'x.xlsx'), ...CONTEXT, '--engine', 'duckdb']).stderr).toContain('.parquet');
    expect(run(['evaluate', SEED, '--sales', CSV, ...CONTEXT, '--engine', 'duckdb', '--table', 't']).code).toBe(2);
  });
});

describe('clause evaluate --engine postgres', () => {
  it('a table loaded from the seed ledger: the same --json as the in-memory engine', async () => {
    const open = await openEngine('postgres');
    const table = tableName('cli');
    try {
      await loadRecords(open.engine, table, parseLedgerText(readFileSync(CSV, 'utf8'), 'csv').records);
      const url = process.env.CLAUSE_TEST_DATABASE_URL as string;
      const out = run(['evaluate', SEED, ...CONTEXT, '--json', '--schedule', SCHEDULE, '--engine', 'postgres', '--database-url', url, '--table', table]);
      expect(out.stdout).toBe(memoryJson(SEED, CSV, ['--schedule', SCHEDULE]));
      const missing = run(['evaluate', SEED, ...CONTEXT, '--engine', 'postgres', '--database-url', url, '--table', `${table}_none`]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('no table or view named');
    } finally {
      await dropTable(open.engine, table);
      await open.close();
    }
  });
});

describe('clause evaluate --portfolio --engine duckdb|postgres', () => {
  const PORTFOLIO_DIR = join(ROOT, 'examples', 'portfolio');
  const PORTFOLIO = join(PORTFOLIO_DIR, 'contracts.json');
  const SALES = join(PORTFOLIO_DIR, 'sales.csv');
  const expected = run(['evaluate', '--portfolio', PORTFOLIO, '--sales', SALES, '--json']);

  it('the example portfolio: the same --json and exit code on DuckDB as in memory', () => {
    expect(expected.code).toBe(0);
    const duck = run(['evaluate', '--portfolio', PORTFOLIO, '--sales', SALES, '--json', '--engine', 'duckdb']);
    expect(duck.code).toBe(0);
    expect(duck.stdout).toBe(expected.stdout);
  });

  it('the example portfolio on a PostgreSQL table: the same --json', async () => {
    const open = await openEngine('postgres');
    const table = tableName('cli_portfolio');
    try {
      await loadRecords(open.engine, table, parseLedgerText(readFileSync(SALES, 'utf8'), 'csv').records);
      const url = process.env.CLAUSE_TEST_DATABASE_URL as string;
      const out = run(['evaluate', '--portfolio', PORTFOLIO, '--json', '--engine', 'postgres', '--database-url', url, '--table', table]);
      expect(out.stdout).toBe(expected.stdout);
    } finally {
      await dropTable(open.engine, table);
      await open.close();
    }
  });

  it("an export's reading (--date-format, --columns) is refused with an engine, never ignored", () => {
    const single = run(['evaluate', SEED, '--sales', CSV, ...CONTEXT, '--engine', 'duckdb', '--date-format', 'DD/MM/YYYY']);
    expect(single.code).toBe(2);
    expect(single.stderr).toContain('dateFormat');
    const portfolio = run(['evaluate', '--portfolio', PORTFOLIO, '--sales', SALES, '--engine', 'duckdb', '--columns', 'date="Close Date"']);
    expect(portfolio.code).toBe(2);
    expect(portfolio.stderr).toContain('columns');
  });
});

// The built CLI must exist (npm run test:sql builds first).
execFileSync(process.execPath, [CLI, '--version']);
