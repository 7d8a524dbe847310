import { canonicalEventAt, canonicalEventBody, type EventEnvelope } from '@opsledger/domain';
import { copyTextFields } from '../connection/raw';
import { chainHash } from './chain-hash';

/** The events table's columns as COPY fills them: the chain's own three last. */
export const EVENT_COPY_COLUMNS = [
  'team_id',
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
  'seq',
  'prev_hash',
  'hash',
] as const;

/** An event with all the work done that does not depend on its place in the chain. */
export interface PreparedEvent {
  id: string;
  key: string | null;
  occurredAt: string;
  /** The canonical form's body (see canonicalEventBody). */
  body: string;
  /** Its COPY row up to, not including, seq, prev_hash and hash. */
  fields: string;
}

export function prepareEvent(
  teamId: string,
  event: EventEnvelope & { idempotencyKey?: string | undefined },
): PreparedEvent {
  const key = event.idempotencyKey ?? null;
  // prettier-ignore
  const fields = copyTextFields([
    teamId, event.occurredAt, event.id, event.stream, event.scope, event.category, event.action,
    event.content, event.actorDid, event.actorName, event.targetType, event.targetId,
    event.targetTitle, event.ip, event.userAgent, event.requestId, JSON.stringify(event.payload),
    key,
  ]);
  return {
    id: event.id,
    key,
    occurredAt: event.occurredAt,
    body: canonicalEventBody(event),
    fields,
  };
}

/**
 * Places prepared events after `head` (advancing it) and returns their COPY text:
 * hash = sha256(prev_hash || canonical JSON of the event). The only per-row work done under
 * the team's chain lock.
 */
export function chainEvents(
  teamId: string,
  head: { seq: number; hash: string },
  events: readonly PreparedEvent[],
): string {
  let text = '';
  for (const event of events) {
    const seq = head.seq + 1;
    const hash = chainHash(head.hash, canonicalEventAt(teamId, seq, event.body));
    text += `${event.fields}\t${seq}\t${head.hash}\t${hash}\n`;
    head.seq = seq;
    head.hash = hash;
  }
  return text;
}

export const IDEMPOTENCY_COPY_COLUMNS = ['team_id', 'key', 'event_id', 'occurred_at'] as const;

/** COPY text recording which event holds each key. */
export function idempotencyCopyText(teamId: string, events: readonly PreparedEvent[]): string {
  let text = '';
  for (const event of events) {
    text += `${copyTextFields([teamId, event.key, event.id, event.occurredAt])}\n`;
  }
  return text;
}
