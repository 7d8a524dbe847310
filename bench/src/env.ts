import { createEnv } from '@t3-oss/env-core';
import { z } from 'zod';

import { PostgresUrl } from '@opsledger/domain';

/**
 * The bench's one setting. With DATABASE_URL it measures PostgreSQL (in a database of its own
 * next to the given one); without it, a fresh embedded PGlite in a temporary directory.
 */
const parsed = createEnv({
  server: {
    DATABASE_URL: PostgresUrl.optional(),
    /** Another database name than opsledger_bench, for runs side by side on one server. */
    OPSLEDGER_BENCH_DATABASE: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/)
      .optional(),
    /** Fewer events for (b)-(f) than the default, for a run on a shared machine. */
    BENCH_EVENTS: z.coerce.number().int().min(200_000).optional(),
    /** `list-trust`: only the cases on the list team ((b), (d)-(f)). */
    BENCH_ONLY: z.enum(['list-trust']).optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});

export const env = {
  databaseUrl: parsed.DATABASE_URL,
  benchDatabase: parsed.OPSLEDGER_BENCH_DATABASE ?? 'opsledger_bench',
  events: parsed.BENCH_EVENTS,
  only: parsed.BENCH_ONLY,
};

/** The whole environment, for the CLI processes the bench starts (each validates its own). */
export const inheritedEnv = (): NodeJS.ProcessEnv => process.env;
