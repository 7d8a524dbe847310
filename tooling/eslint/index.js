import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The one lint config. Layering is enforced here: only packages/db may import a driver or
 * drizzle (see docs/architecture.md), so everything else goes through its re-exports.
 */
export const base = tseslint.config(
  { ignores: ['**/.next/**', '**/dist/**', '**/drizzle/**', '**/*.config.*', '**/next-env.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
);

const driverMessage = 'Only packages/db talks to the database; import from @opsledger/db.';

export const noDirectDatabase = {
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: ['drizzle-orm', 'postgres', '@electric-sql/pglite'].map((name) => ({
          name,
          message: driverMessage,
        })),
        patterns: [{ group: ['drizzle-orm/*', '@electric-sql/pglite/*'], message: driverMessage }],
      },
    ],
  },
};

export default [...base, noDirectDatabase];
