/** Tests run against the TypeScript sources; `npm test` type-checks and builds first (pretest). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/spec'],
  testMatch: ['**/*.test.ts'],
  // The SQL engine tests need a PostgreSQL server: `npm run test:sql` starts one and runs them.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/spec/sql/'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  testTimeout: 60000,
};
