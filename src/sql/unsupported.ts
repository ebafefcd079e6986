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

/**
 * A shortfall, a top-up or an attainment table with no payer and payee the evaluator can name is not settled as one in
 * memory (it is read as another payment, or not paid): a reading the SQL path does not repeat, so it is refused by name.
 */
export function withoutParties(what: 'shortfall payment' | 'top-up' | 'attainment table'): SqlUnsupportedError {
  const article = what === 'attainment table' ? 'an' : 'a';
  return new SqlUnsupportedError(
    `${what} without parties`,
    `the SQL engines do not support ${article} ${what} whose payer and payee the clause does not name; evaluate this clause with the in-memory engine`,
  );
}
