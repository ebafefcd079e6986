import { Command, CommanderError } from 'commander';
import { registerEvaluate, runEvaluate, type EvaluateOptions } from '../../src/cli/evaluate-command';
import { UsageError } from '../../src/node/io';

const SEED: EvaluateOptions = {
  sales: 'examples/ledgers/seed-sales.csv',
  effectiveDate: '2026-01-01',
  timeZone: 'America/New_York',
  asOf: '2026-04-15',
};
const CLAUSE = 'The Seller agrees to meet the following sales milestones: (i) $1,000 in sales revenue by the end of the first month, for a bonus of $100.';

/** A reader over in-memory files, failing like the real one for a missing file. */
const files = (map: Record<string, string>) => (path: string) => {
  if (!(path in map)) throw new UsageError(`Cannot read '${path}': no such file.`);
  return map[path];
};

describe('clause evaluate on the shipped example', () => {
  it('prints the milestone table, obligations, notes and row counts', () => {
    const r = runEvaluate('examples/seed-contract.clause', SEED);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\(i\)\s+\$100,000\.00 gross revenue\s+cumulative from 2026-01-01\s+2026-01-31\s+met\s+2026-01-31\s+INV-1007\s+\$103,300\.00\s+103\.3%/);
    expect(r.stdout).toMatch(/\(ii\)\s.*met\s+2026-02-27\s+INV-1013/);
    expect(r.stdout).toMatch(/\(iii\)\s.*missed\s+-\s+-\s+\$467,000\.00\s+93\.4%/);
    expect(r.stdout).toContain('Total USD: nothing defined plus 2 obligations with an undefined amount');
    expect(r.stdout).toContain('(i), (ii), (iii): revenue read as gross');
    expect(r.stdout).toContain('Rows: 20 rows read, 17 used, ignored: 1 before the effective date, 1 after the as-of date, 1 outside every window');
    expect(r.stdout).not.toContain('How each milestone was met');
  });

  it('--explain shows the running total at the crossing row', () => {
    const r = runEvaluate('examples/seed-contract.clause', { ...SEED, explain: true });
    expect(r.stdout).toContain('(i): met on 2026-01-31 by row 7 (id INV-1007); running total at the start of that day $96,800.00');
    expect(r.stdout).toContain('row 6 (id INV-1006) 2026-01-28: +$14,650.00 = $96,800.00\n');
    expect(r.stdout).toContain('row 7 (id INV-1007) 2026-01-31: +$6,500.00 = $103,300.00  <- reaches the target');
  });

  it('--schedule fills in the Section [X] amounts', () => {
    const r = runEvaluate('examples/seed-contract.clause', { ...SEED, schedule: 'examples/schedules/seed-schedule.json' });
    expect(r.stdout).toContain('Total USD: $7,500.00');
  });

  it('--json prints the evaluation object', () => {
    const r = runEvaluate('examples/seed-contract.clause', { ...SEED, json: true });
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ ok: true, asOf: '2026-04-15', effectiveDate: '2026-01-01', timeZone: 'America/New_York' });
    expect(json.milestones.map((m: { status: string }) => m.status)).toEqual(['met', 'met', 'missed']);
    expect(json.obligations).toMatchObject([
      { clause: 1, label: 'i', period: null, amount: null, currency: 'USD', triggeredAt: '2026-01-31', basis: 'unresolved' },
      { clause: 1, label: 'ii', amount: null, triggeredAt: '2026-02-27' },
    ]);
    expect(json.rows).toEqual({ total: 20, used: 17, ignored: { 'before-effective-date': 1, 'after-as-of': 1, 'outside-every-window': 1 } });
    expect(json.clauseDiagnostics.map((d: { code: string }) => d.code)).toContain('placeholder-reference');
  });
});

describe('clause evaluate ledger formats', () => {
  const rows = [{ id: 'a', date: '2026-01-05', amount: 600 }, { id: 'b', date: '2026-01-09', amount: '400' }];
  it.each<[string, string, string | undefined, string]>([
    ['NDJSON from standard input', '-', 'ndjson', rows.map((r) => JSON.stringify(r)).join('\n')],
    ['a .json file', 'sales.json', undefined, JSON.stringify(rows)],
    ['a .jsonl file', 'sales.jsonl', undefined, rows.map((r) => JSON.stringify(r)).join('\r\n')],
    ['CSV with --format overriding the extension', 'sales.txt', 'CSV', 'ID,Date,Amount\r\na,2026-01-05,600\r\nb,2026-01-09,400\r\n'],
  ])('reads %s', (_name, path, format, text) => {
    const r = runEvaluate('c.clause', { ...SEED, sales: path, format, json: true }, files({ 'c.clause': CLAUSE, [path]: text }));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).milestones[0]).toMatchObject({ status: 'met', achievedBy: 'b', total: '1000' });
  });
});

describe('clause evaluate with bad input', () => {
  it('fails with exit 1 and lists every offending row, without a partial result', () => {
    const ledger = 'id,date,amount\nA,2026-01-02,100\nA,2026-02-30,12x\n';
    const r = runEvaluate('c.clause', { ...SEED, sales: 's.csv' }, files({ 'c.clause': CLAUSE, 's.csv': ledger }));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('failed with 3 errors; nothing was evaluated');
    expect(r.stderr).toContain("error [impossible-date] row 2, date '2026-02-30'");
    expect(r.stderr).toContain("error [non-numeric-amount] row 2, amount '12x'");
    expect(r.stderr).toContain("error [duplicate-id] row 2, id 'A'");
  });

  it('lists the first 20 errors, then a count', () => {
    const ledger = `date,amount\n${Array.from({ length: 23 }, () => '2026-01-02,x').join('\n')}\n`;
    const r = runEvaluate('c.clause', { ...SEED, sales: 's.csv' }, files({ 'c.clause': CLAUSE, 's.csv': ledger }));
    expect(r.stderr.match(/non-numeric-amount/g)).toHaveLength(20);
    expect(r.stderr).toContain('... and 3 more errors');
  });

  it('reports a ledger that is not JSON as a whole, not as a row', () => {
    const r = runEvaluate('c.clause', { ...SEED, sales: 's.json' }, files({ 'c.clause': CLAUSE, 's.json': '[{"date": ' }));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error \[malformed-row\] not valid JSON/);
  });

  it('reports an invalid clause with exit 1', () => {
    const r = runEvaluate('c.clause', { ...SEED, sales: 's.csv' }, files({ 'c.clause': 'The Seller agrees to nothing.', 's.csv': 'date,amount\n' }));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('The clause is not valid; nothing was evaluated.');
  });

  it('reports an invalid schedule with exit 1', () => {
    const r = runEvaluate('c.clause', { ...SEED, sales: 's.csv', schedule: 'p.json' }, files({ 'c.clause': CLAUSE, 's.csv': 'date,amount\n', 'p.json': '{"currency":"USD"}' }));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the schedule needs "payments"');
  });

  it.each<[string, EvaluateOptions, RegExp]>([
    ['an unknown zone', { ...SEED, timeZone: 'Europe/Atlantis' }, /unknown time zone 'Europe\/Atlantis'/],
    ['an impossible effective date', { ...SEED, effectiveDate: '2026-02-29' }, /effective date '2026-02-29' is not a real calendar date/],
    ['an impossible as-of date', { ...SEED, asOf: '2026-04-31' }, /as-of date/],
    ['a missing --sales', { ...SEED, sales: undefined }, /missing --sales/],
    ['a missing --effective-date', { ...SEED, effectiveDate: undefined }, /missing --effective-date/],
    ['an unknown extension', { ...SEED, sales: 'sales.ods' }, /cannot tell the format of 'sales.ods'/],
    ['stdin without --format', { ...SEED, sales: '-' }, /needs --format/],
    ['a bad --format', { ...SEED, format: 'xml' }, /--format must be csv, json, ndjson or xlsx/],
    ['a missing ledger file', { ...SEED, sales: 'nope.csv' }, /Cannot read 'nope.csv'/],
  ])('treats %s as a usage error (exit 2)', (_name, options, message) => {
    expect(() => runEvaluate('c.clause', options, files({ 'c.clause': CLAUSE }))).toThrow(UsageError);
    expect(() => runEvaluate('c.clause', options, files({ 'c.clause': CLAUSE }))).toThrow(message);
  });
});

describe('registerEvaluate', () => {
  const program = () => {
    const p = new Command('clause').exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
    registerEvaluate(p);
    return p;
  };

  it('adds the evaluate command with its options', () => {
    const cmd = program().commands.find((c) => c.name() === 'evaluate');
    expect(cmd?.options.map((o) => o.long)).toEqual(['--sales', '--effective-date', '--time-zone', '--as-of', '--fiscal-year-start', '--ledger-holds', '--ledger-currency', '--schedule', '--format', '--json', '--explain', '--portfolio', '--obligations-csv', '--rollup-csv', '--since', '--pay-period', '--paid', '--contract', '--payee', '--allow-paths-outside-portfolio', '--max-ledger-bytes', '--strict', '--engine', '--database-url', '--table', '--order-by', '--no-progress', '--columns', '--mapping', '--delimiter', '--encoding', '--date-format', '--decimal-comma', '--sheet', '--amount-unit', '--hidden-rows', '--refunded']);
  });

  it('turns a missing option into a usage error and an unknown one into a commander error', async () => {
    await expect(program().parseAsync(['node', 'clause', 'evaluate', 'x.clause'])).rejects.toThrow(UsageError);
    await expect(program().parseAsync(['node', 'clause', 'evaluate', 'x.clause', '--bogus'])).rejects.toThrow(CommanderError);
  });

  it('sets the exit code from the evaluation', async () => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await program().parseAsync(['node', 'clause', 'evaluate', 'examples/seed-contract.clause', '--sales', SEED.sales as string, '--effective-date', '2026-01-01', '--time-zone', 'America/New_York', '--as-of', '2026-04-15', '--json']);
      expect(process.exitCode).toBe(0);
      expect(JSON.parse(String(write.mock.calls[0][0])).ok).toBe(true);
    } finally {
      write.mockRestore();
      process.exitCode = undefined;
    }
  });
});
