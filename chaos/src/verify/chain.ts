import { chainHash, type RawQuery } from '@opsledger/db';
import { canonicalEvent, GENESIS_HASH, type EventEnvelope } from '@opsledger/domain';

const PAGE = 5_000;

interface EventRow extends Record<string, unknown> {
  seq: string | number;
  prev_hash: string;
  hash: string;
  envelope: string;
}

export interface ChainCheck {
  events: number;
  /** Rows whose seq, prev_hash or hash is not what the chain before them implies. */
  breaks: number;
  firstBreak: string | null;
}

/**
 * Recomputes a team's whole chain from its rows with the project's own chain code: seq runs
 * 1, 2, 3... without a gap, each prev_hash is the hash before it (the genesis hash first), and
 * each hash is sha256(prev_hash || canonical JSON of the event). The envelope is rebuilt in
 * SQL, with the time in the millisecond ISO form the writer hashed.
 */
export async function verifyChain(query: RawQuery, teamId: string): Promise<ChainCheck> {
  const check: ChainCheck = { events: 0, breaks: 0, firstBreak: null };
  const broken = (seq: number, what: string) => {
    check.breaks++;
    check.firstBreak ??= `seq ${seq}: ${what}`;
  };
  let expected = { seq: 1, prevHash: GENESIS_HASH };
  for (let after = 0; ;) {
    const rows = await query<EventRow>(
      `select seq, prev_hash, hash, json_build_object(
          'id', id, 'stream', stream,
          'occurredAt', to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'scope', scope, 'category', category, 'action', action, 'content', content,
          'actorDid', actor_did, 'actorName', actor_name, 'targetType', target_type,
          'targetId', target_id, 'targetTitle', target_title, 'ip', ip, 'userAgent', user_agent,
          'requestId', request_id, 'payload', payload)::text as envelope
         from events where team_id = $1 and seq > $2 order by seq limit ${PAGE}`,
      [teamId, after],
    );
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expected.seq) broken(seq, `expected seq ${expected.seq}`);
      if (row.prev_hash !== expected.prevHash) broken(seq, 'prev_hash is not the hash before it');
      const envelope = JSON.parse(row.envelope) as EventEnvelope;
      if (row.hash !== chainHash(row.prev_hash, canonicalEvent(teamId, seq, envelope))) {
        broken(seq, 'hash does not recompute');
      }
      expected = { seq: seq + 1, prevHash: row.hash };
      after = seq;
    }
    check.events += rows.length;
    if (rows.length < PAGE) return check;
  }
}
