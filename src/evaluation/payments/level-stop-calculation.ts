/**
 * The calculation of one period's amount of a rate owed until a running total reaches a level (level-stop.ts), as data,
 * in a file of its own so that the report's types can name it without importing the evaluation.
 */
/** The calculation of one period's amount, as data: the base is the period's total, or the level less the running total before the period. */
export interface LevelStopCalculation {
  kind: 'rate-to-level';
  rate: string;
  /** What the rate applies to. */
  base: string;
  /** The running total from the effective date before the period. */
  runningTotalBefore: string;
  level: string;
  /** True for the period in which the running total reaches the level: the base is `level − runningTotalBefore`. */
  prorated: boolean;
  amount: string;
}
