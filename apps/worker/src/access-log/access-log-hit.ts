import { isbot } from 'isbot';
import type { z } from 'zod';

import {
  DEFAULT_EVENT_TIME_BOUNDS,
  eventTimeProblem,
  IpAddress,
  TrafficHitInput,
} from '@opsledger/domain';

import type { CombinedLogEntry } from './parse-combined';

export type TrafficHitWrite = z.input<typeof TrafficHitInput>;

/** Why a parsed line cannot become a hit the API takes. */
export type HitProblem = 'invalid' | 'time';

const USER_AGENT_MAX = 2000;
const REFERRER_MAX = 4000;

/**
 * The hit an access log line reports, keyed for idempotency, with bots (by `isbot`, a
 * maintained list of crawler and tool user agents) marked excluded: they are counted apart, as
 * excludedHits. A field the API would refuse (a path over its limit, an unstorable character)
 * makes the line unusable rather than the batch: one odd line must not hold up the log.
 */
export function accessLogHit(
  entry: CombinedLogEntry,
  {
    appDid,
    idempotencyKey,
    lineBytes,
    now,
  }: {
    appDid: string;
    idempotencyKey: string;
    lineBytes: number;
    now: number;
  },
): { ok: true; hit: TrafficHitWrite } | { ok: false; problem: HitProblem } {
  if (eventTimeProblem(entry.time, now, DEFAULT_EVENT_TIME_BOUNDS) !== null) {
    return { ok: false, problem: 'time' };
  }
  const hit: TrafficHitWrite = {
    appDid,
    occurredAt: entry.time,
    method: entry.method,
    path: entry.target,
    status: entry.status,
    bytes: entry.bytes,
    ...(IpAddress.safeParse(entry.remoteAddr).success ? { ip: entry.remoteAddr } : {}),
    ...(entry.userAgent === null ? {} : { userAgent: entry.userAgent.slice(0, USER_AGENT_MAX) }),
    ...(entry.referrer === null ? {} : { referrer: entry.referrer.slice(0, REFERRER_MAX) }),
    excluded: isbot(entry.userAgent ?? ''),
    logBytes: lineBytes,
    idempotencyKey,
  };
  return TrafficHitInput.safeParse(hit).success
    ? { ok: true, hit }
    : { ok: false, problem: 'invalid' };
}
