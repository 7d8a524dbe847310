import { GENESIS_HASH, type EventEnvelope } from '@opsledger/domain';

import type { RawTransaction } from '../connection/raw';
import { sqlNamesOf } from '../copy/sql-names';
import type { Database } from '../database';
import { eventChainHeads, eventIdempotencyKeys } from '../schema/events';
import { EVENTS_APPENDED_CHANNEL } from './appended-notice';
import { chainedCopyChunks, EVENT_COPY, prepareEvent, type PreparedEvent } from './chain-events';
import { ensureEventPartitions, forgetEventPartitions } from './partitions';

export interface PendingEvent extends EventEnvelope {
  idempotencyKey?: string | undefined;
  /** The writer dated the event: a replay of its key must give the same time. */
  timeGiven?: boolean | undefined;
}

/** A key replayed with content other than its first event's: refused, never answered. */
export class IdempotencyConflictError extends Error {
  constructor(readonly key: string) {
    super(`idempotency key "${key}" was already used for an event with different content`);
    this.name = 'IdempotencyConflictError';
  }
}

export interface AppendResult {
  /** One id per pending event, in order: the new event's, or the earlier one a key matched. */
  ids: string[];
  inserted: number;
  duplicates: number;
}

const heads = sqlNamesOf(eventChainHeads);
const h = heads.column;
const keys = sqlNamesOf(eventIdempotencyKeys);
const k = keys.column;

/** Creates the head on a team's first write; the conflict update takes its row lock either way. */
async function lockChainHead(tx: RawTransaction, teamId: string) {
  const [head] = await tx.query<{ seq: string | number; hash: string }>(
    `insert into ${heads.table} (${h.teamId}, ${h.seq}, ${h.hash}) values ($1, 0, $2)
     on conflict (${h.teamId}) do update set ${h.seq} = ${heads.table}.${h.seq}
     returning ${h.seq} as seq, ${h.hash} as hash`,
    [teamId, GENESIS_HASH],
  );
  if (!head) throw new Error('the chain head was not returned');
  return { seq: Number(head.seq), hash: head.hash };
}

/**
 * Claims the batch's keys in one statement: the keys nobody holds yet are stored for their
 * events, and the claims of the others (earlier writes) are returned. No second COPY, and no
 * look-up for a batch of new keys: only keys the insert skipped are read back. The statement's
 * snapshot predates its own insert, so what it reads back are earlier claims only. Safe without
 * more locking: the caller holds the team's chain lock, so no other writer claims a key
 * meanwhile. A refusal after this (a conflict) rolls the claims back with the transaction.
 * Every array goes as text[] (cast in SQL, as COPY text would be read): the driver has no
 * serialiser for uuid[] on every connection.
 */
async function claimKeys(
  tx: RawTransaction,
  teamId: string,
  firsts: PreparedEvent[],
): Promise<Map<string, EarlierKey>> {
  if (firsts.length === 0) return new Map<string, EarlierKey>();
  const rows = await tx.query<{ key: string; event_id: string; content_hash: string | null }>(
    `with claimed as (
       insert into ${keys.table} (${k.teamId}, ${k.key}, ${k.eventId}, ${k.occurredAt}, ${k.contentHash})
       select $1, key, event_id::uuid, occurred_at::timestamptz, content_hash
         from unnest($2::text[], $3::text[], $4::text[], $5::text[])
           as claim(key, event_id, occurred_at, content_hash)
       on conflict (${k.teamId}, ${k.key}) do nothing
       returning ${k.key} as key)
     select ${k.key} as key, ${k.eventId} as event_id, ${k.contentHash} as content_hash
       from ${keys.table}
      where ${k.teamId} = $1
        and ${k.key} = any(array(select unnest($2::text[]) except select key from claimed))`,
    [
      teamId,
      firsts.map((event) => event.key),
      firsts.map((event) => event.id),
      firsts.map((event) => event.occurredAt),
      firsts.map((event) => event.contentHash),
    ],
  );
  return new Map(rows.map((row) => [row.key, { id: row.event_id, contentHash: row.content_hash }]));
}

interface EarlierKey {
  id: string;
  /** Null for keys recorded before content hashes were kept: those replay unchecked. */
  contentHash: string | null;
}

function firstOfEachKey(prepared: PreparedEvent[]): PreparedEvent[] {
  const firsts = new Map<string, PreparedEvent>();
  for (const event of prepared) {
    if (event.key !== null && !firsts.has(event.key)) firsts.set(event.key, event);
  }
  return [...firsts.values()];
}

/**
 * Drops retries: keys claimed by earlier writes, and a key repeated within the batch. A retry
 * that says something else than the key's first event is refused (IdempotencyConflictError).
 */
function withoutRetries(prepared: PreparedEvent[], earlier: Map<string, EarlierKey>) {
  const ids: string[] = [];
  const fresh: PreparedEvent[] = [];
  const idOfKey = new Map(earlier);
  for (const event of prepared) {
    const known = event.key === null ? undefined : idOfKey.get(event.key);
    if (known !== undefined && event.key !== null) {
      if (known.contentHash !== null && known.contentHash !== event.contentHash) {
        throw new IdempotencyConflictError(event.key);
      }
      ids.push(known.id);
      continue;
    }
    if (event.key !== null)
      idOfKey.set(event.key, { id: event.id, contentHash: event.contentHash });
    ids.push(event.id);
    fresh.push(event);
  }
  return { ids, fresh };
}

export interface AppendOptions {
  /** How many months without a partition yet the events may span (EventPartitionLimitError). */
  maxNewPartitions?: number;
}

/** Appends events to a team's chain in a transaction of their own. */
export async function appendEvents(
  database: Database,
  teamId: string,
  events: readonly PendingEvent[],
  options: AppendOptions = {},
): Promise<AppendResult> {
  const prepared = events.map((event) => prepareEvent(teamId, event));
  const instants = prepared.map((event) => event.occurredAt);
  const limit = { maxNew: options.maxNewPartitions };
  await ensureEventPartitions(database, instants, limit);
  const append = () => database.transaction(({ raw }) => appendPreparedIn(raw, teamId, prepared));
  try {
    return await append();
  } catch (error) {
    if (!isMissingPartition(error)) throw error;
    // Retention (here or in another process) dropped a month after it was checked: make it
    // again and write once more; the failed transaction wrote nothing.
    forgetEventPartitions(
      database,
      instants.map((instant) => instant.slice(0, 7)),
    );
    await ensureEventPartitions(database, instants, limit);
    return append();
  }
}

/** PostgreSQL's refusal of a row no partition takes (the driver's error or its cause). */
function isMissingPartition(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === '23514' && e.message.includes('no partition')) {
      return true;
    }
  }
  return false;
}

/**
 * Appends events inside the caller's transaction (a backup's status change and its event
 * commit together); their months' partitions must exist (`ensureEventPartitions`).
 */
export function appendEventsIn(
  tx: RawTransaction,
  teamId: string,
  events: readonly PendingEvent[],
) {
  return appendPreparedIn(
    tx,
    teamId,
    events.map((event) => prepareEvent(teamId, event)),
  );
}

/**
 * The chain head's row lock serialises a team's writers, so seq is gap-free, every hash links to
 * the one before it, and the idempotency check cannot race. Everything that does not depend on
 * the place in the chain was prepared before the lock; under it only seq, the hashes (streamed
 * with the COPY) and three statements remain. Rows go in through COPY: Drizzle's insert builder is 4-8x slower here.
 */
async function appendPreparedIn(
  tx: RawTransaction,
  teamId: string,
  prepared: PreparedEvent[],
): Promise<AppendResult> {
  const head = await lockChainHead(tx, teamId);
  const earlier = await claimKeys(tx, teamId, firstOfEachKey(prepared));
  const { ids, fresh } = withoutRetries(prepared, earlier);
  if (fresh.length > 0) {
    // Hashed as it streams: `head` is the chain's new head once the COPY has taken every row.
    await tx.copyIn(EVENT_COPY.table, EVENT_COPY.columns, chainedCopyChunks(teamId, head, fresh));
    // The same statement tells listeners (other server instances too) that the team's chain
    // grew: PostgreSQL delivers a NOTIFY only once its transaction commits, and not at all if it
    // rolls back, so a listener never reads ahead of what is committed.
    await tx.query(
      `with head as (
         update ${heads.table} set ${h.seq} = $2, ${h.hash} = $3 where ${h.teamId} = $1
         returning ${h.teamId} as team, ${h.seq} as seq)
       select pg_notify($4, json_build_object('team', team, 'seq', seq)::text) from head`,
      [teamId, head.seq, head.hash, EVENTS_APPENDED_CHANNEL],
    );
  }
  return { ids, inserted: fresh.length, duplicates: prepared.length - fresh.length };
}
