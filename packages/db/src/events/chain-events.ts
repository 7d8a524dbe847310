import { createHash } from 'node:crypto';

import { canonicalEventAt, canonicalEventBody, type EventEnvelope } from '@opsledger/domain';

import { copyTextFields } from '../connection/raw';
import { copyTargetOf } from '../copy/copy-target';
import { eventIdempotencyKeys, events } from '../schema/events';
import { chainHash } from './chain-hash';

/**
 * The events table as COPY fills it, in prepareEvent's field order: the chain's own three last
 * (chainEvents appends them under the lock); recorded_at is the database's clock.
 */
export const EVENT_COPY = copyTargetOf(events, {
  // prettier-ignore
  order: [
    'teamId', 'occurredAt', 'id', 'stream', 'scope', 'category', 'action', 'content', 'actorDid',
    'actorName', 'targetType', 'targetId', 'targetTitle', 'ip', 'userAgent', 'requestId',
    'payload', 'idempotencyKey', 'seq', 'prevHash', 'hash',
  ],
  filledByDatabase: ['recordedAt'],
});

/** An event with all the work done that does not depend on its place in the chain. */
export interface PreparedEvent {
  id: string;
  key: string | null;
  occurredAt: string;
  /** The canonical form's body (see canonicalEventBody). */
  body: string;
  /** Its COPY row up to, not including, seq, prev_hash and hash. */
  fields: string;
  /** What a replay of its idempotency key must say (see contentHashOf); null without a key. */
  contentHash: string | null;
}

/**
 * sha256 of an event's canonical body without its id, and without its time unless the writer
 * gave it (a time the API assigned differs on every retry). Two sends of one key must match.
 */
export function contentHashOf(event: EventEnvelope, timeGiven: boolean): string {
  const body = canonicalEventBody({
    ...event,
    id: '',
    occurredAt: timeGiven ? event.occurredAt : '',
  });
  return createHash('sha256').update(body).digest('hex');
}

export function prepareEvent(
  teamId: string,
  event: EventEnvelope & { idempotencyKey?: string | undefined; timeGiven?: boolean | undefined },
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
    contentHash: key === null ? null : contentHashOf(event, event.timeGiven ?? false),
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

/** The idempotency keys as COPY fills them, in idempotencyCopyText's field order. */
export const IDEMPOTENCY_COPY = copyTargetOf(eventIdempotencyKeys, {
  order: ['teamId', 'key', 'eventId', 'occurredAt', 'contentHash'],
  filledByDatabase: [],
});

/** COPY text recording which event holds each key. */
export function idempotencyCopyText(teamId: string, events: readonly PreparedEvent[]): string {
  let text = '';
  for (const event of events) {
    text += `${copyTextFields([teamId, event.key, event.id, event.occurredAt, event.contentHash])}\n`;
  }
  return text;
}
