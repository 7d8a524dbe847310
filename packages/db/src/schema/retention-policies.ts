import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

import { RETENTION_STREAMS } from '@opsledger/domain';

import { instant } from './columns';
import { teams } from './tenancy';

/**
 * A team's retention of one stream, where an owner has set one; a stream without a row keeps
 * its default. `days` null keeps the stream forever.
 */
export const retentionPolicies = pgTable(
  'retention_policies',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    stream: text('stream', { enum: RETENTION_STREAMS }).notNull(),
    days: integer('days'),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.stream] })],
);
