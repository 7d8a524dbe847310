import { createHash } from 'node:crypto';

import {
  canonicalEventAt,
  canonicalEventHead,
  canonicalEventTail,
  type EventEnvelope,
} from '@opsledger/domain';

import { copyTextFields } from '../connection/raw';
import { copyTargetOf } from '../copy/copy-target';
import { events } from '../schema/events';
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
 * `tail` is the event's canonicalEventTail, which its canonical body shares.
 */
function contentHashOf(event: EventEnvelope, timeGiven: boolean, tail: string): string {
  const head = canonicalEventHead('', event.stream, timeGiven ? event.occurredAt : '');
  return createHash('sha256').update(head).update(tail).digest('hex');
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
  const tail = canonicalEventTail(event);
  return {
    id: event.id,
    key,
    occurredAt: event.occurredAt,
    body: canonicalEventHead(event.id, event.stream, event.occurredAt) + tail,
    fields,
    contentHash: key === null ? null : contentHashOf(event, event.timeGiven ?? false, tail),
  };
}

/** Rows per chunk of chained COPY text: ~80 kB, sent while the next are hashed. */
const ROWS_PER_CHUNK = 100;

/**
 * Places prepared events after `head` and yields their COPY text in chunks, advancing `head`
 * as it goes (it is the chain's new head once the last chunk was taken):
 * hash = sha256(prev_hash || canonical JSON of the event). The only per-row work done under
 * the team's chain lock; streamed, it overlaps with the database storing the rows before.
 */
export function* chainedCopyChunks(
  teamId: string,
  head: { seq: number; hash: string },
  events: readonly PreparedEvent[],
): Generator<string, void, undefined> {
  let text = '';
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as PreparedEvent;
    const seq = head.seq + 1;
    const hash = chainHash(head.hash, canonicalEventAt(teamId, seq, event.body));
    text += `${event.fields}\t${seq}\t${head.hash}\t${hash}\n`;
    head.seq = seq;
    head.hash = hash;
    if ((i + 1) % ROWS_PER_CHUNK === 0) {
      yield text;
      text = '';
    }
  }
  if (text !== '') yield text;
}

/** chainedCopyChunks' text whole, `head` advanced past the events. */
export function chainEvents(
  teamId: string,
  head: { seq: number; hash: string },
  events: readonly PreparedEvent[],
): string {
  return [...chainedCopyChunks(teamId, head, events)].join('');
}
