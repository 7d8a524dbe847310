import { z } from 'zod';

import { IdempotencyKey, Timestamp } from '../common';

/** Fields every recorded event may carry besides its stream's own. */
export const WriteMeta = z.object({
  /** When it happened; defaults to the time the API receives it. */
  occurredAt: Timestamp.optional(),
  /** Makes a retried write a no-op: the first event with this key per team wins. */
  idempotencyKey: IdempotencyKey.optional(),
});

export const IpAddress = z.union([z.ipv4(), z.ipv6()], {
  message: 'must be an IPv4 or IPv6 address',
});

/** The result of recording a batch: how many were new and how many were retries. */
export const RecordResult = z.object({
  inserted: z.number().int(),
  duplicates: z.number().int(),
  ids: z.array(z.uuid()),
});
export type RecordResult = z.infer<typeof RecordResult>;
