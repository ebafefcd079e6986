/**
 * The resource tier (`npm run test:limits`): each hostile class as a test with a bound on work (characters
 * scanned, bytes spooled, peak memory of the command), never on wall time. The CLI tests need `npm run build`.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/spec/limits'],
  testMatch: ['**/*.limits.ts'],
  transform: { '^.+\\.ts$': '<rootDir>/spec/support/esbuild-transform.js' },
  testTimeout: 300000,
};
