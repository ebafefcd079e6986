/**
 * The slow tier (`npm run test:slow`, run by `.ci/run` after `npm test`): every spec/**\/*.slow.test.ts outside
 * spec/sql (which needs a PostgreSQL server). Big property and fuzz runs, generated-sentence sweeps and other tests
 * with much work each belong here, named *.slow.test.ts beside the fast tests of their subject.
 */
const fast = require('./jest.config');

module.exports = {
  ...fast,
  testMatch: ['**/*.slow.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/spec/sql/'],
  // Generous: these do much work per test, on machines that may be shared.
  testTimeout: 600000,
};
