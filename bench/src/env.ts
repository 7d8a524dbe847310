import { createEnv } from '@t3-oss/env-core';
import { z } from 'zod';

import { PostgresUrl } from '@opsledger/domain';

/**
 * The bench's settings. With DATABASE_URL it measures PostgreSQL (in a database of its own
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
    /** Only these parts, comma-separated: api, trust, worker, portal, load; default all. */
    BENCH_ONLY: z.string().optional(),
    /** Fewer events for the list, trust and portal cases, for a run on a shared machine. */
    BENCH_EVENTS: z.coerce.number().int().min(1).optional(),
    /** The sizes `pnpm bench --scale` grows to, comma-separated, ascending, at most 10,000,000. */
    BENCH_SCALE_SIZES: z
      .string()
      .default('1000000,5000000,10000000')
      .transform((sizes) => sizes.split(',').map(Number))
      .pipe(z.array(z.number().int().min(250_000).max(10_000_000)).min(1)),
    /** The port (l)'s `next start` listens on, for runs confined to a range; default any free one. */
    BENCH_PORTAL_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
    /** `small` (2,000 files, 128 MiB) while the machine is shared; default the sizes. */
    BENCH_WORKER_SIZE: z.enum(['full', 'small']).default('full'),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});

const only = parsed.BENCH_ONLY?.split(',').map((part) => part.trim());

export const env = {
  databaseUrl: parsed.DATABASE_URL,
  benchDatabase: parsed.OPSLEDGER_BENCH_DATABASE ?? 'opsledger_bench',
  runs: (part: 'api' | 'trust' | 'worker' | 'portal' | 'load') => !only || only.includes(part),
  listEvents: parsed.BENCH_EVENTS,
  scaleSizes: parsed.BENCH_SCALE_SIZES,
  portalPort: parsed.BENCH_PORTAL_PORT,
  workerSizes:
    parsed.BENCH_WORKER_SIZE === 'small'
      ? { smallFiles: 2_000, bigFileMiB: 128 }
      : { smallFiles: 10_000, bigFileMiB: 1_024 },
};

/** The whole environment, for the CLI processes the bench starts (each validates its own). */
export const inheritedEnv = (): NodeJS.ProcessEnv => process.env;
