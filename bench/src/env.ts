import { createEnv } from '@t3-oss/env-core';

import { PostgresUrl } from '@opsledger/domain';

/**
 * The bench's one setting. With DATABASE_URL it measures PostgreSQL (in a database of its own
 * next to the given one); without it, a fresh embedded PGlite in a temporary directory.
 */
const parsed = createEnv({
  server: { DATABASE_URL: PostgresUrl.optional() },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});

export const env = { databaseUrl: parsed.DATABASE_URL };
