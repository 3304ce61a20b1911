// Shared Jest settings: swc transforms TypeScript (decorators and their metadata included),
// path aliases resolve to the libraries' public entries.
const path = require('node:path');

const root = __dirname;

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2023',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
        },
        module: { type: 'commonjs', ignoreDynamic: true },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper: {
    '^@zeren/domain$': path.join(root, 'libs/domain/src/index.ts'),
    '^@zeren/events$': path.join(root, 'libs/events/src/index.ts'),
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
