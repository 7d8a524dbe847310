import { and, asc, isNull, ne, signingKeys, sql, type Database } from '@opsledger/db';
import type { SigningKeyInfo } from '@opsledger/domain';

import { isoInstant } from '../sql-instant';
import type { SigningKey } from './signing-key';

/**
 * Publishes the key this server signs with and retires the others, which stay listed: a
 * checkpoint signed before a rotation must still verify.
 */
export async function registerSigningKey(database: Database, key: SigningKey): Promise<void> {
  await database.transaction(async ({ db }) => {
    await db
      .insert(signingKeys)
      .values({ id: key.id, publicKey: key.publicKey })
      .onConflictDoUpdate({ target: signingKeys.id, set: { retiredAt: null } });
    await db
      .update(signingKeys)
      .set({ retiredAt: sql`now()` })
      .where(and(ne(signingKeys.id, key.id), isNull(signingKeys.retiredAt)));
  });
}

/** Every key checkpoints were ever signed with, oldest first. */
export async function listSigningKeys(database: Database): Promise<SigningKeyInfo[]> {
  const rows = await database.db.select().from(signingKeys).orderBy(asc(signingKeys.createdAt));
  return rows.map((row) => ({
    id: row.id,
    algorithm: 'ed25519',
    publicKey: row.publicKey,
    createdAt: isoInstant(row.createdAt),
    retiredAt: row.retiredAt === null ? null : isoInstant(row.retiredAt),
  }));
}
