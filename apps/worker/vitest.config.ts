import { testConfig } from '@opsledger/vitest-config';

// The API these tests serve in-process logs refused keys and the like; the report stays clean.
export default testConfig({ setupFiles: ['@opsledger/api/testing/quiet-logs'] });
