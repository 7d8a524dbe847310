import { canonicalJson } from '../canonical-json';
import type { EventEnvelope } from './envelope';

// No zod here (types only): the offline verifier imports this through
// `@opsledger/domain/chain-format` and starts without loading the schemas.

/** The hash chain starts from this value for every team. */
export const GENESIS_HASH = '0'.repeat(64);

const str = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));

/**
 * The start of an event's canonical body: its id, stream and time. A content hash (an
 * idempotency key's) writes it with the id, and possibly the time, left empty.
 */
export function canonicalEventHead(id: string, stream: string, occurredAt: string): string {
  return `,"id":${str(id)},"stream":${str(stream)},"occurredAt":${str(occurredAt)}`;
}

/**
 * The rest of an event's canonical body, after its time, closing the object. The envelope's
 * field order is fixed and written out by hand: a generic canonical serialiser over the whole
 * row costs most of the chain's time (see docs/performance.md), so only the free-form payload
 * goes through it. Built once per event: its canonical body and its content hash share it.
 */
export function canonicalEventTail(event: EventEnvelope): string {
  return (
    `,"scope":${str(event.scope)},"category":${str(event.category)},"action":${str(event.action)}` +
    `,"content":${str(event.content)},"actorDid":${str(event.actorDid)},"actorName":${str(event.actorName)}` +
    `,"targetType":${str(event.targetType)},"targetId":${str(event.targetId)}` +
    `,"targetTitle":${str(event.targetTitle)},"ip":${str(event.ip)},"userAgent":${str(event.userAgent)}` +
    `,"requestId":${str(event.requestId)},"payload":${canonicalJson(event.payload)}}`
  );
}

/**
 * The part of an event's canonical form that does not depend on its place in the chain.
 * Writers build it before taking the team's chain lock.
 */
export function canonicalEventBody(event: EventEnvelope): string {
  return canonicalEventHead(event.id, event.stream, event.occurredAt) + canonicalEventTail(event);
}

/** How every canonical form of a team's events begins, up to the seq's digits. */
export function canonicalEventPrefix(teamId: string): string {
  return `{"team":${JSON.stringify(teamId)},"seq":`;
}

/** The canonical form the chain hashes: the event's team and seq, then its body. */
export function canonicalEventAt(teamId: string, seq: number, body: string): string {
  return `${canonicalEventPrefix(teamId)}${seq}${body}`;
}

export function canonicalEvent(teamId: string, seq: number, event: EventEnvelope): string {
  return canonicalEventAt(teamId, seq, canonicalEventBody(event));
}
