import { bigint, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

import { instant } from './columns';
import { teams } from './tenancy';

/**
 * The deployment's checkpoint-signing keys, public halves only (the private key is in the data
 * directory or the environment). A rotated key stays listed, retired, so its checkpoints verify.
 */
export const signingKeys = pgTable('signing_keys', {
  id: text('id').primaryKey(),
  publicKey: text('public_key').notNull().unique(),
  createdAt: instant('created_at').notNull().defaultNow(),
  retiredAt: instant('retired_at'),
});

/**
 * Signed statements of a team's chain head (team, seq, hash, time). Not part of the events'
 * partitions, so retention never drops them: they keep the remaining chain verifiable.
 */
export const chainCheckpoints = pgTable(
  'chain_checkpoints',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
    at: instant('at').notNull(),
    keyId: text('key_id')
      .notNull()
      .references(() => signingKeys.id),
    signature: text('signature').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.seq] }),
    index('chain_checkpoints_at_idx').on(t.teamId, t.at),
  ],
);
