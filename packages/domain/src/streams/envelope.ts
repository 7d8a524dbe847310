import { z } from 'zod';

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
