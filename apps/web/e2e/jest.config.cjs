// Browser tests: playwright-core drives Debian's chromium against the built app (npm run build first).
module.exports = {
  ...require('../../../jest.preset.cjs'),
  displayName: 'web-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e-spec.ts'],
  testTimeout: 120000,
  maxWorkers: 1,
};
