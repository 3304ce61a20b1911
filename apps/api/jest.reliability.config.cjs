// Long reliability runs (crashes, conflicts, load, fuzzing) against the real app: run after `npm run build`.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'api-reliability',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/reliability/**/*.reliability-spec.ts'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 600000,
  // Two cores: one heavy scenario at a time keeps the measured figures meaningful.
  maxWorkers: 1,
};
