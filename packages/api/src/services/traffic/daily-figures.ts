import type { DailyUniqueCandidate } from '@opsledger/db';

import {
  UNIQUE_KINDS,
  uniqueDigest,
  uniqueValuesOf,
  type TrafficHit,
  type UniqueKind,
} from './traffic-hit';

/** One app's additions to one day's figures from a batch. */
export interface DailyIncrement {
  appId: string;
  day: string;
  totalRequests: number;
  failedRequests: number;
  excludedHits: number;
  generationTime: number;
  logSize: number;
  bandwidth: number;
  /** Values this day has not counted before; filled in once the database has said which. */
  fresh: Record<UniqueKind, number>;
}

export const dayKey = (appId: string, day: string) => `${appId}|${day}`;

const noneFresh = (): Record<UniqueKind, number> => ({
  visitor: 0,
  file: 0,
  referrer: 0,
  notFound: 0,
  staticFile: 0,
});

/**
 * Adds a batch up per app and day, and lists the values the days may count as new (each once,
 * sorted so concurrent batches take the uniques' row locks in one order). Excluded hits count
 * only as excluded.
 */
export function dailyFiguresOf(hits: readonly TrafficHit[]) {
  const days = new Map<string, DailyIncrement>();
  const candidates = new Map<string, DailyUniqueCandidate>();
  for (const hit of hits) {
    const key = dayKey(hit.appId, hit.day);
    let figures = days.get(key);
    if (!figures) {
      figures = {
        appId: hit.appId,
        day: hit.day,
        totalRequests: 0,
        failedRequests: 0,
        excludedHits: 0,
        generationTime: 0,
        logSize: 0,
        bandwidth: 0,
        fresh: noneFresh(),
      };
      days.set(key, figures);
    }
    if (hit.excluded) {
      figures.excludedHits += 1;
      continue;
    }
    figures.totalRequests += 1;
    if (hit.status >= 400) figures.failedRequests += 1;
    figures.generationTime += hit.durationMs;
    figures.logSize += hit.logBytes;
    figures.bandwidth += hit.bytes;
    for (const [kind, value] of uniqueValuesOf(hit)) {
      const candidate = {
        appId: hit.appId,
        day: hit.day,
        kind: UNIQUE_KINDS[kind],
        digest: uniqueDigest(value),
      };
      candidates.set(`${key}|${candidate.kind}|${candidate.digest}`, candidate);
    }
  }
  const uniques = [...candidates.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, candidate]) => candidate);
  return { days, uniques };
}

const KIND_NAMES = Object.fromEntries(
  Object.entries(UNIQUE_KINDS).map(([name, code]) => [code, name as UniqueKind]),
);

/** Records how many of a day's candidate values of a kind the database had not seen. */
export function addFresh(
  days: Map<string, DailyIncrement>,
  appId: string,
  day: string,
  kind: number,
  fresh: number,
) {
  const figures = days.get(dayKey(appId, day));
  const name = KIND_NAMES[kind];
  if (!figures || !name) throw new Error(`unexpected unique count for ${appId} ${day} ${kind}`);
  figures.fresh[name] += fresh;
}
