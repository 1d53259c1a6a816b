// ESLint flat config: type-aware TypeScript rules plus the layering of conventions.md
// (core <- ingest/storage/generate/compute <- server/cli/reports), enforced per folder; import
// cycles are checked by scripts/check-cycles.mjs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const upper = ['server', 'cli', 'reports'];
const middle = ['ingest', 'storage', 'generate', 'simulate', 'compute'];
// plan (territories, simulation, on-call, costs, relevance) is pure like core and sits on it.
const plan = ['plan'];
const banFolders = (folders) =>
  folders.flatMap((f) => [`**/${f}/**`, `../${f}`, `../${f}/*`, `../../${f}`, `../../${f}/*`]);

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'bench/out/', 'test-artifacts/', '.tmp/', 'plateau-data/'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { process: 'readonly', console: 'readonly' },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*'],
              message: 'core is pure: no Node built-ins (do I/O in ingest/storage/cli).',
            },
            {
              group: [...banFolders([...upper, ...middle, ...plan]), '**/web/**'],
              message: 'core depends on nothing above it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/plan/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*'],
              message: 'plan is pure: no Node built-ins (read files in ingest, store in storage).',
            },
            {
              group: [...banFolders([...upper, ...middle]), '**/web/**'],
              message: 'plan depends on core only.',
            },
          ],
        },
      ],
    },
  },
  {
    // Table exports run in the browser too: no Node built-ins, nothing but core below them.
    files: ['src/export/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'export is pure (browser and Node): no Node built-ins.' },
            {
              group: [...banFolders([...upper, ...middle]), '**/web/**'],
              message: 'export depends on core and fflate only.',
            },
          ],
        },
      ],
    },
  },
  {
    // The browser app (src/web, .tsx too) and the pure chart and language modules it shares with
    // the PDF reports: no Node built-ins, no server, store or readers below them.
    files: ['src/web/**/*.{ts,tsx}', 'src/charts/**/*.ts', 'src/i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*'],
              message: 'web, charts and i18n run in the browser: no Node built-ins.',
            },
            {
              group: banFolders([...upper, ...middle]),
              message: 'web, charts and i18n use core, export and the API types only.',
            },
          ],
        },
      ],
    },
  },
  {
    // Charts and words are pure functions of data: no React, no DOM helpers.
    files: ['src/charts/**/*.ts', 'src/i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'charts and i18n are pure: no Node built-ins.' },
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
              message: 'charts and i18n are pure: no React.',
            },
            {
              group: [...banFolders([...upper, ...middle]), '**/web/**'],
              message: 'charts and i18n depend on core types only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: middle.map((f) => `src/${f}/**/*.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...banFolders(upper), '**/web/**'],
              message:
                'ingest/storage/generate/simulate must not import server, cli, reports or web.',
            },
          ],
        },
      ],
    },
  },
  {
    // src/web is built by Vite for the browser only (tsconfig.build.json leaves it out of dist/):
    // what the server, the command line and the reports share with it lives in charts/ or i18n/.
    files: upper.map((f) => `src/${f}/**/*.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/web/**'],
              message: 'src/web is not in dist/: share through src/charts or src/i18n.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // Tests index fixtures they just built; a wrong `!` fails the test loudly, which is the point.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['bin/**/*.js', 'bench/**/*.js', 'scripts/**/*.mjs', '*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        performance: 'readonly',
        globalThis: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
);
