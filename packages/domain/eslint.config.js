import { base, domainLayer } from '@opsledger/eslint-config';

// Shared with the browser: no node-only module, no other workspace package.
export default [...base, domainLayer];
