import { chainCheckpoints, type Database } from '@opsledger/db';
import type { Checkpoint } from '@opsledger/domain';

import type { SigningKey } from './signing-key';

/** When a team's chain head gets signed: after N new events, or M minutes after the last. */
export interface CheckpointPolicy {
  everyEvents: number;
  everyMinutes: number;
}

export const DEFAULT_CHECKPOINT_POLICY: CheckpointPolicy = { everyEvents: 1000, everyMinutes: 10 };

type DueHead = {
  team_id: string;
  seq: string | number;
  hash: string;
};

/**
 * Signs the chain head of every team that is due: events past its last checkpoint, and either
 * N of them or its last checkpoint M minutes old (or none yet). The head row is written in the
 * same transaction as the events it names, so a committed head always matches stored events.
 * Returns the checkpoints written.
 */
export async function writeDueCheckpoints(
  database: Database,
  key: SigningKey,
  policy: CheckpointPolicy,
  now: Date = new Date(),
): Promise<Checkpoint[]> {
  const staleBefore = new Date(now.getTime() - policy.everyMinutes * 60_000).toISOString();
  const due = await database.query<DueHead>(
    `select h.team_id, h.seq, h.hash
       from event_chain_heads h
       left join lateral (
         select c.seq, c.at from chain_checkpoints c
          where c.team_id = h.team_id order by c.seq desc limit 1
       ) last on true
      where h.seq > coalesce(last.seq, 0)
        and (last.seq is null
             or h.seq - last.seq >= $1
             or last.at <= $2::text::timestamptz)`,
    [policy.everyEvents, staleBefore],
  );
  if (due.length === 0) return [];
  const at = now.toISOString();
  const signed = due.map((head) =>
    key.sign({ teamId: head.team_id, seq: Number(head.seq), hash: head.hash, at }),
  );
  await database.db
    .insert(chainCheckpoints)
    .values(signed)
    .onConflictDoNothing({ target: [chainCheckpoints.teamId, chainCheckpoints.seq] });
  return signed;
}
