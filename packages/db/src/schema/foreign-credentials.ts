import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

import { ACCESS_KEY_ALGS, ROLES } from '@opsledger/domain';

import { instant } from './columns';
import { teams } from './tenancy';

/*
 * Credentials of the seed systems' clients. The shared secrets of `sha256`/`totp` access keys
 * and of HBlock users are kept encrypted, not hashed: their verifiers (a hash or an HMAC over
 * the secret and the time or request) need the secret itself. packages/api/src/secrets seals
 * them (`v1:<keyId>:...`, AES-256-GCM bound to the row).
 */

/** Blocklet Server access keys (`client.setAuthAccessKey`). */
export const accessKeys = pgTable(
  'access_keys',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    /** What the client sends as `x-access-key-id`: the wallet's DID for wallet keys. */
    id: text('id').notNull(),
    alg: text('alg', { enum: ACCESS_KEY_ALGS }).notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    name: text('name').notNull(),
    /** Hex Ed25519 public key of a wallet key; the secret key is shown once, never stored. */
    publicKey: text('public_key'),
    /** The shared secret of a `sha256` or `totp` key. */
    sharedSecret: text('shared_secret'),
    createdAt: instant('created_at').notNull(),
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    // Authentication starts from the key id alone.
    uniqueIndex('access_keys_id_key').on(t.id),
    index('access_keys_team_created_idx').on(t.teamId, t.createdAt),
  ],
);

/** HBlock users (`Authorization: HBlock <userName>:<signature>`). */
export const hblockUsers = pgTable(
  'hblock_users',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userName: text('user_name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    sharedSecret: text('shared_secret').notNull(),
    createdAt: instant('created_at').notNull(),
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.userName] }),
    // The Authorization header names the user alone, before any team is known, in any case:
    // `Ops` and `ops` are one user (migration 0003 settles older duplicates).
    uniqueIndex('hblock_users_user_name_lower_key').on(sql`lower(${t.userName})`),
  ],
);
