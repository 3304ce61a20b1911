import nx from '@nx/eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.zeren-data/**', '**/test-results/**', 'apps/web/src/generated/**'] },
  ...tseslint.configs.recommended,
  { files: ['**/*.mjs', '**/*.cjs'], languageOptions: { globals: { ...globals.node } }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          banTransitiveDependencies: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:events', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:events'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['type:domain', 'type:events'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['type:domain', 'type:events', 'type:testing'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['type:testing', 'type:domain', 'type:events'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:domain', 'type:events', 'type:testing'] },
          ],
        },
      ],
    },
  },
  {
    // The domain is pure: no framework, no database, no I/O.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'pg', 'pg-*', 'express', 'node:fs', 'node:net', 'node:http', 'fs', 'http'], message: 'libs/domain is pure TypeScript: no framework, database or I/O.' },
            { group: ['**/apps/**', '@zeren/events/*'], message: 'Import libraries through their public entry only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/events/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'pg', 'express', '@zeren/domain'], message: 'libs/events depends on nothing but zod and node:crypto.' },
            { group: ['**/apps/**'], message: 'Libraries never import applications.' },
          ],
        },
      ],
    },
  },
  {
    // Emmett is installed only as the command benchmark's baseline. The typescript-eslint twin of
    // the rule, so the per-folder no-restricted-imports lists above stay in force beside it.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['tools/bench/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['@event-driven-io/*'], message: 'Emmett is a benchmark baseline: import it only in tools/bench.' }] }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/test/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
  },
);
