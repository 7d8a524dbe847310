import { testConfig } from '@opsledger/vitest-config';

/**
 * The browser tests (`pnpm --filter @opsledger/web e2e`, after `next build`): one built portal
 * for all spec files, which run one at a time (2 cores: Chromium and Next share them).
 */
export default testConfig({
  include: ['e2e/**/*.e2e.ts'],
  globalSetup: ['e2e/global-setup.ts'],
  fileParallelism: false,
  testTimeout: 120_000,
});
