/**
 * One shape across stages: clause diagnostics, evaluation diagnostics and ledger row issues each
 * have a view as a Finding (code, severity, message, location), while their own objects, and so the
 * `--json` output, stay as they are.
 */
import { clauseFinding, type Finding } from '../../src/diagnostics';
import { validate } from '../../src/language/check';
import { evaluate, evaluationFinding } from '../../src/evaluation/evaluate';
import { rowFinding } from '../../src/ledger/rows';
import { parseCsvLedger } from '../../src/ledger/text-readers';

const SEED =
  'The Seller agrees to meet the following sales milestones: (i) $100,000 in sales revenue by the end of the first month. ' +
  'Upon achieving each milestone, the Seller will be entitled to receive the corresponding commission payment as outlined in Section [X].';

const shape = (f: Finding): string[] => Object.keys(f).sort();

test('a clause diagnostic: its range in the text', () => {
  const d = validate(SEED).diagnostics.find((x) => x.code === 'placeholder-reference');
  if (!d) throw new Error('no placeholder warning');
  const f = clauseFinding(d);
  expect(shape(f)).toEqual(['code', 'location', 'message', 'severity']);
  expect(f).toMatchObject({ code: 'placeholder-reference', severity: 'warning', location: { kind: 'text', line: d.line, column: d.column, offset: d.offset } });
});

test('a row issue and the evaluation error it becomes: the same code, row and column', () => {
  const ledger = parseCsvLedger('id,date,amount\nA,2026-01-05,12\nB,2026-02-30,5\n');
  const ast = validate(SEED).ast!;
  const report = evaluate(ast, ledger.records, { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2026-03-01', readIssues: ledger.issues });
  if (report.ok) throw new Error('expected the impossible date to fail the evaluation');
  const f = evaluationFinding(report.errors[0]);
  expect(shape(f)).toEqual(['code', 'location', 'message', 'severity']);
  expect(f).toMatchObject({ code: 'impossible-date', severity: 'error', location: { kind: 'row', row: 2, column: 'date', value: '2026-02-30' } });
  expect(Object.keys(report.errors[0])).toEqual(['row', 'column', 'value', 'code', 'message', 'severity']);
  const malformed = parseCsvLedger('id,date,amount\nA,2026-01-05\n').issues[0];
  expect(rowFinding(malformed)).toMatchObject({ code: 'malformed-row', severity: 'error', location: { kind: 'row', row: 1, column: '*' } });
});

test('an evaluation diagnostic about a milestone, or about the inputs', () => {
  const ast = validate(SEED).ast!;
  const report = evaluate(ast, [{ id: 'A', date: '2026-01-05', amount: '200000' }], { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2026-03-01' });
  if (!report.ok) throw new Error(JSON.stringify(report.errors));
  expect(evaluationFinding(report.diagnostics.find((d) => d.code === 'unresolved-payment')!)).toMatchObject({ severity: 'warning', location: { kind: 'milestone', label: 'i' } });
  const bad = evaluate(ast, [], { effectiveDate: '2026-02-30', timeZone: 'UTC', asOf: '2026-03-01' });
  if (bad.ok) throw new Error('expected an invalid context');
  expect(evaluationFinding(bad.errors[0])).toMatchObject({ code: 'invalid-context', location: { kind: 'input' } });
});
