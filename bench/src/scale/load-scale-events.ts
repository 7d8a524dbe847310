import { ensureEventPartitions, type Database } from '@opsledger/db';

import { auditEvent, auditLogInputs } from '../fixtures/audit-log-inputs';
import { seededRandom, type SeededRandom } from '../fixtures/random';
import { copyEvents, genesis, hashedCopyText, type ChainHead } from '../ingest/copy-baseline';
import { formatCount } from '../measure/report';
import { timed } from '../measure/stats';
import { teamShares } from './scale-timeline';

/**
 * Rows per COPY, each built before it is sent: a COPY's text reaches its socket only while the
 * event loop turns, so hashing the next chunk meanwhile starved it (the server sat in ClientRead).
 */
const CHUNK_ROWS = 20_000;
const DAY_MS = 24 * 3_600_000;

/** Every team's chain head as stored: the API's writes between loads moved some of them. */
async function storedHeads(database: Database, teamIds: readonly string[]) {
  const rows = await database.query<{ team_id: string; seq: string | number; hash: string }>(
    'select team_id, seq, hash from event_chain_heads',
  );
  const stored = new Map(
    rows.map((row) => [row.team_id, { seq: Number(row.seq), hash: row.hash }]),
  );
  return teamIds.map((id) => stored.get(id) ?? genesis());
}

async function saveHeads(database: Database, teamIds: readonly string[], heads: ChainHead[]) {
  await database.query(
    `insert into event_chain_heads (team_id, seq, hash)
     select * from unnest($1::uuid[], $2::bigint[], $3::text[])
     on conflict (team_id) do update set seq = excluded.seq, hash = excluded.hash`,
    [teamIds, heads.map((head) => head.seq), heads.map((head) => head.hash)],
  );
}

/** COPY text of `count` of one team's events from `firstAt`, `spacingMs` apart, in its chain. */
function teamRows(
  random: SeededRandom,
  teamId: string,
  head: ChainHead,
  { count, firstAt, spacingMs }: { count: number; firstAt: number; spacingMs: number },
): string {
  const inputs = auditLogInputs(random, { count, firstAt, spacingMs });
  return hashedCopyText(teamId, head, inputs.map(auditEvent));
}

/** The COPY texts of a load, each built when the previous one is stored. */
function* chunks(
  random: SeededRandom,
  teamIds: readonly string[],
  heads: ChainHead[],
  shares: number[],
  window: { fromMs: number; toMs: number },
): Generator<{ text: string; rows: number }> {
  let text = '';
  let rows = 0;
  for (const [t, teamId] of teamIds.entries()) {
    const count = shares[t] ?? 0;
    const head = heads[t] ?? genesis();
    const spacingMs = (window.toMs - window.fromMs) / Math.max(count, 1);
    // Teams start a little apart, so their events do not share instants.
    const firstAt = window.fromMs + (spacingMs * t) / teamIds.length;
    for (let done = 0; done < count;) {
      const part = Math.min(CHUNK_ROWS - rows, count - done);
      text += teamRows(random, teamId, head, {
        count: part,
        firstAt: firstAt + done * spacingMs,
        spacingMs,
      });
      rows += part;
      done += part;
      if (rows >= CHUNK_ROWS) {
        yield { text, rows };
        text = '';
        rows = 0;
      }
    }
  }
  if (rows > 0) yield { text, rows };
}

/**
 * Loads the events numbered [from, to) of the timeline, dated in [fromMs, toMs), into every
 * team's chain: prepared and hashed by the store's own chain code, then COPY'd. Returns the
 * load's rate in rows/s.
 */
export async function loadScaleEvents(
  database: Database,
  teamIds: readonly string[],
  range: { from: number; to: number; fromMs: number; toMs: number },
): Promise<number> {
  const months: string[] = [];
  for (let at = range.fromMs; at < range.toMs + DAY_MS; at += DAY_MS) {
    months.push(new Date(Math.min(at, range.toMs)).toISOString());
  }
  await ensureEventPartitions(database, months);
  const heads = await storedHeads(database, teamIds);
  const random = seededRandom(range.from + 5);
  const shares = teamShares(range.from, range.to);
  const { ms } = await timed(async () => {
    let loaded = 0;
    for (const chunk of chunks(random, teamIds, heads, shares, range)) {
      await copyEvents(database, chunk.text);
      loaded += chunk.rows;
      if (loaded % 500_000 < chunk.rows) {
        process.stderr.write(`  (scale) loaded ${formatCount(range.from + loaded)} events\n`);
      }
    }
  });
  await saveHeads(database, teamIds, heads);
  return ((range.to - range.from) * 1000) / ms;
}
