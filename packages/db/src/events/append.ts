import { GENESIS_HASH, type EventEnvelope } from '@opsledger/domain';

import type { RawTransaction } from '../connection/raw';
import { sqlNamesOf } from '../copy/sql-names';
import type { Database } from '../database';
import { eventChainHeads, eventIdempotencyKeys } from '../schema/events';
import { EVENTS_APPENDED_CHANNEL } from './appended-notice';
import {
  chainEvents,
  EVENT_COPY,
  IDEMPOTENCY_COPY,
  idempotencyCopyText,
  prepareEvent,
  type PreparedEvent,
} from './chain-events';
import { ensureEventPartitions } from './partitions';

export interface PendingEvent extends EventEnvelope {
  idempotencyKey?: string | undefined;
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
 * The events that already hold any of these idempotency keys. No unique constraint is needed
 * to make this safe: the caller holds the team's chain lock, so no other writer can claim a key
 * between this look-up and the COPY of the new keys.
 */
async function earlierKeys(tx: RawTransaction, teamId: string, firsts: PreparedEvent[]) {
  if (firsts.length === 0) return new Map<string, string>();
  const rows = await tx.query<{ key: string; event_id: string }>(
    `select ${k.key} as key, ${k.eventId} as event_id from ${keys.table}
      where ${k.teamId} = $1 and ${k.key} = any($2::text[])`,
    [teamId, firsts.map((event) => event.key)],
  );
  return new Map(rows.map((row) => [row.key, row.event_id]));
}

function firstOfEachKey(prepared: PreparedEvent[]): PreparedEvent[] {
  const firsts = new Map<string, PreparedEvent>();
  for (const event of prepared) {
    if (event.key !== null && !firsts.has(event.key)) firsts.set(event.key, event);
  }
  return [...firsts.values()];
}

/** Drops retries: keys claimed by earlier writes, and a key repeated within the batch. */
function withoutRetries(prepared: PreparedEvent[], earlier: Map<string, string>) {
  const ids: string[] = [];
  const fresh: PreparedEvent[] = [];
  const idOfKey = new Map(earlier);
  for (const event of prepared) {
    const known = event.key === null ? undefined : idOfKey.get(event.key);
    if (known !== undefined) {
      ids.push(known);
      continue;
    }
    if (event.key !== null) idOfKey.set(event.key, event.id);
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
  await ensureEventPartitions(
    database,
    prepared.map((event) => event.occurredAt),
    { maxNew: options.maxNewPartitions },
  );
  return database.transaction(({ raw }) => appendPreparedIn(raw, teamId, prepared));
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
 * the place in the chain was prepared before the lock; under it only seq, the hashes and a few
 * statements remain. Rows go in through COPY: Drizzle's insert builder is 4-8x slower here.
 */
async function appendPreparedIn(
  tx: RawTransaction,
  teamId: string,
  prepared: PreparedEvent[],
): Promise<AppendResult> {
  const head = await lockChainHead(tx, teamId);
  const earlier = await earlierKeys(tx, teamId, firstOfEachKey(prepared));
  const { ids, fresh } = withoutRetries(prepared, earlier);
  if (fresh.length > 0) {
    await tx.copyIn(EVENT_COPY.table, EVENT_COPY.columns, chainEvents(teamId, head, fresh));
    const keyed = fresh.filter((event) => event.key !== null);
    if (keyed.length > 0) {
      const keysText = idempotencyCopyText(teamId, keyed);
      await tx.copyIn(IDEMPOTENCY_COPY.table, IDEMPOTENCY_COPY.columns, keysText);
    }
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
