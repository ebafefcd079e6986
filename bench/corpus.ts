/**
 * Coverage of the real-clause corpus (spec/conformance/corpus/*.json): each case's clause is
 * validated and, when accepted, evaluated with the library against the case's ledger and context;
 * its expected milestones and obligations are compared field by field as given (a field the case
 * does not give is not compared; one the report lacks is a mismatch; decimal strings by value, so
 * "80000.00" equals "80000"). `npm run corpus` prints one
 * line per case and the coverage: cases accepted and read correctly over cases in domain.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { validate } from '../src/language/check';
import type { LedgerHolds } from '../src/language/ledger-holds';
import { evaluate, type EvaluationReport } from '../src/evaluation/evaluate';
import { readSchedule } from '../src/evaluation/schedule-reader';
import type { LedgerRecord } from '../src/ledger/rows';
import type { Diagnostic } from '../src/diagnostics';
import { Dec } from '../src/values/money';

/** The file, beside the cases, that lists the cases read correctly, one file name a line. */
export const PASSING = 'PASSING';

export interface CorpusCase {
  file: string;
  description: string;
  inDomain: boolean;
  constructs: string[];
  clause: string;
  context: { effectiveDate: string; timeZone?: string; asOf: string; fiscalYearStart?: string; ledgerHolds?: LedgerHolds; ledgerCurrency?: string };
  schedule?: unknown;
  ledger: LedgerRecord[];
  /**
   * What a careful reader reports: the milestones and obligations, or, for a clause whose result the
   * engine cannot compute, the error it must give (`code`) at the first occurrence of `at` in the clause.
   */
  expected: { milestones?: Record<string, unknown>[]; obligations?: Record<string, unknown>[]; diagnostic?: { code: string; at: string } };
}

export type Outcome =
  | { kind: 'read-correctly' }
  | { kind: 'misread'; mismatch: string }
  | { kind: 'evaluation-failed'; message: string }
  | { kind: 'rejected'; diagnostic: Diagnostic };

export interface CaseResult {
  file: string;
  inDomain: boolean;
  outcome: Outcome;
}

export function loadCorpus(dir: string): CorpusCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, ...(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<CorpusCase, 'file'>) }));
}

const isDecimal = (x: unknown): x is string => typeof x === 'string' && /^-?\d+(?:\.\d+)?$/.test(x);

/** The first field of `expected` that `actual` does not equal, as "path: expected … got …", or null. */
function firstMismatch(expected: unknown, actual: unknown, path: string): string | null {
  if (expected !== null && typeof expected === 'object') {
    if (Array.isArray(expected)) {
      if (!Array.isArray(actual)) return `${path}: expected a list, got ${JSON.stringify(actual)}`;
      if (actual.length !== expected.length) return `${path}: expected ${expected.length} entries, got ${actual.length}`;
      for (let i = 0; i < expected.length; i++) {
        const m = firstMismatch(expected[i], actual[i], `${path}[${i}]`);
        if (m) return m;
      }
      return null;
    }
    if (actual === null || typeof actual !== 'object') return `${path}: expected an object, got ${JSON.stringify(actual)}`;
    for (const [key, value] of Object.entries(expected)) {
      if (!(key in actual)) return `${path}.${key}: expected ${JSON.stringify(value)}, the report has no such field`;
      const m = firstMismatch(value, (actual as Record<string, unknown>)[key], `${path}.${key}`);
      if (m) return m;
    }
    return null;
  }
  if (expected === actual || (isDecimal(expected) && isDecimal(actual) && new Dec(expected).equals(actual))) return null;
  return `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

export function runCase(c: CorpusCase): CaseResult {
  const result = (outcome: Outcome): CaseResult => ({ file: c.file, inDomain: c.inDomain, outcome });
  const checked = validate(c.clause, { ledgerHolds: c.context.ledgerHolds });
  const error = checked.diagnostics.find((d) => d.severity === 'error');
  const refusal = c.expected.diagnostic;
  if (refusal) {
    // A refusal is read correctly only with the expected code at the expected word; accepting the
    // clause would report figures a careful reader cannot give.
    if (!error) return result({ kind: 'misread', mismatch: `expected the error ${refusal.code} at "${refusal.at}", the clause was accepted` });
    if (error.code === refusal.code && error.offset === c.clause.indexOf(refusal.at)) return result({ kind: 'read-correctly' });
    return result({ kind: 'rejected', diagnostic: error });
  }
  if (error || !checked.ast) return result({ kind: 'rejected', diagnostic: error ?? checked.diagnostics[0] });
  let schedule = null;
  if (c.schedule !== undefined) {
    const s = readSchedule(c.schedule);
    if (!s.ok) return result({ kind: 'evaluation-failed', message: `schedule: ${s.errors.join('; ')}` });
    schedule = s.schedule;
  }
  let report: EvaluationReport;
  try {
    report = evaluate(checked.ast, c.ledger, { ...c.context, schedule, readIssues: [] });
  } catch (e) {
    return result({ kind: 'evaluation-failed', message: `threw ${(e as Error).message}` });
  }
  if (!report.ok) return result({ kind: 'evaluation-failed', message: report.errors.map((e) => e.message).join('; ') });
  const mismatch =
    firstMismatch(c.expected.milestones ?? [], report.milestones, 'milestones') ?? firstMismatch(c.expected.obligations ?? [], report.obligations, 'obligations');
  return result(mismatch ? { kind: 'misread', mismatch } : { kind: 'read-correctly' });
}

export interface Coverage {
  inDomain: number;
  readCorrectly: number;
  accepted: number;
  /** Read correctly over in domain, as a percentage with one decimal. */
  percent: string;
}

export function coverage(results: CaseResult[]): Coverage {
  const inDomain = results.filter((r) => r.inDomain);
  const readCorrectly = inDomain.filter((r) => r.outcome.kind === 'read-correctly').length;
  const accepted = inDomain.filter((r) => r.outcome.kind !== 'rejected').length;
  return { inDomain: inDomain.length, readCorrectly, accepted, percent: ((100 * readCorrectly) / Math.max(inDomain.length, 1)).toFixed(1) };
}

function line(r: CaseResult): string {
  const tag = r.inDomain ? '' : ' (out of domain)';
  switch (r.outcome.kind) {
    case 'read-correctly':
      return `${r.file}${tag}: accepted, read correctly`;
    case 'misread':
      return `${r.file}${tag}: accepted, MISREAD: ${r.outcome.mismatch}`;
    case 'evaluation-failed':
      return `${r.file}${tag}: accepted, evaluation failed: ${r.outcome.message}`;
    case 'rejected': {
      const d = r.outcome.diagnostic;
      return `${r.file}${tag}: rejected at ${d.line}:${d.column} [${d.code}] ${d.message}`;
    }
  }
}

/** The cases recorded as read correctly: `npm test` holds every one of them to it. */
export function readPassing(dir: string): string[] {
  const file = join(dir, PASSING);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '');
}

/**
 * Adds the cases now read correctly to the recorded list and never removes one: a case that
 * stops being read correctly fails the corpus test instead of leaving the list quietly.
 */
function recordPassing(dir: string, results: CaseResult[]): number {
  const now = results.filter((r) => r.inDomain && r.outcome.kind === 'read-correctly').map((r) => r.file);
  const all = [...new Set([...readPassing(dir), ...now])].sort();
  writeFileSync(join(dir, PASSING), all.join('\n') + '\n');
  return all.length;
}

function main(): void {
  const args = process.argv.slice(2);
  const record = args.includes('--record');
  const dir = resolve(args.find((a) => !a.startsWith('--')) ?? 'spec/conformance/corpus');
  const results = loadCorpus(dir).map(runCase);
  for (const r of results) console.log(line(r));
  const c = coverage(results);
  console.log(`\n${c.readCorrectly} of ${c.inDomain} in-domain cases accepted and read correctly (${c.percent}%); ${c.accepted} accepted.`);
  if (record) console.log(`${recordPassing(dir, results)} cases recorded in ${PASSING}.`);
}

if (require.main === module) main();
