/** Ledgers at the edges through the command line: empty ledgers, a --sales file that cannot be read. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './run-cli';

const work = mkdtempSync(path.join(tmpdir(), 'clause-limits-'));
const CLAUSE = 'The Seller agrees to meet the following sales milestones: (i) $1,000 in sales revenue by the end of the first month, for a bonus of $100.';

function file(name: string, text: string): string {
  const p = path.join(work, name);
  writeFileSync(p, text);
  return p;
}

const EVAL = ['--effective-date', '2026-01-01', '--as-of', '2026-03-01'];

describe('an empty ledger through the command line is an error', () => {
  test.each([
    ['sales.csv', ''],
    ['sales.ndjson', ''],
    ['sales.json', '[]'],
  ])('clause evaluate on an empty %s (streamed or read whole) exits 1 with empty-ledger', (name, text) => {
    const clause = file('c.clause', CLAUSE);
    const ledger = file(name, text);
    const json = runCli(['evaluate', clause, '--sales', ledger, ...EVAL, '--json']);
    expect(json.status).toBe(1);
    const out = JSON.parse(json.stdout) as { ok: boolean; errors: { code: string; row: number }[] };
    expect(out.ok).toBe(false);
    expect(out.errors.map((e) => [e.code, e.row])).toEqual([['empty-ledger', 0]]);
    const human = runCli(['evaluate', clause, '--sales', ledger, ...EVAL]);
    expect(human.status).toBe(1);
    expect(human.stderr).toContain('error [empty-ledger]');
  });

  test.each(['sales.csv', 'sales.json'])('a portfolio against an empty %s fails every contract', (name) => {
    const ledger = file(`p-${name}`, name.endsWith('.json') ? '[]' : '');
    const r = runCli(['evaluate', '--portfolio', 'examples/portfolio/contracts.json', '--sales', ledger, '--json']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { ok: boolean; contracts: { ok: boolean; result: { errors?: { code: string }[] } }[] };
    expect(out.ok).toBe(false);
    expect(out.contracts.length).toBeGreaterThan(0);
    for (const c of out.contracts) {
      expect(c.ok).toBe(false);
      expect(c.result.errors?.map((e) => e.code)).toEqual(['empty-ledger']);
    }
  });
});

describe('a --sales file that cannot be read is a usage error naming it (exit 2), as for clause files', () => {
  const missing = path.join(work, 'no-such-dir', 'sales');
  test.each(['csv', 'ndjson', 'json'])('missing .%s, one contract and a portfolio', (ext) => {
    const ledger = `${missing}.${ext}`;
    for (const args of [
      ['evaluate', 'examples/seed-contract.clause', '--sales', ledger, ...EVAL],
      ['evaluate', '--portfolio', 'examples/portfolio/contracts.json', '--sales', ledger],
    ]) {
      const r = runCli(args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim()).toBe(`clause: Cannot read '${ledger}': no such file.`);
      expect(r.stderr).not.toMatch(/ENOENT|stat /);
    }
  });

  test('a folder given as the ledger', () => {
    const folder = path.join(work, 'folder.csv');
    mkdirSync(folder, { recursive: true });
    for (const args of [
      ['evaluate', 'examples/seed-contract.clause', '--sales', folder, ...EVAL],
      ['evaluate', '--portfolio', 'examples/portfolio/contracts.json', '--sales', folder],
    ]) {
      const r = runCli(args);
      expect(r.status).toBe(2);
      expect(r.stderr.trim()).toBe(`clause: Cannot read '${folder}': it is a folder, not a file.`);
    }
  });
});
