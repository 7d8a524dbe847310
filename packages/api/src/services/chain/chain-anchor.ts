import { chainAnchors, eq, type Database } from '@opsledger/db';
import type { ChainPoint } from '@opsledger/domain';

/**
 * The point a team's stored chain starts from once retention has cut its oldest months: the
 * seq and hash of the last event cut (`chain_anchors`, written by retention before it drops a
 * month). Null: nothing was ever cut, so the chain starts at the genesis.
 */
export async function chainAnchorOf(
  database: Database,
  teamId: string,
): Promise<ChainPoint | null> {
  const [anchor] = await database.db
    .select({ seq: chainAnchors.seq, hash: chainAnchors.hash })
    .from(chainAnchors)
    .where(eq(chainAnchors.teamId, teamId))
    .limit(1);
  return anchor ?? null;
}
