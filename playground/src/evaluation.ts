/**
 * The evaluation side of the engine (evaluator, ledger reader, schedule validation with ajv, CSV
 * writer (formula-safe, shared with the CLI) and the chart), loaded on first use so that the editor comes up with the parser alone.
 */
export { evaluateWithSeries } from '@engine/evaluation/checked-evaluate';
export { parseLedgerText } from '@engine/ledger/text-readers';
export { parseSchedule } from '@engine/evaluation/schedule-reader';
export { renderChart } from './chart';
export { csvTable } from '@engine/csv-output';
