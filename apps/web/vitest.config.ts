import { testConfig } from '@opsledger/vitest-config';

export default testConfig();
