import { base, dbUserLayer } from '@opsledger/eslint-config';

// A tool, not part of the product: it seeds, measures and verifies the database directly, so it
// may import @opsledger/db (and its testing helpers) like packages/api; still no driver.
export default [...base, dbUserLayer];
