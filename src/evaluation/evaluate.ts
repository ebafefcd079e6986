/**
 * Evaluating a clause against a ledger: milestone statuses and the obligations they trigger.
 *
 * `evaluate` takes the records in memory. `startEvaluation` is the streaming entry: it returns a
 * `TwoPassEvaluation` (two-pass.ts) that a reader feeds row by row, twice, so that a ledger far
 * larger than memory is evaluated in bounded memory (src/node/stream-evaluate.ts drives it over
 * files). Both give the same report for the same rows.
 */
import type { DocumentNode } from '../language/ast';
import type { LedgerRecord } from '../ledger/rows';
import { ContractEvaluation } from './evaluation';
import type { ChartSeries } from './metrics';
import type { EvaluationOptions, EvaluationReport } from './report';
import { runInMemory, type TwoPassEvaluation } from './two-pass';

export * from './report';
export type { ChartSeries } from './metrics';
export { runningTotals } from './metrics';
export type { SecondPassNeeds, TwoPassEvaluation } from './two-pass';

/** A two-pass evaluation of one contract, for a reader that streams the rows (see two-pass.ts). */
export function startEvaluation(ast: DocumentNode, options: EvaluationOptions): TwoPassEvaluation<EvaluationReport> {
  return new ContractEvaluation(ast, options);
}

/** Both passes over an in-memory array; row numbers are array positions + 1. */
export function evaluate(ast: DocumentNode, records: readonly LedgerRecord[], options: EvaluationOptions): EvaluationReport {
  return runInMemory(new ContractEvaluation(ast, options), records);
}

/**
 * `evaluate`, plus what a chart draws: per metric of the clause (and product), the exact amount
 * each evaluated day adds to the running total, from the same sums as the report (empty when the
 * evaluation failed).
 */
export function evaluateWithSeries(ast: DocumentNode, records: readonly LedgerRecord[], options: EvaluationOptions): { report: EvaluationReport; series: ChartSeries[] } {
  const evaluation = new ContractEvaluation(ast, options);
  const report = runInMemory(evaluation, records);
  return { report, series: evaluation.chartSeries() };
}
