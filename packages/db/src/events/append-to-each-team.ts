import { GENESIS_HASH, type EventEnvelope } from '@opsledger/domain';

import type { RawTransaction } from '../connection/raw';
import { sqlNamesOf } from '../copy/sql-names';
import type { Database } from '../database';
import { eventChainHeads } from '../schema/events';
import { EVENTS_APPENDED_CHANNEL } from './appended-notice';
import { chainEvents, EVENT_COPY, prepareEvent } from './chain-events';
import { ensureEventPartitions } from './partitions';

export interface TeamEvent {
  teamId: string;
  /** Key-less: the platform's own announcements are never retried by a caller. */
  event: EventEnvelope;
}

const heads = sqlNamesOf(eventChainHeads);
const h = heads.column;

/**
 * Teams per transaction: one statement locks all their chain heads, so each team's writers wait
 * at most one chunk's few statements, never a whole fan-out.
 */
const TEAMS_PER_TRANSACTION = 500;

/**
 * Appends one event to each of many teams' chains (the platform's start and stop, announced to
 * every team) in a few statements per chunk of teams, where appendEvents would take a
 * transaction per team: a deployment with thousands of teams starts and stops in moments.
 * Chains, seqs and notices are exactly those of appendEvents. Gives the number appended; a
 * chunk that fails is thrown after the chunks before it committed.
 */
export async function appendToEachTeam(
  database: Database,
  entries: readonly TeamEvent[],
): Promise<number> {
  await ensureEventPartitions(
    database,
    entries.map((entry) => entry.event.occurredAt),
  );
  // Heads are locked in team order in every chunk, so two fan-outs never wait on each other in
  // a cycle; a single team's writer holds one head only.
  const sorted = [...entries].sort((a, b) => (a.teamId < b.teamId ? -1 : 1));
  let appended = 0;
  for (let start = 0; start < sorted.length; start += TEAMS_PER_TRANSACTION) {
    const chunk = sorted.slice(start, start + TEAMS_PER_TRANSACTION);
    await database.transaction(({ raw }) => appendChunk(raw, chunk));
    appended += chunk.length;
  }
  return appended;
}

async function appendChunk(tx: RawTransaction, chunk: readonly TeamEvent[]) {
  const teamIds = chunk.map((entry) => entry.teamId);
  // As appendEvents' lock: creates a team's head on its first write, and locks every one.
  const locked = await tx.query<{ team: string; seq: string | number; hash: string }>(
    `insert into ${heads.table} (${h.teamId}, ${h.seq}, ${h.hash})
       select team, 0, $2 from unnest($1::uuid[]) with ordinality as t(team, n) order by n
     on conflict (${h.teamId}) do update set ${h.seq} = ${heads.table}.${h.seq}
     returning ${h.teamId} as team, ${h.seq} as seq, ${h.hash} as hash`,
    [teamIds, GENESIS_HASH],
  );
  const headOf = new Map(
    locked.map((row) => [row.team, { seq: Number(row.seq), hash: row.hash }] as const),
  );
  let text = '';
  for (const { teamId, event } of chunk) {
    const head = headOf.get(teamId);
    if (!head) throw new Error(`the chain head of team ${teamId} was not returned`);
    text += chainEvents(teamId, head, [prepareEvent(teamId, event)]);
  }
  await tx.copyIn(EVENT_COPY.table, EVENT_COPY.columns, text);
  const seqs = teamIds.map((team) => headOf.get(team)?.seq);
  const hashes = teamIds.map((team) => headOf.get(team)?.hash);
  await tx.query(
    `with moved as (
       update ${heads.table} set ${h.seq} = next.seq, ${h.hash} = next.hash
         from unnest($1::uuid[], $2::bigint[], $3::text[]) as next(team, seq, hash)
        where ${heads.table}.${h.teamId} = next.team
       returning next.team, next.seq)
     select pg_notify($4, json_build_object('team', team, 'seq', seq)::text) from moved`,
    [teamIds, seqs, hashes, EVENTS_APPENDED_CHANNEL],
  );
}
