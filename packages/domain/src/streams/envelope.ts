import { z } from 'zod';

import { canonicalJson } from '../canonical-json';
import type { JsonObject } from '../common';

/** Every stream of the one append-only event store. */
export const STREAMS = ['audit', 'activity', 'passport', 'user', 'system'] as const;
export const Stream = z.enum(STREAMS);
export type Stream = z.infer<typeof Stream>;

/**
 * The common shape every stream maps onto. The seed systems' record shapes are mappings in
 * this folder, not tables: one store serves search, export, retention and verification.
 */
export interface EventEnvelope {
  id: string;
  stream: Stream;
  occurredAt: string;
  scope: string | null;
  category: string | null;
  action: string | null;
  content: string | null;
  actorDid: string | null;
  actorName: string | null;
  targetType: string | null;
  targetId: string | null;
  targetTitle: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  payload: JsonObject;
}

/** An envelope as stored: placed in its team's chain. */
export interface StoredEvent extends EventEnvelope {
  teamId: string;
  seq: number;
  prevHash: string;
  hash: string;
}

/** The envelope fields a stream mapping fills; id and time are assigned on write. */
export type EnvelopeFields = Omit<EventEnvelope, 'id' | 'stream' | 'occurredAt'>;

export const emptyEnvelopeFields: EnvelopeFields = {
  scope: null,
  category: null,
  action: null,
  content: null,
  actorDid: null,
  actorName: null,
  targetType: null,
  targetId: null,
  targetTitle: null,
  ip: null,
  userAgent: null,
  requestId: null,
  payload: {},
};

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

/** The canonical form the chain hashes: the event's team and seq, then its body. */
export function canonicalEventAt(teamId: string, seq: number, body: string): string {
  return `{"team":${JSON.stringify(teamId)},"seq":${seq}${body}`;
}

export function canonicalEvent(teamId: string, seq: number, event: EventEnvelope): string {
  return canonicalEventAt(teamId, seq, canonicalEventBody(event));
}
