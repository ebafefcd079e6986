/**
 * The command line's smoke set, run by `npm test`: one run of each command through the built CLI.
 * The thorough command-line suites (hostile inputs, every --json output byte for byte, streaming,
 * portfolios) are `npm run test:cli`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from './run-cli';

const OUTPUTS = path.join(__dirname, 'json-identical', 'outputs');
const SEED = ['examples/seed-contract.clause', '--sales', 'examples/ledgers/seed-sales.csv', '--effective-date', '2026-01-01', '--time-zone', 'America/New_York', '--as-of', '2026-04-15'];

test('validate --json: the seed clause is valid, with its placeholder warning', () => {
  const run = runCli(['validate', '--json', 'examples/seed-contract.clause']);
  expect(run.status).toBe(0);
  const out = JSON.parse(run.stdout) as { valid: boolean; diagnostics: { code: string }[] };
  expect(out.valid).toBe(true);
  expect(out.diagnostics.map((d) => d.code)).toContain('placeholder-reference');
});

test("evaluate --json: the README's quick start prints the recorded bytes", () => {
  const run = runCli(['evaluate', ...SEED, '--schedule', 'examples/schedules/seed-schedule.json', '--json']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toBe(readFileSync(path.join(OUTPUTS, 'readme-quick-start.json'), 'utf8'));
});

test('evaluate --portfolio --json: the example portfolio prints the recorded bytes', () => {
  const run = runCli(['evaluate', '--portfolio', 'examples/portfolio/contracts.json', '--sales', 'examples/portfolio/sales.csv', '--json']);
  expect(run.status).toBe(0);
  expect(run.stdout).toBe(readFileSync(path.join(OUTPUTS, 'portfolio-example.json'), 'utf8'));
});

test('format prints the canonical text; a usage error exits 2 without a stack trace', () => {
  const formatted = runCli(['format', 'examples/seed-contract.clause']);
  expect(formatted.status).toBe(0);
  expect(formatted.stdout).toContain('The Seller agrees to meet the following sales milestones');
  const usage = runCli(['evaluate', ...SEED.slice(0, 1), '--effective-date', '2026-01-01']);
  expect(usage.status).toBe(2);
  expect(usage.stderr).toContain('missing --sales');
  expect(usage.stderr).not.toMatch(/^\s+at /m);
});
