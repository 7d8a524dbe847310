import { z } from 'zod';

import { Timestamp } from '../common';
import { Stream } from '../streams/envelope';
import type { BUNDLE_FORMATS } from './chain-format';

/** A chain hash as stored (events.hash): sha256, lower-case hex. */
export const ChainHash = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits');

/** A point of a team's chain: the event at `seq` has `hash` (seq 0 is the genesis). */
export const ChainPoint = z.object({ seq: z.number().int().min(0), hash: ChainHash });
export type ChainPoint = z.infer<typeof ChainPoint>;

/** A deployment's checkpoint-signing key as published (its private half never leaves it). */
export const SigningKeyInfo = z.object({
  id: z.string(),
  algorithm: z.literal('ed25519'),
  /** The raw 32-byte Ed25519 public key, hex. */
  publicKey: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: Timestamp,
  /** When a newer key replaced it; its checkpoints still verify. */
  retiredAt: Timestamp.nullable(),
});
export type SigningKeyInfo = z.infer<typeof SigningKeyInfo>;

/** A signed statement that a team's chain had `hash` at `seq` at time `at`. */
export const Checkpoint = z.object({
  teamId: z.uuid(),
  seq: z.number().int().min(1),
  hash: ChainHash,
  at: Timestamp,
  keyId: z.string(),
  /** Ed25519 over checkpointMessage, hex. */
  signature: z.string().regex(/^[0-9a-f]{128}$/),
});
export type Checkpoint = z.infer<typeof Checkpoint>;

/** An event as the chain covers it: every field its canonical form hashes, with seq and hash. */
export const ChainEvent = z.object({
  teamId: z.uuid(),
  seq: z.number().int().min(1),
  prevHash: ChainHash,
  hash: ChainHash,
  id: z.string(),
  stream: Stream,
  occurredAt: z.string(),
  scope: z.string().nullable(),
  category: z.string().nullable(),
  action: z.string().nullable(),
  content: z.string().nullable(),
  actorDid: z.string().nullable(),
  actorName: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  targetTitle: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
});
export type ChainEvent = z.infer<typeof ChainEvent>;

/** Read the chain in seq order after a seq (the anchor's or a checkpoint's, to resume). */
export const ChainEventsInput = z.object({
  afterSeq: z.number().int().min(0).default(0),
  /** Inclusive; unset: up to the head. */
  toSeq: z.number().int().min(1).optional(),
  limit: z.number().int().min(1).max(1000).default(500),
});
export type ChainEventsInput = z.infer<typeof ChainEventsInput>;

export const ChainEventsPage = z.object({
  events: z.array(ChainEvent),
  /** The seq to pass as afterSeq for the next page; null once the range is read. */
  nextAfterSeq: z.number().int().nullable(),
});
export type ChainEventsPage = z.infer<typeof ChainEventsPage>;

export const ChainCheckpointsInput = z.object({
  afterSeq: z.number().int().min(0).default(0),
  toSeq: z.number().int().min(1).optional(),
  limit: z.number().int().min(1).max(1000).default(1000),
});
export type ChainCheckpointsInput = z.infer<typeof ChainCheckpointsInput>;

/**
 * Where a team's chain stands: its head, and the anchor its stored history starts from
 * (null: from the genesis; retention cuts the oldest months and leaves an anchor).
 */
export const ChainState = z.object({
  teamId: z.uuid(),
  slug: z.string(),
  head: ChainPoint,
  anchor: ChainPoint.nullable(),
  /** The newest checkpoint at or before seq, for a verified start inside the chain. */
  lastCheckpoint: Checkpoint.nullable(),
});
export type ChainState = z.infer<typeof ChainState>;

/** Where an export starts: the seq range that covers a time range, widened to a checkpoint. */
export const ChainRangeInput = z.object({
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  /** Only events after this seq (a resumed or incremental export). */
  afterSeq: z.number().int().min(0).optional(),
});
export type ChainRangeInput = z.infer<typeof ChainRangeInput>;

export const ChainRange = z.object({
  /** The verified starting point: the checkpoint (or anchor, or genesis) before the range. */
  start: ChainPoint,
  /** The checkpoint the start is, when it is one. */
  startCheckpoint: Checkpoint.nullable(),
  /** The last event the range needs; null when no event falls in it. */
  end: ChainPoint.nullable(),
});
export type ChainRange = z.infer<typeof ChainRange>;

/** The first line of an export bundle: everything verify needs besides the lines that follow. */
export interface BundleHeader {
  type: 'header';
  /** opsledger-bundle/2 (events verbatim, see bundleEventLine); /1 is still read. */
  format: (typeof BUNDLE_FORMATS)[number];
  team: { id: string; slug: string };
  exportedAt: string;
  keys: SigningKeyInfo[];
  /** The chain point the first event links to: genesis, the anchor, or a checkpoint. */
  start: ChainPoint;
  /** Set when the start is a checkpoint: its signature vouches for the start. */
  startCheckpoint: Checkpoint | null;
  /** The team's anchor after retention, when the start is that anchor. */
  anchor: ChainPoint | null;
  /** The chain head when the export began. */
  head: ChainPoint;
  /** The last event the bundle holds, as the server stated it: a cut-off file shows. */
  end: ChainPoint | null;
  /** What was asked for (a time range and a search only select; the chain is whole). */
  filter: { from?: string; to?: string; afterSeq?: number };
}

export type BundleEventLine = { type: 'event' } & ChainEvent;
export type BundleCheckpointLine = { type: 'checkpoint' } & Checkpoint;
export type BundleLine = BundleHeader | BundleEventLine | BundleCheckpointLine;
