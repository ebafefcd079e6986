/**
 * Random ledgers of 2026 for property tests: rows drawn as a day of the year and an amount in cents
 * (negative: a refund), and the evaluation of a clause text over them, which must succeed.
 */
import fc from 'fast-check';
import { parse } from '../../src/language/parse';
import { evaluate, type EvaluationSuccess } from '../../src/evaluation/evaluate';
import type { EvaluationOptions } from '../../src/evaluation/report';
import type { LedgerRecord } from '../../src/ledger/rows';

/** Up to `maxLength` rows on days 1..`days` of 2026, each between `minCents` and `maxCents`. */
export const dayLedger = (days: number, minCents: number, maxCents: number, maxLength: number) =>
  fc.array(fc.record({ day: fc.integer({ min: 1, max: days }), cents: fc.integer({ min: minCents, max: maxCents }) }), { minLength: 1, maxLength });

/** The drawn row as a ledger record: id R<n>, the day's date, the amount in dollars. */
export const dayRecord = (r: { day: number; cents: number }, i: number): LedgerRecord => ({
  id: `R${i + 1}`,
  date: new Date(Date.UTC(2026, 0, r.day)).toISOString().slice(0, 10),
  amount: (r.cents / 100).toFixed(2),
});

/** The report of `text` over `rows`; an evaluation that fails is a test failure. */
export function evaluateText(text: string, rows: LedgerRecord[], options: EvaluationOptions): EvaluationSuccess {
  const report = evaluate(parse(text).ast!, rows, options);
  if (!report.ok) throw new Error(JSON.stringify(report.errors));
  return report;
}
