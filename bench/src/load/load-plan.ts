import { z } from 'zod';

/**
 * What the load generator sends, handed to its process as its JSON argument: a
 * repeating cycle of `reads` list pages then `writes` batch writes on every connection, each
 * connection speaking for one of the teams' keys.
 */
export const LoadPlan = z.object({
  /** The server's base URL, without a trailing slash. */
  url: z.string().url(),
  connections: z.number().int().min(1),
  /** Either a duration or a number of requests ends the run. */
  durationS: z.number().positive().optional(),
  amount: z.number().int().positive().optional(),
  /** Service keys, one team each; connection i uses key i modulo their number. */
  keys: z.array(z.string()).min(1),
  /** auditLogs.scroll inputs the reads cycle through (page 1, filtered, ...). */
  reads: z.array(z.record(z.string(), z.unknown())),
  /** Per cycle: this many reads, then this many writes. */
  mix: z.object({ reads: z.number().int().min(0), writes: z.number().int().min(0) }),
  batchRows: z.number().int().min(1),
  /** When written rows happened: from `firstAt` on, `spacingMs` apart; by default, now. */
  rowsAt: z.object({ firstAt: z.number(), spacingMs: z.number().positive() }).optional(),
});
export type LoadPlan = z.infer<typeof LoadPlan>;

/** What the generator prints as its last line: autocannon's figures that the report uses. */
export const LoadOutcome = z.object({
  durationS: z.number(),
  requests: z.number(),
  requestsPerS: z.number(),
  p50Ms: z.number(),
  p99Ms: z.number(),
  /** Connection errors and timeouts, then answers other than 2xx, by status. */
  errors: z.number(),
  timeouts: z.number(),
  non2xx: z.number(),
  statuses: z.record(z.string(), z.number()),
  rowsWritten: z.number(),
});
export type LoadOutcome = z.infer<typeof LoadOutcome>;
