import type { RawQuery } from '../connection/raw';
import type { Database } from '../database';
import { forgetEventPartitions } from '../events/partitions';
import { eventMonthsEndedBefore, type EventMonth } from './event-months';
import { retentionDaysSql } from './retention-days';

/** What dropping expired event months did. */
export interface DroppedMonths {
  dropped: string[];
  /** Expired for every team, but kept: dropping them would cut a team's chain in the middle. */
  held: string[];
  anchoredTeams: number;
}

/**
 * Whether a month holds events and every one of them is past its team's policy for its stream
 * (the month's end is older than the retention). A stream kept forever keeps the month.
 */
async function expiredForEveryone(query: RawQuery, month: EventMonth, now: Date) {
  const days = retentionDaysSql('p', 's.stream');
  const [row] = await query<{ has_rows: boolean; kept: boolean }>(
    `select exists(select 1 from "${month.table}") as has_rows,
            exists(select 1 from (select distinct team_id, stream from "${month.table}") s
                     left join retention_policies p on p.team_id = s.team_id and p.stream = s.stream
                    where not coalesce($1::timestamptz <= $2::timestamptz - ${days} * interval '1 day', false)
            ) as kept`,
    [month.end, now.toISOString()],
  );
  return row !== undefined && row.has_rows && !row.kept;
}

const unionOf = (months: readonly EventMonth[], columns: string) =>
  months.map((m) => `select ${columns} from "${m.table}"`).join(' union all ');

/** Per team: how many events the months hold and the last seq among them. */
type TeamCut = {
  team_id: string;
  events: number;
  last_seq: number;
  /** The lowest seq of the team's events outside the months below last_seq, if any. */
  kept_below: number | null;
};

async function teamCutsOf(query: RawQuery, months: readonly EventMonth[], check: boolean) {
  const tables = months.map((m) => `'"${m.table}"'::regclass`).join(', ');
  const keptBelow = check
    ? `(select min(e.seq) from events e where e.team_id = d.team_id and e.seq < d.last_seq
          and e.tableoid not in (${tables}))`
    : 'null';
  const rows = await query<TeamCut>(
    `select d.team_id, d.events, d.last_seq, ${keptBelow} as kept_below
       from (select team_id, count(*)::bigint as events, max(seq) as last_seq
               from (${unionOf(months, 'team_id, seq')}) u group by team_id) d`,
  );
  return rows.map((row) => ({
    team_id: row.team_id,
    events: Number(row.events),
    last_seq: Number(row.last_seq),
    kept_below: row.kept_below === null ? null : Number(row.kept_below),
  }));
}

/**
 * The months that can go without cutting any team's chain in the middle: the dropped events
 * of each team must be a prefix of its chain (every kept event has a higher seq), so that one
 * anchor, the last dropped event, is where verification starts. Events dated out of order
 * (an import of old history after newer events) hold a month back until the later ones expire.
 */
async function prefixMonths(query: RawQuery, candidates: readonly EventMonth[]) {
  let months = [...candidates];
  for (;;) {
    if (months.length === 0) return { months, cuts: [] as TeamCut[] };
    const cuts = await teamCutsOf(query, months, true);
    const broken = cuts.filter((cut) => cut.kept_below !== null);
    if (broken.length === 0) return { months, cuts };
    const holding = new Set<string>();
    for (const cut of broken) {
      for (const month of months) {
        const [row] = await query<{ later: boolean }>(
          `select exists(select 1 from "${month.table}" where team_id = $1 and seq > $2) as later`,
          [cut.team_id, cut.kept_below],
        );
        if (row?.later) holding.add(month.table);
      }
    }
    months = months.filter((m) => !holding.has(m.table));
  }
}

const sameCuts = (a: readonly TeamCut[], b: readonly TeamCut[]) => {
  const key = (cuts: readonly TeamCut[]) =>
    cuts
      .map((c) => `${c.team_id}:${c.events}:${c.last_seq}`)
      .sort()
      .join(',');
  return key(a) === key(b);
};

/**
 * Drops the event months every team's policy has expired for every stream in them, as whole
 * partitions (never row by row). Before the drop, in the same transaction, each team's last
 * dropped event (seq and hash) becomes its chain anchor. Writers are held off (a SHARE ROW
 * EXCLUSIVE lock on events) only for that final check and the drop; the analysis before it
 * runs without locks, and a month that changed meanwhile waits for the next run.
 */
export async function dropExpiredEventMonths(
  database: Database,
  now: Date,
): Promise<DroppedMonths> {
  const expired: EventMonth[] = [];
  for (const month of await eventMonthsEndedBefore(database.query, now)) {
    if (await expiredForEveryone(database.query, month, now)) expired.push(month);
  }
  const { months, cuts } = await prefixMonths(database.query, expired);
  const held = expired.filter((m) => !months.includes(m)).map((m) => m.month);
  if (months.length === 0) return { dropped: [], held, anchoredTeams: 0 };

  const done = await database.transaction(async ({ raw }) => {
    // One run drops at a time, and never while a writer creates a partition.
    await raw.query(`select pg_advisory_xact_lock(hashtext('opsledger:retention'))`);
    await raw.query(`select pg_advisory_xact_lock(hashtext('opsledger:event-partitions'))`);
    await raw.query('lock table events in share row exclusive mode');
    // A concurrent run may have dropped some already; what is left must be as analysed.
    const existing = new Set(
      (await eventMonthsEndedBefore(raw.query, now)).map((month) => month.table),
    );
    const still = months.filter((m) => existing.has(m.table));
    if (still.length === 0) return { dropped: [], anchoredTeams: 0 };
    if (
      still.length !== months.length ||
      !sameCuts(await teamCutsOf(raw.query, still, false), cuts)
    ) {
      return null;
    }
    const anchored = await raw.query(
      `insert into chain_anchors (team_id, seq, hash, cut_at)
       select distinct on (team_id) team_id, seq, hash, $1::timestamptz
         from (${unionOf(still, 'team_id, seq, hash')}) u order by team_id, seq desc
       on conflict (team_id) do update
         set seq = excluded.seq, hash = excluded.hash, cut_at = excluded.cut_at
         where chain_anchors.seq < excluded.seq
       returning team_id`,
      [now.toISOString()],
    );
    for (const month of still) await raw.query(`drop table "${month.table}"`);
    return { dropped: still.map((m) => m.month), anchoredTeams: anchored.length };
  });
  if (done === null)
    return { dropped: [], held: [...held, ...months.map((m) => m.month)], anchoredTeams: 0 };
  forgetEventPartitions(database, done.dropped);
  return { ...done, held };
}
