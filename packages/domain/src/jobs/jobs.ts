import { z } from 'zod';

import { JsonObject, Label, Text } from '../common';

/**
 * What a job does; the worker has one handler per kind. A kind is a short name so other
 * parts (access-log tailing, retention) can add theirs without changing this schema.
 */
export const JobKind = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a lower-case name such as "sync"');
export type JobKind = z.infer<typeof JobKind>;

/** The kinds the API enqueues today. */
export const JOB_KINDS = { sync: 'sync', backup: 'backup', restore: 'restore' } as const;

export const ClaimJobInput = z.object({
  /** Who claims: logged with the lease, named when the lease is lost. */
  workerId: Label,
  /** Only jobs of these kinds (the handlers this worker has); all kinds when absent. */
  kinds: z.array(JobKind).min(1).max(20).optional(),
  /** How long to wait for a job before answering `null` (long poll). */
  waitMs: z.number().int().min(0).max(25_000).default(20_000),
});
export type ClaimJobInput = z.infer<typeof ClaimJobInput>;

export const ClaimedJob = z.object({
  id: z.uuid(),
  kind: JobKind,
  data: JsonObject,
  /** 1 for the first try, 2 for the first retry, ... */
  attempt: z.number().int(),
  /** Proves the lease in heartbeat, complete and fail: a worker whose lease expired has lost it. */
  leaseToken: z.uuid(),
  /** The lease lasts this long after the claim or the last heartbeat. */
  leaseSeconds: z.number().int(),
});
export type ClaimedJob = z.infer<typeof ClaimedJob>;

export const JobLease = z.object({ id: z.uuid(), leaseToken: z.uuid() });
export type JobLease = z.infer<typeof JobLease>;

export const CompleteJobInput = JobLease.extend({ output: JsonObject.optional() });
export type CompleteJobInput = z.infer<typeof CompleteJobInput>;

export const FailJobInput = JobLease.extend({ error: Text });
export type FailJobInput = z.infer<typeof FailJobInput>;

export const JOB_STATES = [
  'created',
  'retry',
  'active',
  'completed',
  'cancelled',
  'failed',
] as const;

export const JobInfo = z.object({
  id: z.uuid(),
  kind: z.string(),
  state: z.enum(JOB_STATES),
  retryCount: z.number().int(),
  retryLimit: z.number().int(),
  /** The last failure's message, kept when the job ends failed. */
  lastError: z.string().nullable(),
  output: JsonObject.nullable(),
});
export type JobInfo = z.infer<typeof JobInfo>;

export const JobRef = z.object({ id: z.uuid() });
export type JobRef = z.infer<typeof JobRef>;
