import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

import { ROLES } from '@opsledger/domain';

import { instant } from './columns';

export const teams = pgTable('teams', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  createdAt: instant('created_at').notNull(),
});

/** A team's blocklets and websites. */
export const apps = pgTable(
  'apps',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    did: text('did').notNull(),
    uuid: uuid('uuid').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: instant('created_at').notNull(),
    /** When the registrant proved it holds the app wallet; null for apps registered before. */
    provenAt: instant('proven_at'),
    /** When a proven registration by another team took the DID from this unproven app. */
    releasedAt: instant('released_at'),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    // Foreign clients name an app only by its DID, before any team is known: the one lookup
    // that must not start with team_id. An app DID is held by a single team; a released app
    // keeps its history (and its DID, for that team's reads) without holding it.
    uniqueIndex('apps_did_key')
      .on(t.did)
      .where(sql`${t.releasedAt} is null`),
    uniqueIndex('apps_team_uuid_key').on(t.teamId, t.uuid),
  ],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    /** The first characters of the secret, to tell keys apart in lists. */
    prefix: text('prefix').notNull(),
    /** sha256 of the secret; the secret itself is shown once and never stored. */
    secretHash: text('secret_hash').notNull(),
    createdAt: instant('created_at').notNull(),
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    // Authentication starts from the secret alone.
    uniqueIndex('api_keys_secret_hash_key').on(t.secretHash),
    index('api_keys_team_created_idx').on(t.teamId, t.createdAt),
  ],
);

/** Rows that belong to an app reference it with their team, never across teams. */
export const appForeignKey = (t: { teamId: AnyPgColumn; appId: AnyPgColumn }, name: string) =>
  foreignKey({
    name,
    columns: [t.teamId, t.appId],
    foreignColumns: [apps.teamId, apps.id],
  }).onDelete('cascade');
