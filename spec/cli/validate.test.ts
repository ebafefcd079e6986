import { runCli } from './run-cli';

const SEED =
  'The Seller agrees to meet the following sales milestones: (i) $100,000 in sales revenue by the end of the first month, ' +
  '(ii) $250,000 in sales revenue by the end of the second month, and (iii) $500,000 in sales revenue by the end of the quarter. ' +
  'Upon achieving each milestone, the Seller will be entitled to receive the corresponding commission payment as outlined in Section [X].';

describe('clause validate', () => {
  test('a valid clause with a warning exits 0 and prints the warning with its position and what was understood', () => {
    const run = runCli(['validate', '-'], SEED);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('<stdin>:1:');
    expect(run.stdout).toContain('warning [placeholder-reference]');
    expect(run.stdout).toContain('Clause 1: Seller, 3 milestones');
    expect(run.stdout).toContain('(iii) $500,000.00 in gross sales revenue');
    expect(run.stdout).toContain('Valid (0 errors, 1 warning).');
  });

  test('a condition of several parts is described whole, not by its first part alone', () => {
    const text = 'If Net Sales in any Calendar Quarter are at least $500,000 and at least 2 new customers, the Company shall pay the Agent a bonus of $5,000 for such Calendar Quarter.';
    const run = runCli(['validate', '-'], text);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('- $500,000.00 in net sales revenue');
    expect(run.stdout).toMatch(/condition: the condition has 2 parts \(part 1: Net Sales at least \$500,000; part 2: at least 2 new customers[^)]*\): met when all parts hold/);
  });

  test('a period opening gives the deadline line its period, not a running total with no deadline', () => {
    const text = 'For each calendar quarter, the Account Executive shall earn a commission of ten percent (10%) of Net Sales up to 100% of the Quarterly Quota ($200,000) and fifteen percent (15%) of Net Sales in excess of the Quarterly Quota.';
    const run = runCli(['validate', '-'], text);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("deadline: in each calendar quarter, separately (aligned to the calendar, not to the effective date) (from the opening 'For each calendar quarter,')");
    expect(run.stdout).not.toContain('with no deadline');
  });

  test('--json prints exactly valid, diagnostics and clauses', () => {
    const run = runCli(['validate', '-', '--json'], SEED);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(['valid', 'diagnostics', 'clauses']);
    expect(out.valid).toBe(true);
    expect(out.clauses[0].party.name).toBe('Seller');
    expect(out.clauses[0].milestones.map((m: { label: string }) => m.label)).toEqual(['i', 'ii', 'iii']);
    expect(out.diagnostics).toEqual([expect.objectContaining({ code: 'placeholder-reference', severity: 'warning', line: 1, column: SEED.indexOf('[X]') + 1 })]);
  });

  test('a typo exits 1 with line, column, a caret and a did-you-mean hint', () => {
    const text = SEED.replace('second month', 'scond month');
    const run = runCli(['validate', '-'], text);
    expect(run.status).toBe(1);
    const column = text.indexOf('scond') + 1;
    expect(run.stdout).toContain(`<stdin>:1:${column}: error [unexpected-token] Unexpected word 'scond'`);
    expect(run.stdout).toContain("hint: did you mean 'second'?");
    expect(run.stdout).toMatch(/\|\s+\^{5}/);
    expect(run.stderr).toBe('');
  });

  test('--json on an invalid clause reports valid: false and no clauses', () => {
    const run = runCli(['validate', '-', '--json'], 'The Seller agrees to');
    expect(run.status).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out.valid).toBe(false);
    expect(out.clauses).toEqual([]);
    expect(out.diagnostics[0]).toMatchObject({ code: 'unexpected-end', line: 1, column: 21 });
  });

  test('usage errors exit 2 with a message and no stack trace', () => {
    const missing = runCli(['validate', 'no/such/file.clause']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("clause: Cannot read 'no/such/file.clause': no such file.\n");
    const noArgument = runCli(['validate']);
    expect(noArgument.status).toBe(2);
    expect(noArgument.stderr).toContain("missing required argument 'file'");
    const unknown = runCli(['valdate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  });

  test('--help exits 0 and documents the exit codes', () => {
    const run = runCli(['validate', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Exit codes: 0 no errors');
  });
});
