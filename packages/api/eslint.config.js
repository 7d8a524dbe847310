import { base, dbUserLayer } from '@opsledger/eslint-config';

// The one package of the product that imports @opsledger/db (no driver, no Drizzle).
export default [...base, dbUserLayer];
