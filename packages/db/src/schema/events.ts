import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

import { STREAMS } from '@opsledger/domain';

import { instant } from './columns';
import { teams } from './tenancy';

/**
 * The one append-only store of audit, activity, passport, user and system events. Range
 * partitioned by month on occurred_at (see the first migration) so retention drops whole
 * partitions; hence occurred_at is part of the primary key.
 */
export const events = pgTable(
  'events',
  {
    teamId: uuid('team_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    occurredAt: instant('occurred_at').notNull(),
    id: uuid('id').notNull(),
    stream: text('stream', { enum: STREAMS }).notNull(),
    scope: text('scope'),
    category: text('category'),
    action: text('action'),
    content: text('content'),
    actorDid: text('actor_did'),
    actorName: text('actor_name'),
    targetType: text('target_type'),
    targetId: text('target_id'),
    targetTitle: text('target_title'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    payload: jsonb('payload').notNull().$type<Record<string, unknown>>(),
    idempotencyKey: text('idempotency_key'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    recordedAt: instant('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.occurredAt, t.seq] }),
    index('events_stream_time_idx').on(t.teamId, t.stream, t.occurredAt.desc(), t.seq.desc()),
    index('events_stream_category_idx').on(t.teamId, t.stream, t.category, t.seq),
    index('events_stream_target_idx').on(t.teamId, t.stream, t.targetId, t.occurredAt.desc()),
    // Verify, export and the live tail read a team's chain in seq order, whatever months it spans.
    index('events_team_seq_idx').on(t.teamId, t.seq),
    // "What did this person do" and "what happened in this scope": an actor or scope that
    // matches few rows or none is found here in the newest-first page's own order, not by
    // walking the team's whole stream. Partial, so only the streams filtered on them pay at
    // write time: actors are filtered on the audit stream alone; scope is the audit log's
    // scope and the activity's companyId, so stream stays a column to keep the two apart.
    index('events_audit_actor_time_idx')
      .on(t.teamId, t.actorDid, t.occurredAt.desc(), t.seq.desc())
      .where(sql`${t.stream} = 'audit'`),
    index('events_scope_time_idx')
      .on(t.teamId, t.stream, t.scope, t.occurredAt.desc(), t.seq.desc())
      .where(sql`${t.stream} in ('audit', 'activity')`),
  ],
);

/**
 * The head of each team's hash chain. Writers lock this row, so seq stays gap-free and the
 * chain linear under concurrent writers, without any sequence shared between teams.
 */
export const eventChainHeads = pgTable('event_chain_heads', {
  teamId: uuid('team_id')
    .primaryKey()
    .references(() => teams.id, { onDelete: 'cascade' }),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/** Idempotency keys of recorded events: a partitioned table cannot hold a team-wide unique key. */
export const eventIdempotencyKeys = pgTable(
  'event_idempotency_keys',
  {
    teamId: uuid('team_id').notNull(),
    key: text('key').notNull(),
    eventId: uuid('event_id').notNull(),
    occurredAt: instant('occurred_at').notNull(),
    /**
     * sha256 of what the key's event says (its canonical body without id, and without the time
     * unless the writer gave it): a replay must say the same. Null for keys recorded before.
     */
    contentHash: text('content_hash'),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.key] })],
);
