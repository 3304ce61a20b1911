// Shared Jest settings: swc transforms TypeScript (decorators and their metadata included),
// path aliases resolve to the libraries' public entries.
const path = require('node:path');

const root = __dirname;
const aliases = {
  '@zeren/domain': 'libs/domain/src/index.ts',
  '@zeren/events': 'libs/events/src/index.ts',
  '@zeren/testing': 'tools/testing/src/index.ts',
};

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
          // Rewritten at transform time, so files Jest loads outside its module map (global set-up) resolve too.
          baseUrl: root,
          paths: Object.fromEntries(Object.entries(aliases).map(([alias, file]) => [alias, [`./${file}`]])),
        },
        module: { type: 'commonjs', ignoreDynamic: true },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper: Object.fromEntries(Object.entries(aliases).map(([alias, file]) => [`^${alias}$`, path.join(root, file)])),
  moduleFileExtensions: ['ts', 'js', 'json'],
};
