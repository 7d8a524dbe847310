import { chainHash, copyTextRow, type Database, type PendingEvent } from '@opsledger/db';
import { GENESIS_HASH, canonicalEvent } from '@opsledger/domain';

/** The columns appendEventsIn fills, so the baseline writes rows exactly as wide as the API's. */
const EVENT_COLUMNS = [
  'team_id',
  'seq',
  'occurred_at',
  'id',
  'stream',
  'scope',
  'category',
  'action',
  'content',
  'actor_did',
  'actor_name',
  'target_type',
  'target_id',
  'target_title',
  'ip',
  'user_agent',
  'request_id',
  'payload',
  'idempotency_key',
  'prev_hash',
  'hash',
] as const;

/** A team's chain as the baseline extends it: the baseline's rows form a valid chain too. */
export interface ChainHead {
  seq: number;
  hash: string;
}

export const genesis = (): ChainHead => ({ seq: 0, hash: GENESIS_HASH });

/**
 * COPY text of events already placed in the team's chain. Built before the clock starts: the
 * baseline is the database's own ingest speed, with no work in Node.
 */
export function hashedCopyText(
  teamId: string,
  head: ChainHead,
  events: readonly PendingEvent[],
): string {
  let text = '';
  for (const event of events) {
    const seq = head.seq + 1;
    const hash = chainHash(head.hash, canonicalEvent(teamId, seq, event));
    // prettier-ignore
    text += copyTextRow([
      teamId, seq, event.occurredAt, event.id, event.stream, event.scope, event.category,
      event.action, event.content, event.actorDid, event.actorName, event.targetType,
      event.targetId, event.targetTitle, event.ip, event.userAgent, event.requestId,
      JSON.stringify(event.payload), event.idempotencyKey ?? null, head.hash, hash,
    ]);
    head.seq = seq;
    head.hash = hash;
  }
  return text;
}

/** One raw COPY into the events table, in one transaction. */
export function copyEvents(database: Database, copyText: string): Promise<void> {
  return database.transaction(({ raw }) => raw.copyIn('events', EVENT_COLUMNS, copyText));
}
