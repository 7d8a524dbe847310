import { z } from 'zod';

import { Did } from './apps';
import { batchOf, Day, Label, StorableString, Timestamp } from './common';
import { PageRequest, Paging } from './paging';
import { IpAddress } from './streams/write-meta';

/** One served request, as an access log line reports it. */
export const TrafficHitInput = z.object({
  appDid: Did,
  occurredAt: Timestamp.optional(),
  method: StorableString.max(20).default('GET'),
  path: StorableString.min(1).max(4000),
  status: z.number().int().min(100).max(599),
  bytes: z.number().int().min(0).default(0),
  /** Time the server took to generate the response. */
  durationMs: z.number().int().min(0).default(0),
  /** Who asked: a stable visitor id, else derived from ip and user agent. */
  visitorId: Label.optional(),
  ip: IpAddress.optional(),
  userAgent: StorableString.max(2000).optional(),
  referrer: StorableString.max(4000).optional(),
  /** Hits a filter leaves out of the figures (bots, health checks). */
  excluded: z.boolean().default(false),
  /** Size of the raw log line; estimated from the fields when absent. */
  logBytes: z.number().int().min(0).optional(),
  /**
   * Makes a retried or re-read hit count once per app (an access log's file identity and
   * byte offset, for example). Remembered as long as the raw hits are kept.
   */
  idempotencyKey: Label.optional(),
});
export type TrafficHitInput = z.infer<typeof TrafficHitInput>;
export const TrafficHitBatch = z.object({ items: batchOf(TrafficHitInput) });
export type TrafficHitBatch = z.infer<typeof TrafficHitBatch>;
/**
 * How many raw hits a batch stored (excluded ones included: they are counted too), and how
 * many it skipped because a hit with the same idempotency key was already stored.
 */
export const TrafficIngestResult = z.object({
  inserted: z.number().int(),
  duplicates: z.number().int(),
});
export type TrafficIngestResult = z.infer<typeof TrafficIngestResult>;

/** One app's traffic for one UTC day (the Blocklet TrafficInsight shape). */
export const TrafficInsight = z.object({
  did: z.string(),
  date: Day,
  totalRequests: z.number().int(),
  validRequests: z.number().int(),
  failedRequests: z.number().int(),
  generationTime: z.number().int(),
  uniqueVisitors: z.number().int(),
  uniqueFiles: z.number().int(),
  excludedHits: z.number().int(),
  uniqueReferrers: z.number().int(),
  uniqueNotFound: z.number().int(),
  uniqueStaticFiles: z.number().int(),
  logSize: z.number().int(),
  bandwidth: z.number().int(),
});
export type TrafficInsight = z.infer<typeof TrafficInsight>;

export const TrafficInsightFilter = z
  .object({ appDid: Did.optional(), startDate: Day.optional(), endDate: Day.optional() })
  .refine((f) => !f.startDate || !f.endDate || f.startDate <= f.endDate, {
    message: 'must not be before startDate',
    path: ['endDate'],
  });
export const TrafficInsightListInput = TrafficInsightFilter.and(PageRequest);
export type TrafficInsightListInput = z.infer<typeof TrafficInsightListInput>;
export const TrafficInsightPage = z.object({ list: z.array(TrafficInsight), paging: Paging });

const STATIC_FILE =
  /\.(?:css|js|mjs|map|png|jpe?g|gif|svg|webp|avif|ico|woff2?|ttf|otf|eot|mp4|webm|mp3|txt|xml|pdf)$/i;

export function isStaticPath(path: string): boolean {
  return STATIC_FILE.test(path.split(/[?#]/, 1)[0] ?? '');
}

/** An absolute path on the machine the worker runs on. */
export const AccessLogPath = StorableString.max(4096).refine((path) => path.startsWith('/'), {
  message: 'must be an absolute path',
});

/** Which nginx `combined` access log a worker tails for an app; a null path stops it. */
export const AccessLogSetInput = z.object({ appDid: Did, path: AccessLogPath.nullable() });
export type AccessLogSetInput = z.infer<typeof AccessLogSetInput>;

export const AccessLog = z.object({ appDid: z.string(), path: z.string(), updatedAt: Timestamp });
export type AccessLog = z.infer<typeof AccessLog>;
export const AccessLogList = z.object({ list: z.array(AccessLog) });
export type AccessLogList = z.infer<typeof AccessLogList>;
