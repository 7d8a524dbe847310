import { testConfig } from '@opsledger/vitest-config';

export default testConfig({ setupFiles: ['./src/testing/quiet-logs.ts'] });
