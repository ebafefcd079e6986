/**
 * What the SQL path refuses: a clause feature it cannot express, or a name it will not put into a
 * query. Refusing is the rule; computing a different answer than `evaluate` never is.
 */
export class SqlUnsupportedError extends Error {
  /** What is not supported, e.g. `window 'fiscal-period'` or `identifier`. */
  readonly feature: string;

  constructor(feature: string, message: string) {
    super(message);
    this.name = 'SqlUnsupportedError';
    this.feature = feature;
  }
}
