/**
 * `npm test`: the fast tier, run against the TypeScript sources (`npm test` type-checks and builds first, pretest).
 * A test file named *.slow.test.ts is the slow tier's (jest.slow.config.js, `npm run test:slow`): big property and
 * fuzz runs, generated-sentence sweeps, anything that does much work per test; `.ci/run` runs both tiers.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/spec'],
  testMatch: ['**/*.test.ts'],
  // The SQL engine tests need a PostgreSQL server: `npm run test:sql` starts one and runs them.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/spec/sql/', '\\.slow\\.test\\.ts$'],
  // Types are stripped file by file (tsc checks them in pretest): see spec/support/esbuild-transform.js.
  transform: { '^.+\\.ts$': '<rootDir>/spec/support/esbuild-transform.js' },
  // Jest's default is one worker fewer than the cores: on two cores, one; the tests share nothing, so use them all.
  maxWorkers: '100%',
  testTimeout: 60000,
};
