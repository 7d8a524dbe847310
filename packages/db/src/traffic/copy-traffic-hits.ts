import { copyTextRow, type RawTransaction } from '../connection/raw';
import { copyTargetOf } from '../copy/copy-target';
import { trafficHits } from '../schema/traffic';

/** A hit as the traffic_hits table stores it (its team given apart). */
export interface TrafficHitRow {
  appId: string;
  occurredAt: string;
  method: string;
  path: string;
  status: number;
  bytes: number;
  durationMs: number;
  visitor: string;
  referrer: string | null;
  userAgent: string | null;
  excluded: boolean;
}

const HIT_COPY = copyTargetOf(trafficHits, {
  // prettier-ignore
  order: [
    'teamId', 'appId', 'occurredAt', 'method', 'path', 'status', 'bytes', 'durationMs', 'visitor',
    'referrer', 'userAgent', 'excluded',
  ],
  // Keyed hits go through insertKeyedTrafficHits; COPY stores the others, without a key.
  filledByDatabase: ['id', 'idempotencyKey'],
});

/** Stores a team's hits with one COPY, whatever their number. */
export async function copyTrafficHits(
  raw: RawTransaction,
  teamId: string,
  hits: readonly TrafficHitRow[],
): Promise<void> {
  let text = '';
  for (const hit of hits) {
    // prettier-ignore
    text += copyTextRow([
      teamId, hit.appId, hit.occurredAt, hit.method, hit.path, hit.status, hit.bytes,
      hit.durationMs, hit.visitor, hit.referrer, hit.userAgent, hit.excluded,
    ]);
  }
  await raw.copyIn(HIT_COPY.table, HIT_COPY.columns, text);
}
