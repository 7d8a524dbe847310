import { base, dbLayer } from '@opsledger/eslint-config';

// The one package that may import the driver and Drizzle.
export default [...base, dbLayer];
