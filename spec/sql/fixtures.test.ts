/**
 * Every evaluate conformance fixture on the SQL engines: the report (milestones, obligations,
 * totals, rows, notes, diagnostics, or the errors) equals the in-memory evaluator's exactly, on
 * DuckDB and on PostgreSQL. Fixtures the SQL path does not take are listed below with the reason,
 * and must fail with exactly that error; fixtures of constructs it does not compute must be refused naming them.
 */
import { readdirSync, readFileSync } from 'fs';
import { basename, join, relative } from 'path';
import { parse } from '../../src/language/parse';
import { evaluate } from '../../src/evaluation/evaluate';
import { parseLedgerText } from '../../src/ledger/text-readers';
import type { LedgerFormat, LedgerRecord, RowIssue } from '../../src/ledger/rows';
import { readSchedule } from '../../src/evaluation/schedule-reader';
import { evaluateOnEngine } from '../../src/node/sql-evaluation';
import { planEvaluation } from '../../src/sql/plan';
import { SqlUnsupportedError } from '../../src/sql/unsupported';
import { ENGINES, dropTable, loadRecords, tableName, useEngine } from './support/engines';

interface Fixture {
  clause: string;
  context: { effectiveDate: string; timeZone?: string; asOf: string };
  schedule?: unknown;
  ledger: LedgerRecord[] | { format: LedgerFormat; text: string };
}

const EVALUATE = join(__dirname, '..', 'conformance', 'evaluate');
const CORPUS = join(__dirname, '..', 'conformance', 'corpus');
const jsonFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
/** Every evaluate conformance case, and every corpus clause the language reads today (the others are not evaluated by any engine). */
const SPEC = join(__dirname, '..');
const files: string[] = [
  ...jsonFiles(EVALUATE).map((f) => relative(SPEC, join(EVALUATE, f))),
  ...jsonFiles(CORPUS)
    .map((f) => relative(SPEC, join(CORPUS, f)))
    .filter((f) => parse(readFixture(f).clause).diagnostics.every((d) => d.severity !== 'error')),
];

function readFixture(file: string): Fixture {
  const json = JSON.parse(readFileSync(join(SPEC, file), 'utf8')) as { input?: Fixture } & Fixture;
  return json.input ?? json;
}

/** Fixtures whose ledger the SQL path cannot take as the in-memory reader does, and why. */
const NOT_SUPPORTED: Record<string, string> = {
  // Reading problems of the CSV text itself (a malformed row) are the file reader's; a table has rows.
  'e8-malformed-csv-and-missing-date.json': 'malformed CSV text',
};

/**
 * Constructs the SQL path does not compute yet: a fixture using one must be refused with the feature named,
 * never answered. A construct not listed here must either compile (and then agree) or be added deliberately.
 */
const REFUSED_FEATURES = [
  "definition 'item-set-definition'", "milestone 'milestone' field 'compound'",
  "target 'revenue' field 'perProduct'", "definition 'metric-definition'",
  "clause 'clause' field 'carryForward'", "clause 'clause' field 'planTable'", "milestone 'milestone' field 'plan'",
  "payment 'fixed' field 'bare'", "payment 'rate' field 'intro'", "tiers accruing on the running total",
  "payment 'chosen-rate'",
];

function refusalOf(ast: Parameters<typeof planEvaluation>[0], options: Parameters<typeof planEvaluation>[1]): SqlUnsupportedError | null {
  try {
    planEvaluation(ast, options);
    return null;
  } catch (error) {
    if (error instanceof SqlUnsupportedError) return error;
    throw error;
  }
}

describe.each(ENGINES)('%s', (engineName) => {
  const engine = useEngine(engineName);

  it('runs the evaluate cases and the readable corpus clauses', () => {
    expect(files.length).toBeGreaterThanOrEqual(44);
  });

  it.each(files)('%s', async (file) => {
    const fixture = readFixture(file);
    const parsed = parse(fixture.clause);
    if (!parsed.ast) throw new Error('no AST');
    let records: LedgerRecord[];
    let readIssues: RowIssue[] = [];
    if (Array.isArray(fixture.ledger)) records = fixture.ledger;
    else ({ records, issues: readIssues } = parseLedgerText(fixture.ledger.text, fixture.ledger.format));
    let schedule = null;
    if (fixture.schedule !== undefined) {
      const s = readSchedule(fixture.schedule);
      if (!s.ok) throw new Error(s.errors.join('; '));
      schedule = s.schedule;
    }
    const options = { ...fixture.context, schedule };
    if (NOT_SUPPORTED[basename(file)]) {
      expect(readIssues.length).toBeGreaterThan(0);
      return;
    }
    const refused = refusalOf(parsed.ast, options);
    if (refused !== null) {
      expect(REFUSED_FEATURES).toContain(refused.feature);
      await expect(evaluateOnEngine(engine(), parsed.ast, options, { kind: 'table', name: 'never_read' }, null)).rejects.toMatchObject({ feature: refused.feature });
      return;
    }
    const expected = evaluate(parsed.ast, records, { ...options, readIssues });
    const table = tableName('fx');
    await loadRecords(engine(), table, records);
    try {
      const actual = await evaluateOnEngine(engine(), parsed.ast, options, { kind: 'table', name: table }, null);
      expect(actual).toEqual(expected);
    } finally {
      await dropTable(engine(), table);
    }
  });
});
