import type { Database } from '@opsledger/db';
import type { ChainPoint } from '@opsledger/domain';

/**
 * The point a team's stored chain starts from once retention has cut its oldest months: the
 * seq and hash of the last event cut. Null: the chain starts at the genesis.
 *
 * The one place that reads the `chain_anchors` table (team_id → seq, hash, cut_at), which the
 * retention work (branch h/retention) creates; until that table is merged no team has an anchor,
 * so null is the true answer here. The integrator replaces the body with:
 *   select seq, hash from chain_anchors where team_id = $1
 */
export function chainAnchorOf(_database: Database, _teamId: string): Promise<ChainPoint | null> {
  return Promise.resolve(null);
}
