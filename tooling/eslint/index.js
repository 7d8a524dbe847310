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

export { appLayer, dbLayer, dbUserLayer, domainLayer } from './layering.js';

/** Apps, the client and tooling: no driver, no @opsledger/db (see layering.js). */
export default [...base, appLayer];
