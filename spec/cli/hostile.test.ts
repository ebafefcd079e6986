/**
 * Hostile inputs, run through the real command line (`node bin/clause.js …`, built by `npm test`):
 * each fixture in spec/cli/hostile/ gives an input (text, bytes, or a template to generate a
 * large one), the expected exit code, and the error code, position and message shape, or what a
 * legal input must yield. No run prints a stack trace, and the parser's work on a clause stays linear
 * in its tokens (Earley states, spec/support/parser-work.ts).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { earleyWork } from '../../src/language/earley-work';
import { WIDEST_COLUMN, statesBound } from '../support/parser-work';
import { runCli, ROOT } from './run-cli';

interface Template {
  prefix?: string;
  /** Repeated text; `{n}` is replaced by the repetition's number, from 1. */
  each: string;
  join?: string;
  suffix?: string;
  times?: number;
  /** Repeat until the text has at least this many characters. */
  untilChars?: number;
}

interface HostileFixture {
  description: string;
  input: { text: string } | { base64: string } | { template: Template };
  /** The command and options before the file; default ["validate"]. */
  command?: string[];
  /** Run only the human report (for inputs whose point is the report's cost); default both it and --json. */
  humanOnly?: boolean;
  expect: {
    exit: 0 | 1 | 2;
    /** The first error's code, line and column, and a regular expression for its message. */
    code?: string;
    line?: number;
    column?: number;
    message?: string;
    /** For exit 2: a regular expression for standard error. */
    stderr?: string;
    /** For legal input: how many milestones the first clause has, and its first target's exact amount. */
    milestones?: number;
    amount?: string;
    humanIncludes?: string[];
    humanExcludes?: string[];
    /** No line of the human output may be longer (code frames are cut around the caret). */
    maxLineLength?: number;
  };
}

/** A hostile ledger or evaluation context: `clause evaluate <clause> --sales <ledger> <args>`. */
interface EvaluateFixture {
  kind: 'evaluate';
  description: string;
  /** The clause: a file of the repository (default examples/seed-contract.clause) or a text. */
  clauseFile?: string;
  clause?: string;
  /** The ledger: a file of the repository, or a name (its extension chooses the format) and content. */
  ledgerFile?: string;
  ledger?: { name: string; input: HostileFixture['input'] };
  args: string[];
  expect: {
    exit: 0 | 1 | 2;
    stderr?: string;
    /** exit 1: the first errors, in order (row, column, code), and how many there are in all. */
    errors?: { row: number; column: string; code: string; message?: string }[];
    errorCount?: number;
    /** exit 0: the row counts exactly, and each milestone's fields that are given. */
    rows?: unknown;
    milestones?: Record<string, unknown>[];
    humanIncludes?: string[];
  };
}

const DIR = path.join(__dirname, 'hostile');
const all: [string, HostileFixture | EvaluateFixture][] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(path.join(DIR, f), 'utf8')) as HostileFixture | EvaluateFixture]);
const fixtures = all.filter((x): x is [string, HostileFixture] => !('kind' in x[1]));
const evaluations = all.filter((x): x is [string, EvaluateFixture] => 'kind' in x[1] && x[1].kind === 'evaluate');

function generate(t: Template): string {
  const parts: string[] = [];
  let length = (t.prefix ?? '').length + (t.suffix ?? '').length;
  for (let n = 1; t.times !== undefined ? n <= t.times : length < (t.untilChars ?? 0); n++) {
    const part = t.each.replace(/\{n\}/g, String(n));
    parts.push(part);
    length += part.length + (n > 1 ? (t.join ?? '').length : 0);
  }
  return (t.prefix ?? '') + parts.join(t.join ?? '') + (t.suffix ?? '');
}

function bytesOf(input: HostileFixture['input']): Buffer {
  if ('text' in input) return Buffer.from(input.text, 'utf8');
  if ('base64' in input) return Buffer.from(input.base64, 'base64');
  return Buffer.from(generate(input.template), 'utf8');
}

/** A stack frame line ("    at f (file.js:1:2)") or the internal-error banner. */
const STACK = /^\s+at .+:\d+:\d+\)?$|internal error/m;

const WORK_COUNTED_CHARS = 100_000;

const work = mkdtempSync(path.join(tmpdir(), 'clause-hostile-'));

describe('hostile inputs (clause side), through the CLI', () => {
  test('there are fixtures, and each names its expectation', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
    for (const [, f] of fixtures) {
      expect(f.description.length).toBeGreaterThan(10);
      if (f.expect.exit === 1) expect(f.expect.code).toBeDefined();
      if (f.expect.exit === 2) expect(f.expect.stderr).toBeDefined();
      if (f.humanOnly) expect(f.expect.exit).toBe(0); // an error's code and position are checked on --json
    }
  });

  test.each(fixtures)('%s', (name, f) => {
    const bytes = bytesOf(f.input);
    const file = path.join(work, `${name}.clause`);
    writeFileSync(file, bytes);
    const command = f.command ?? ['validate'];
    const json = f.humanOnly ? null : runCli([...command, '--json', file]);
    const human = runCli([...command, file]);
    // The parser's work, not the time: linear in the tokens read, whatever the input (counted on
    // texts up to 100,000 characters: counting keeps every Earley column; spec/unit/linear-parser-work.test.ts
    // shows the growth with length).
    const clauseText = bytes.toString('utf8');
    if (clauseText.length <= WORK_COUNTED_CHARS) {
      const work = earleyWork(clauseText);
      expect(work.states).toBeLessThanOrEqual(statesBound(work.tokens));
      expect(work.widest).toBeLessThanOrEqual(WIDEST_COLUMN);
    }

    const runs = json ? [json, human] : [human];
    for (const run of runs) {
      expect(run.status).toBe(f.expect.exit);
      expect(run.stdout).not.toMatch(STACK);
      expect(run.stderr).not.toMatch(STACK);
    }

    if (f.expect.exit === 2) {
      for (const run of runs) {
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(new RegExp(f.expect.stderr!));
      }
      return;
    }

    const text = bytes.toString('utf8');
    const out = JSON.parse(json?.stdout ?? '{"valid":null,"diagnostics":[],"clauses":[]}') as {
      valid: boolean;
      diagnostics: { code: string; severity: string; message: string; line: number; column: number; offset: number; endOffset: number }[];
      clauses: { milestones: { target: { amount?: { amount: string } } }[] }[];
    };
    if (json) expect(out.valid).toBe(f.expect.exit === 0);
    for (const d of out.diagnostics) {
      // Every position points into the text, and its line and column agree with its offset.
      expect(d.offset).toBeLessThanOrEqual(d.endOffset);
      expect(d.endOffset).toBeLessThanOrEqual(text.length);
      const before = text.slice(0, d.offset);
      expect([d.line, d.column]).toEqual([before.split('\n').length, d.offset - before.lastIndexOf('\n')]);
    }
    if (f.expect.exit === 1 && json) {
      const error = out.diagnostics.find((d) => d.severity === 'error')!;
      expect(error.code).toBe(f.expect.code);
      if (f.expect.line !== undefined) expect(error.line).toBe(f.expect.line);
      if (f.expect.column !== undefined) expect(error.column).toBe(f.expect.column);
      if (f.expect.message !== undefined) expect(error.message).toMatch(new RegExp(f.expect.message));
      expect(human.stdout).toContain(`${file}:${error.line}:${error.column}: error [${error.code}]`);
      expect(human.stdout).toMatch(/Not valid \(\d+ errors?, \d+ warnings?\)\.\n$/);
    } else if (f.expect.exit === 0) {
      expect(human.stdout).toMatch(/Valid \(0 errors, \d+ warnings?\)\.\n$/);
      if (json && f.expect.milestones !== undefined) expect(out.clauses[0].milestones).toHaveLength(f.expect.milestones);
      if (json && f.expect.amount !== undefined) expect(out.clauses[0].milestones[0].target.amount?.amount).toBe(f.expect.amount);
    }
    for (const s of f.expect.humanIncludes ?? []) expect(human.stdout).toContain(s);
    for (const s of f.expect.humanExcludes ?? []) expect(human.stdout).not.toContain(s);
    if (f.expect.maxLineLength !== undefined) {
      const longest = human.stdout.split('\n').reduce((max, l) => Math.max(max, l.length), 0);
      expect(longest).toBeLessThanOrEqual(f.expect.maxLineLength);
    }
  }, 180_000);
});

describe('hostile ledgers and contexts, through clause evaluate', () => {
  test('there are fixtures, and each names its expectation', () => {
    expect(evaluations.length).toBeGreaterThanOrEqual(15);
    for (const [, f] of evaluations) {
      expect(f.description.length).toBeGreaterThan(10);
      if (f.expect.exit === 1) expect(f.expect.errors?.length).toBeGreaterThan(0);
      if (f.expect.exit === 2) expect(f.expect.stderr).toBeDefined();
      if (f.expect.exit === 0) expect(f.expect.rows).toBeDefined();
    }
  });

  const run = (name: string, f: EvaluateFixture): void => {
    const clause = f.clause !== undefined ? path.join(work, `${name}.clause`) : path.join(ROOT, f.clauseFile ?? 'examples/seed-contract.clause');
    if (f.clause !== undefined) writeFileSync(clause, f.clause);
    let ledger = path.join(ROOT, f.ledgerFile ?? 'examples/ledgers/seed-sales.csv');
    if (f.ledger) {
      ledger = path.join(work, `${name}-${f.ledger.name}`);
      writeFileSync(ledger, bytesOf(f.ledger.input));
    }
    const args = ['evaluate', clause, '--sales', ledger, ...f.args];
    const json = runCli([...args, '--json']);
    const human = runCli(args);
    for (const r of [json, human]) {
      expect(r.status).toBe(f.expect.exit);
      expect(r.stdout).not.toMatch(STACK);
      expect(r.stderr).not.toMatch(STACK);
    }
    if (f.expect.exit === 2) {
      for (const r of [json, human]) {
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(new RegExp(f.expect.stderr!));
      }
      return;
    }
    const out = JSON.parse(json.stdout) as {
      ok: boolean;
      errors?: { row: number; column: string; code: string; message: string }[];
      errorCount?: number;
      rows?: unknown;
      milestones?: Record<string, unknown>[];
    };
    expect(out.ok).toBe(f.expect.exit === 0);
    if (f.expect.exit === 1) {
      const errors = (out.errors ?? []).slice(0, f.expect.errors!.length);
      expect(errors.map((e) => ({ row: e.row, column: e.column, code: e.code }))).toEqual(f.expect.errors!.map((e) => ({ row: e.row, column: e.column, code: e.code })));
      f.expect.errors!.forEach((e, i) => e.message !== undefined && expect(errors[i].message).toMatch(new RegExp(e.message)));
      if (f.expect.errorCount !== undefined) expect(out.errorCount).toBe(f.expect.errorCount);
      expect(human.stdout + human.stderr).toMatch(/failed with \d+ errors?; nothing was evaluated/);
    } else {
      expect(out.rows).toEqual(f.expect.rows);
      (f.expect.milestones ?? []).forEach((m, i) => expect(out.milestones?.[i]).toMatchObject(m));
    }
    for (const text of f.expect.humanIncludes ?? []) expect(human.stdout).toContain(text);
  };

  for (const [name, f] of evaluations) test(name, () => run(name, f), 60_000);
});
