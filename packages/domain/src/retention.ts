import { z } from 'zod';

import { STREAMS } from './streams/envelope';

/** What a team's retention policies govern: the event streams, and the raw traffic hits. */
export const RETENTION_STREAMS = [...STREAMS, 'traffic'] as const;
export const RetentionStream = z.enum(RETENTION_STREAMS);
export type RetentionStream = z.infer<typeof RetentionStream>;

/**
 * How long each stream is kept when its team's owner has set nothing, in days (null: forever).
 * User and system events 6 months, as HBlock keeps them; raw traffic hits 35 days (the daily
 * figures are kept); audit, activity and passport logs until an owner sets a limit.
 */
export const DEFAULT_RETENTION_DAYS: Record<RetentionStream, number | null> = {
  audit: null,
  activity: null,
  passport: null,
  user: 183,
  system: 183,
  traffic: 35,
};

/** The longest limit a policy may set: a hundred years. */
export const MAX_RETENTION_DAYS = 36_500;

/** One stream's retention as a team has it. */
export const RetentionPolicy = z.object({
  stream: RetentionStream,
  /** Days kept; null keeps the stream forever. */
  days: z.number().int().nullable(),
  /** Whether this is the default (no owner has set it). */
  isDefault: z.boolean(),
});
export type RetentionPolicy = z.infer<typeof RetentionPolicy>;

export const RetentionPolicies = z.object({ policies: z.array(RetentionPolicy) });
export type RetentionPolicies = z.infer<typeof RetentionPolicies>;

/** A change of one stream's retention: a number of days, or null to keep it forever. */
export const RetentionSetInput = z.object({
  stream: RetentionStream,
  days: z.number().int().min(1).max(MAX_RETENTION_DAYS).nullable(),
});
export type RetentionSetInput = z.infer<typeof RetentionSetInput>;

/** What one retention run removed. */
export const RetentionRunResult = z.object({
  /** Event partitions dropped, by month (YYYY-MM). */
  droppedMonths: z.array(z.string()),
  /** Months every policy has expired but whose drop would break a team's chain prefix. */
  heldMonths: z.array(z.string()),
  /** Chain anchors recorded or moved forward. */
  anchoredTeams: z.number().int(),
  /** Raw traffic hits deleted. */
  prunedTrafficHits: z.number().int(),
});
export type RetentionRunResult = z.infer<typeof RetentionRunResult>;
