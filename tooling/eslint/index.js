import js from '@eslint/js';
import tseslint from 'typescript-eslint';

import { appLayer } from './layering.js';

/**
 * The one lint config. Each package's eslint.config.js adds its layer from layering.js (see
 * docs/architecture.md): who may import a driver, @opsledger/db or node-only modules.
 */
export const base = tseslint.config(
  { ignores: ['**/.next/**', '**/dist/**', '**/drizzle/**', '**/*.config.*', '**/next-env.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    // Each package's tsconfig.json, found per file; eslint runs from the package's folder.
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: process.cwd() } },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'error',
      // An `async` method here implements a Promise-returning interface (fakes, stores, queue
      // builders); rewriting each as `return Promise.resolve(…)` would read worse and catch
      // nothing: a throw must still become a rejection, which only `async` guarantees.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Configuration comes only from an app's env.ts, validated there; packages take it as
    // parameters (docs/architecture.md).
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: "Read configuration in the app's env.ts and pass it in as a parameter.",
        },
      ],
    },
  },
  {
    // Where the environment is read: each app's env.ts, and tests and their helpers, which
    // are not apps and read what the run sets (DATABASE_URL picks the database under test).
    files: ['**/env.ts', '**/*.test.ts', '**/*.testing.ts', '**/testing/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Tests compare answers with vitest's asymmetric matchers (expect.any, objectContaining),
    // which vitest types as `any`, and read raw JSON answers the way a client would: the
    // unsafe-any rules would flag every such assertion without finding a bug.
    files: ['**/*.test.ts', '**/*.testing.ts', '**/testing/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  // Plain JavaScript (bins, scripts) is in no tsconfig: lint it without types.
  { files: ['**/*.{js,mjs,cjs}'], ...tseslint.configs.disableTypeChecked },
);

export { appLayer, dbLayer, dbUserLayer, domainLayer } from './layering.js';

/** Apps, the client and tooling: no driver, no @opsledger/db (see layering.js). */
export default [...base, appLayer];
