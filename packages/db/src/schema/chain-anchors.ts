import { bigint, pgTable, text, uuid } from 'drizzle-orm/pg-core';

import { instant } from './columns';
import { teams } from './tenancy';

/**
 * Where a team's hash chain starts once retention has dropped its oldest events: the seq and
 * hash of the last dropped event. The first kept event's prev_hash equals this hash, so the
 * chain stays verifiable from the anchor on. The hash is encoded as events.hash is.
 */
export const chainAnchors = pgTable('chain_anchors', {
  teamId: uuid('team_id')
    .primaryKey()
    .references(() => teams.id),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  cutAt: instant('cut_at').notNull(),
});
