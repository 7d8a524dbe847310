import { createEnv } from '@t3-oss/env-core';
import { z } from 'zod';

import { PostgresUrl } from '@opsledger/domain';

/**
 * With DATABASE_URL the bench measures PostgreSQL (in a database of its own next to the given
 * one); without it, a fresh embedded PGlite in a temporary directory. OPSLEDGER_BENCH_ONLY=portal
 * runs only the portal's benchmarks, and OPSLEDGER_BENCH_EVENTS sets how many events the
 * audit-log page's team holds (to prove the bench at a small scale).
 */
const parsed = createEnv({
  server: {
    DATABASE_URL: PostgresUrl.optional(),
    OPSLEDGER_BENCH_ONLY: z.enum(['portal']).optional(),
    OPSLEDGER_BENCH_EVENTS: z.coerce.number().int().min(1).optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});

export const env = {
  databaseUrl: parsed.DATABASE_URL,
  only: parsed.OPSLEDGER_BENCH_ONLY,
  events: parsed.OPSLEDGER_BENCH_EVENTS,
  /** What the portal's `next start` inherits (PATH and the like); the bench sets its own on top. */
  inherited: process.env,
};
