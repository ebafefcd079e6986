/**
 * Conformance fixtures (spec/fixtures/evaluate/*.json): clause text + context + ledger →
 * expected milestones, obligations, row counts and diagnostic codes, each computed by hand (the
 * `description` of every fixture shows the arithmetic). Expected entries are matched field by
 * field; arrays must have the same length. A fixture that expects success must give `obligations`
 * (possibly []) and `totals`.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parse } from '../src/language/parse';
import { evaluate, type EvaluationReport } from '../src/evaluation/evaluate';
import type { LedgerFormat, LedgerRecord, RowIssue } from '../src/ledger/rows';
import { parseLedgerText } from '../src/ledger/text-readers';
import { readSchedule } from '../src/evaluation/schedule-reader';

interface Fixture {
  description: string;
  clause: string;
  context: { effectiveDate: string; timeZone?: string; asOf: string };
  schedule?: unknown;
  ledger: LedgerRecord[] | { format: LedgerFormat; text: string };
  expected: {
    ok?: boolean;
    milestones?: object[];
    obligations?: object[];
    totals?: object[];
    rows?: object;
    diagnostics?: string[];
    notes?: string[];
    errors?: object[];
    errorCount?: number;
  };
}

const DIR = join(__dirname, 'fixtures', 'evaluate');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

export function runFixture(fixture: Fixture): EvaluationReport {
  const parsed = parse(fixture.clause);
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
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
  return evaluate(parsed.ast, records, { ...fixture.context, schedule, readIssues });
}

it('has at least 25 conformance fixtures and an error fixture per bad-input class', () => {
  expect(files.filter((f) => /^\d/.test(f)).length).toBeGreaterThanOrEqual(25);
  const codes = new Set(
    files.flatMap((f) => ((JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Fixture).expected.errors ?? []).map((e) => (e as { code: string }).code)),
  );
  for (const code of ['impossible-date', 'non-numeric-amount', 'currency-mismatch', 'duplicate-id', 'missing-column', 'schedule-missing-label']) {
    expect(codes).toContain(code);
  }
});

describe.each(files)('%s', (file) => {
  const fixture = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Fixture;
  it(fixture.description.slice(0, 100), () => {
    const report = runFixture(fixture);
    const x = fixture.expected;
    if (x.ok === false) {
      expect(report.ok).toBe(false);
      if (report.ok) return;
      expect(report.errors).toHaveLength(x.errors?.length ?? 0);
      expect(report.errors).toMatchObject(x.errors ?? []);
      expect(report.errorCount).toBe(x.errorCount);
      return;
    }
    if (!report.ok) throw new Error(`evaluation failed: ${JSON.stringify(report.errors)}`);
    if (x.milestones) {
      expect(report.milestones).toHaveLength(x.milestones.length);
      expect(report.milestones).toMatchObject(x.milestones);
    }
    // Every successful fixture pins its obligations (possibly none) and their totals.
    if (x.obligations === undefined || x.totals === undefined) throw new Error(`${file}: a fixture that expects success must give "obligations" and "totals"`);
    expect(report.obligations).toHaveLength(x.obligations.length);
    expect(report.obligations).toMatchObject(x.obligations);
    expect(report.totals).toEqual(x.totals);
    if (x.rows) expect(report.rows).toEqual(x.rows);
    if (x.diagnostics) expect(report.diagnostics.map((d) => d.code).sort()).toEqual([...x.diagnostics].sort());
    for (const text of x.notes ?? []) expect(report.notes.join('\n')).toContain(text);
  });
});
