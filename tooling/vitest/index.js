import { basename } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The one test config. Database tests open PGlite or PostgreSQL, so the timeouts are generous
 * (a noisy 2-core machine; never a timing assertion). When OPSLEDGER_TEST_REPORT_DIR is set
 * (CI), each run also writes a JSON report that .ci/run adds up into its closing line.
 * Plain JavaScript: vitest loads configs from node_modules without transpiling them.
 *
 * @param {import('vitest/config').ViteUserConfig['test']} [overrides]
 */
export function testConfig(overrides = {}) {
  const reportDir = process.env.OPSLEDGER_TEST_REPORT_DIR;
  const database = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  return defineConfig({
    test: {
      testTimeout: 60_000,
      hookTimeout: 120_000,
      reporters: reportDir
        ? [
            'default',
            ['json', { outputFile: `${reportDir}/${basename(process.cwd())}-${database}.json` }],
          ]
        : ['default'],
      ...overrides,
    },
  });
}
