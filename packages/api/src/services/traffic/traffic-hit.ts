import { createHash } from 'node:crypto';

import type { TrafficHitRow } from '@opsledger/db';
import { isStaticPath, type TrafficHitInput } from '@opsledger/domain';

/** A hit as stored, with what the daily figures need already derived. */
export interface TrafficHit extends TrafficHitRow {
  /** The UTC day the hit counts towards. */
  day: string;
  logBytes: number;
  /** Makes the hit count once per app; null when the writer gave none. */
  idempotencyKey: string | null;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

/**
 * The length of the hit's line in the combined log format, for writers that do not report the
 * line they parsed: close to what the access log holds, which is what logSize measures.
 */
export function estimatedLogBytes(hit: TrafficHitInput, occurredAt: string): number {
  const line =
    `${hit.ip ?? '-'} - - [${occurredAt}] "${hit.method} ${hit.path} HTTP/1.1" ` +
    `${hit.status} ${hit.bytes} "${hit.referrer ?? '-'}" "${hit.userAgent ?? '-'}"\n`;
  return Buffer.byteLength(line, 'utf8');
}

export function trafficHitOf(hit: TrafficHitInput, appId: string, receivedAt: string): TrafficHit {
  const occurredAt = hit.occurredAt ?? receivedAt;
  return {
    appId,
    day: occurredAt.slice(0, 10),
    occurredAt,
    method: hit.method,
    path: hit.path,
    status: hit.status,
    bytes: hit.bytes,
    durationMs: hit.durationMs,
    // Without a visitor id, the same address with the same browser is the same visitor.
    visitor: hit.visitorId ?? sha256(`${hit.ip ?? ''}\n${hit.userAgent ?? ''}`),
    referrer: hit.referrer || null,
    userAgent: hit.userAgent ?? null,
    excluded: hit.excluded,
    logBytes: hit.logBytes ?? estimatedLogBytes(hit, occurredAt),
    idempotencyKey: hit.idempotencyKey ?? null,
  };
}

/** What a day counts once, whatever the number of hits; the codes stored in the uniques table. */
export const UNIQUE_KINDS = {
  visitor: 1,
  file: 2,
  referrer: 3,
  notFound: 4,
  staticFile: 5,
} as const;
export type UniqueKind = keyof typeof UNIQUE_KINDS;

/** The values of a hit that the day counts once each, by kind. */
export function uniqueValuesOf(hit: TrafficHit): [UniqueKind, string][] {
  const values: [UniqueKind, string][] = [
    ['visitor', hit.visitor],
    ['file', hit.path],
  ];
  if (hit.referrer !== null) values.push(['referrer', hit.referrer]);
  if (hit.status === 404) values.push(['notFound', hit.path]);
  if (isStaticPath(hit.path)) values.push(['staticFile', hit.path]);
  return values;
}

/** A short fixed-size stand-in for a value in the uniques table: paths can be long. */
export const uniqueDigest = (value: string) => sha256(value).slice(0, 22);
