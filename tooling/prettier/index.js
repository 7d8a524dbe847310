import { fileURLToPath } from 'node:url';

/** @type {import("prettier").Config & import("@ianvs/prettier-plugin-sort-imports").PluginConfig} */
export default {
  printWidth: 100,
  singleQuote: true,
  trailingComma: 'all',
  // Imports sorted by the formatter, so merges never argue about their order: node built-ins,
  // packages, then workspace packages, then relative paths.
  // Resolved from here, the package that depends on it: prettier would look in the repo root.
  plugins: [fileURLToPath(import.meta.resolve('@ianvs/prettier-plugin-sort-imports'))],
  importOrder: ['<BUILTIN_MODULES>', '<THIRD_PARTY_MODULES>', '', '^@opsledger/', '', '^[.]'],
  importOrderTypeScriptVersion: '5.9.3',
};
