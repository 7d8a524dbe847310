import {
  and,
  asc,
  chainCheckpoints,
  desc,
  eq,
  eventChainHeads,
  events,
  gt,
  gte,
  lte,
  sql,
  type Database,
} from '@opsledger/db';
import {
  GENESIS_HASH,
  type ChainCheckpointsInput,
  type ChainEventsInput,
  type ChainEventsPage,
  type ChainPoint,
  type ChainRange,
  type ChainRangeInput,
  type ChainState,
  type Checkpoint,
} from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { storedEventFromRow } from '../events/stored-event';
import { isoInstant, sqlInstant } from '../sql-instant';
import { chainAnchorOf } from './chain-anchor';

type CheckpointRow = typeof chainCheckpoints.$inferSelect;

const checkpointFromRow = (row: CheckpointRow): Checkpoint => ({
  teamId: row.teamId,
  seq: row.seq,
  hash: row.hash,
  at: isoInstant(row.at),
  keyId: row.keyId,
  signature: row.signature,
});

const GENESIS: ChainPoint = { seq: 0, hash: GENESIS_HASH };

async function headOf(database: Database, teamId: string): Promise<ChainPoint> {
  const [head] = await database.db
    .select({ seq: eventChainHeads.seq, hash: eventChainHeads.hash })
    .from(eventChainHeads)
    .where(eq(eventChainHeads.teamId, teamId));
  return head ?? GENESIS;
}

/** The newest checkpoint at or before `seq` (and not before the anchor: older ones are moot). */
async function checkpointAtOrBefore(
  database: Database,
  teamId: string,
  seq: number,
  notBefore: number,
): Promise<Checkpoint | null> {
  const [row] = await database.db
    .select()
    .from(chainCheckpoints)
    .where(
      and(
        eq(chainCheckpoints.teamId, teamId),
        lte(chainCheckpoints.seq, seq),
        gte(chainCheckpoints.seq, notBefore),
      ),
    )
    .orderBy(desc(chainCheckpoints.seq))
    .limit(1);
  return row ? checkpointFromRow(row) : null;
}

/** Where the caller's chain stands: head, anchor, newest checkpoint. */
export async function chainState({ ctx }: { ctx: ServiceContext }): Promise<ChainState> {
  const { id, slug } = ctx.caller.team;
  const [head, anchor] = await Promise.all([
    headOf(ctx.database, id),
    chainAnchorOf(ctx.database, id),
  ]);
  const lastCheckpoint = await checkpointAtOrBefore(ctx.database, id, head.seq, anchor?.seq ?? 0);
  return { teamId: id, slug, head, anchor, lastCheckpoint };
}

/** A page of the caller's chain in seq order, every field the hash covers. */
export async function chainEvents({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ChainEventsInput;
}): Promise<ChainEventsPage> {
  const rows = await ctx.database.db
    .select()
    .from(events)
    .where(
      and(
        eq(events.teamId, ctx.caller.team.id),
        gt(events.seq, input.afterSeq),
        input.toSeq === undefined ? undefined : lte(events.seq, input.toSeq),
      ),
    )
    .orderBy(asc(events.seq))
    .limit(input.limit);
  const page = rows.map(storedEventFromRow);
  const last = page.at(-1);
  return { events: page, nextAfterSeq: page.length < input.limit || !last ? null : last.seq };
}

/** The caller's checkpoints in seq order. */
export async function chainCheckpointList({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ChainCheckpointsInput;
}): Promise<Checkpoint[]> {
  const rows = await ctx.database.db
    .select()
    .from(chainCheckpoints)
    .where(
      and(
        eq(chainCheckpoints.teamId, ctx.caller.team.id),
        gt(chainCheckpoints.seq, input.afterSeq),
        input.toSeq === undefined ? undefined : lte(chainCheckpoints.seq, input.toSeq),
      ),
    )
    .orderBy(asc(chainCheckpoints.seq))
    .limit(input.limit);
  return rows.map(checkpointFromRow);
}

/**
 * The seq range an export of a time range needs. Seq order is not time order (writers may date
 * events), so the range runs from the first seq dated inside it to the last; it starts at the
 * newest checkpoint before that (or the anchor, or the genesis), so what is exported still
 * verifies from a signed point.
 */
export async function chainRange({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ChainRangeInput;
}): Promise<ChainRange> {
  const teamId = ctx.caller.team.id;
  const [head, anchor] = await Promise.all([
    headOf(ctx.database, teamId),
    chainAnchorOf(ctx.database, teamId),
  ]);
  const floor = anchor ?? GENESIS;
  let firstSeq = floor.seq + 1;
  let toSeq: number | null = head.seq > floor.seq ? head.seq : null;
  if (input.from !== undefined || input.to !== undefined) {
    // Both ends in one scan of the range's partitions.
    const [bounds] = await ctx.database.db
      .select({
        first: sql<string | null>`min(${events.seq})`,
        last: sql<string | null>`max(${events.seq})`,
      })
      .from(events)
      .where(
        and(
          eq(events.teamId, teamId),
          input.from === undefined ? undefined : gte(events.occurredAt, sqlInstant(input.from)),
          input.to === undefined ? undefined : lte(events.occurredAt, sqlInstant(input.to)),
        ),
      );
    if (bounds?.first == null || bounds.last == null) {
      return { start: floor, startCheckpoint: null, end: null };
    }
    firstSeq = Number(bounds.first);
    toSeq = Number(bounds.last);
  }
  if (input.afterSeq !== undefined) firstSeq = Math.max(firstSeq, input.afterSeq + 1);
  if (toSeq !== null && firstSeq > toSeq) return { start: floor, startCheckpoint: null, end: null };
  const [checkpoint, end] = await Promise.all([
    checkpointAtOrBefore(ctx.database, teamId, firstSeq - 1, floor.seq),
    toSeq === null ? null : chainPointAt(ctx.database, teamId, toSeq),
  ]);
  const start = checkpoint ? { seq: checkpoint.seq, hash: checkpoint.hash } : floor;
  return { start, startCheckpoint: checkpoint, end };
}

/** The caller's event at `seq` as a chain point (the end a bundle names); null when not stored. */
async function chainPointAt(database: Database, teamId: string, seq: number) {
  const [row] = await database.db
    .select({ hash: events.hash })
    .from(events)
    .where(and(eq(events.teamId, teamId), eq(events.seq, seq)))
    .limit(1);
  return row ? { seq, hash: row.hash } : null;
}
