/** The SQL engine tests (spec/sql): DuckDB in-process and a real PostgreSQL server; run by `npm run test:sql`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/spec/sql'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': '<rootDir>/spec/support/esbuild-transform.js' },
  // Generous: the machine these run on may be shared by many other jobs.
  testTimeout: 900000,
};
