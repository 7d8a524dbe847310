import {
  GENESIS_HASH,
  canonicalEvent,
  type EventEnvelope,
  type StoredEvent,
} from '@opsledger/domain';
import type { Database } from '../database';
import { copyTextRow, type RawTransaction } from '../connection/raw';
import { chainHash } from './chain-hash';
import { ensureEventPartitions } from './partitions';

export interface PendingEvent extends EventEnvelope {
  idempotencyKey?: string | undefined;
}

export interface AppendResult {
  /** One id per pending event, in order: the new event's, or the earlier one a key matched. */
  ids: string[];
  inserted: StoredEvent[];
  duplicates: number;
}

const COLUMNS = [
  'team_id',
  'seq',
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
  'prev_hash',
  'hash',
] as const;

async function lockChainHead(tx: RawTransaction, teamId: string) {
  await tx.query(
    `insert into event_chain_heads (team_id, seq, hash) values ($1, 0, $2) on conflict do nothing`,
    [teamId, GENESIS_HASH],
  );
  const [head] = await tx.query<{ seq: string | number; hash: string }>(
    `select seq, hash from event_chain_heads where team_id = $1 for update`,
    [teamId],
  );
  if (!head) throw new Error('chain head vanished');
  return { seq: Number(head.seq), hash: head.hash };
}

async function knownKeys(tx: RawTransaction, teamId: string, keys: string[]) {
  if (keys.length === 0) return new Map<string, string>();
  const rows = await tx.query<{ key: string; event_id: string }>(
    `select key, event_id from event_idempotency_keys where team_id = $1 and key = any($2::text[])`,
    [teamId, keys],
  );
  return new Map(rows.map((row) => [row.key, row.event_id]));
}

/** Appends events to a team's chain in a transaction of their own. */
export async function appendEvents(
  database: Database,
  teamId: string,
  events: readonly PendingEvent[],
): Promise<AppendResult> {
  await ensureEventPartitions(
    database,
    events.map((event) => event.occurredAt),
  );
  return database.transaction(({ raw }) => appendEventsIn(raw, teamId, events));
}

/**
 * Appends events inside the caller's transaction (a backup's status change and its event
 * commit together); their months' partitions must exist (`ensureEventPartitions`). The chain
 * head row lock serialises the team's writers, so seq is gap-free, every hash links to the one
 * before it, and the idempotency check cannot race. Rows go in through COPY: Drizzle's insert
 * builder is 4-8x slower here.
 */
export async function appendEventsIn(
  tx: RawTransaction,
  teamId: string,
  events: readonly PendingEvent[],
): Promise<AppendResult> {
  const head = await lockChainHead(tx, teamId);
  const keys = events.flatMap((event) => (event.idempotencyKey ? [event.idempotencyKey] : []));
  const seen = await knownKeys(tx, teamId, keys);

  const ids: string[] = [];
  const inserted: StoredEvent[] = [];
  let copyText = '';
  let keyText = '';
  for (const event of events) {
    const key = event.idempotencyKey;
    const earlier = key === undefined ? undefined : seen.get(key);
    if (earlier !== undefined) {
      ids.push(earlier);
      continue;
    }
    const seq = head.seq + 1;
    const hash = chainHash(head.hash, canonicalEvent(teamId, seq, event));
    const stored: StoredEvent = { ...event, teamId, seq, prevHash: head.hash, hash };
    // prettier-ignore
    copyText += copyTextRow([
        teamId, seq, event.occurredAt, event.id, event.stream, event.scope, event.category,
        event.action, event.content, event.actorDid, event.actorName, event.targetType,
        event.targetId, event.targetTitle, event.ip, event.userAgent, event.requestId,
        JSON.stringify(event.payload), key ?? null, head.hash, hash,
      ]);
    if (key !== undefined) {
      seen.set(key, event.id);
      keyText += copyTextRow([teamId, key, event.id, event.occurredAt]);
    }
    head.seq = seq;
    head.hash = hash;
    ids.push(event.id);
    inserted.push(stored);
  }

  if (inserted.length > 0) {
    await tx.copyIn('events', COLUMNS, copyText);
    if (keyText) {
      await tx.copyIn(
        'event_idempotency_keys',
        ['team_id', 'key', 'event_id', 'occurred_at'],
        keyText,
      );
    }
    await tx.query(`update event_chain_heads set seq = $2, hash = $3 where team_id = $1`, [
      teamId,
      head.seq,
      head.hash,
    ]);
  }
  return { ids, inserted, duplicates: events.length - inserted.length };
}
