/**
 * A target the total meets before any sale (at least zero: an AST the checks refuse as text, non-positive-target, but
 * the evaluator's own rule): met from the window's first counted day, by no row, with a note; a period tested on its
 * total only while that total still meets it. The SQL path refuses it by name.
 */
import { validate } from '../../src/language/check';
import { evaluate, type EvaluationSuccess } from '../../src/evaluation/evaluate';
import { checkSupported, planEvaluation } from '../../src/sql/plan';
import type { DocumentNode } from '../../src/language/ast';

function atLeastZero(text: string): DocumentNode {
  const ast = validate(text).ast!;
  const m = ast.clauses[0].milestones[0];
  if (m.target.kind !== 'revenue') throw new Error('a revenue target');
  const target = { ...m.target, amount: { ...m.target.amount, amount: '0', text: '$0' } };
  return { ...ast, clauses: [{ ...ast.clauses[0], milestones: [{ ...m, target, comparator: { ...m.comparator!, strict: false, words: 'at least' } }] }] };
}

test('each calendar quarter: met from its start while its total is not below zero; a dip below and back is met at the row that brings it back', () => {
  const ast = atLeastZero('If Net Sales exceed $100,000 in each calendar quarter, the Company shall pay the Agent a bonus of $5,000.');
  const ledger = [
    { id: 'S1', date: '2026-02-10', amount: '500' },
    // Q2: no rows. Q3: below zero, then back to zero.
    { id: 'R1', date: '2026-07-05', amount: '-100' },
    { id: 'S2', date: '2026-08-01', amount: '100' },
    // Q4: below zero at its end.
    { id: 'R2', date: '2026-11-01', amount: '-1' },
  ];
  const report = evaluate(ast, ledger, { effectiveDate: '2026-01-15', timeZone: 'UTC', asOf: '2026-12-31' }) as EvaluationSuccess;
  expect(report.ok).toBe(true);
  expect(report.milestones.map((m) => [m.windowStart, m.status, m.achievedAt, m.achievedBy, m.total])).toEqual([
    ['2026-01-15', 'met', '2026-01-15', null, '500'],
    ['2026-04-01', 'met', '2026-04-01', null, '0'],
    ['2026-07-01', 'met', '2026-08-01', 'S2', '0'],
    ['2026-10-01', 'missed', null, null, '-1'],
  ]);
  expect(report.obligations.map((o) => [o.triggeredAt, o.triggeredBy, o.amount])).toEqual([
    ['2026-01-15', null, '5000.00'],
    ['2026-04-01', null, '5000.00'],
    ['2026-08-01', 'S2', '5000.00'],
  ]);
  expect(report.notes).toContain("milestone 1 instance 2: the target 0 is met by a total of zero, before any sale, so the milestone is met from the window's first counted day, 2026-04-01, by no row (the period's total, 0, still meets it)");
});

test('a running total from the effective date with no sales at all: met on the effective date, by no row', () => {
  const ast = atLeastZero('The Company shall pay the Agent a bonus of $5,000 when Gross Sales during the first year are at least $250,000.');
  const report = evaluate(ast, [], { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2026-03-31' }) as EvaluationSuccess;
  expect(report.milestones.map((m) => [m.status, m.achievedAt, m.achievedBy])).toEqual([['met', '2026-01-01', null]]);
  expect(report.obligations.map((o) => [o.triggeredAt, o.amount])).toEqual([['2026-01-01', '5000.00']]);
});

test('the SQL path refuses it by name', () => {
  const ast = atLeastZero('If Net Sales exceed $100,000 in each calendar quarter, the Company shall pay the Agent a bonus of $5,000.');
  expect(() => checkSupported(ast)).not.toThrow();
  expect(() => planEvaluation(ast, { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '2026-12-31' })).toThrow(expect.objectContaining({ feature: 'target met before any sale' }));
});
