import {
  replaceSharedSecrets,
  sharedSecretsAfter,
  type Database,
  type SharedSecretChange,
  type StoredSharedSecret,
} from '@opsledger/db';

import {
  openCredentialSecret,
  sealCredentialSecret,
  secretKeyringOf,
  type CredentialKind,
} from './credential-secrets';
import { parseSealed } from './sealed-secret';

/** Rows read and rewritten per statement: a big table is never held in memory at once. */
const BATCH = 500;

/** `clear`: encrypt what is still in clear text. `all`: also move every row to the primary key. */
export type ResealScope = 'clear' | 'all';

export interface ColumnCounts {
  resealed: number;
  unchanged: number;
  /** Sealed under a key the keyring lacks, or not for their row: left as they are. */
  unreadable: number;
}
export type ResealCounts = Record<CredentialKind, ColumnCounts>;

/** The value to store instead of `row`'s, or why it stays as it is. */
async function resealed(
  database: Database,
  kind: CredentialKind,
  row: StoredSharedSecret,
  scope: ResealScope,
  // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- the two words name the answers that are not a new sealed value
): Promise<string | 'unchanged' | 'unreadable'> {
  const credential = { kind, teamId: row.teamId, id: row.id };
  const sealed = parseSealed(row.sharedSecret);
  if (!sealed) return sealCredentialSecret(database, credential, row.sharedSecret);
  if (scope === 'clear' || sealed.keyId === secretKeyringOf(database).primaryId()) {
    return 'unchanged';
  }
  try {
    const clear = await openCredentialSecret(database, credential, row.sharedSecret);
    // A ciphertext that does not open for its row was tampered with; it stays refused.
    return clear === null ? 'unreadable' : sealCredentialSecret(database, credential, clear);
  } catch (error) {
    // One lost key must not stop the others' rows from moving to the new one.
    if (error instanceof Error && error.name === 'UnknownSecretKeyError') return 'unreadable';
    throw error;
  }
}

async function resealColumn(
  database: Database,
  kind: CredentialKind,
  scope: ResealScope,
): Promise<ColumnCounts> {
  const counts: ColumnCounts = { resealed: 0, unchanged: 0, unreadable: 0 };
  let after = { teamId: '00000000-0000-0000-0000-000000000000', id: '' };
  for (;;) {
    const rows = await sharedSecretsAfter(database, kind, after, BATCH);
    const last = rows.at(-1);
    if (!last) return counts;
    after = { teamId: last.teamId, id: last.id };
    const changes: SharedSecretChange[] = [];
    for (const row of rows) {
      const value = await resealed(database, kind, row, scope);
      if (value === 'unchanged' || value === 'unreadable') counts[value] += 1;
      else changes.push({ teamId: row.teamId, id: row.id, old: row.sharedSecret, value });
    }
    if (changes.length === 0) continue;
    // Only a row that still holds what was read is rewritten: a concurrent change wins.
    const resealedRows = await replaceSharedSecrets(database, kind, changes);
    counts.resealed += resealedRows;
    counts.unchanged += changes.length - resealedRows;
  }
}

/**
 * Encrypts the stored shared secrets with the database's keyring, in batches: at start-up the
 * ones still in clear (written before encryption at rest; a second run finds none), after a
 * rotation every one not yet under the primary key.
 */
export async function resealSecrets(database: Database, scope: ResealScope): Promise<ResealCounts> {
  return {
    'access-key': await resealColumn(database, 'access-key', scope),
    'hblock-user': await resealColumn(database, 'hblock-user', scope),
  };
}
