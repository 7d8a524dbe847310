import type { Database } from '@opsledger/db';
import {
  openCredentialSecret,
  sealCredentialSecret,
  secretKeyringOf,
  type CredentialKind,
} from './credential-secrets';
import { parseSealed } from './sealed-secret';

/** The columns that hold shared secrets, with the column that names their row. */
const SECRET_COLUMNS: Record<CredentialKind, { table: string; id: string }> = {
  'access-key': { table: 'access_keys', id: 'id' },
  'hblock-user': { table: 'hblock_users', id: 'user_name' },
};

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

interface StoredRow extends Record<string, unknown> {
  team_id: string;
  id: string;
  shared_secret: string;
}

/** The value to store instead of `row`'s, or why it stays as it is. */
async function resealed(
  database: Database,
  kind: CredentialKind,
  row: StoredRow,
  scope: ResealScope,
): Promise<string | 'unchanged' | 'unreadable'> {
  const credential = { kind, teamId: row.team_id, id: row.id };
  const sealed = parseSealed(row.shared_secret);
  if (!sealed) return sealCredentialSecret(database, credential, row.shared_secret);
  if (scope === 'clear' || sealed.keyId === secretKeyringOf(database).primaryId()) {
    return 'unchanged';
  }
  try {
    const clear = await openCredentialSecret(database, credential, row.shared_secret);
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
  const column = SECRET_COLUMNS[kind];
  const counts: ColumnCounts = { resealed: 0, unchanged: 0, unreadable: 0 };
  let after = { teamId: '00000000-0000-0000-0000-000000000000', id: '' };
  for (;;) {
    const rows = await database.query<StoredRow>(
      `select team_id::text as team_id, ${column.id} as id, shared_secret from ${column.table}
       where shared_secret is not null and (team_id, ${column.id}) > ($1::uuid, $2)
       order by team_id, ${column.id} limit ${BATCH}`,
      [after.teamId, after.id],
    );
    const last = rows.at(-1);
    if (!last) return counts;
    after = { teamId: last.team_id, id: last.id };
    const changes: { row: StoredRow; value: string }[] = [];
    for (const row of rows) {
      const value = await resealed(database, kind, row, scope);
      if (value === 'unchanged' || value === 'unreadable') counts[value] += 1;
      else changes.push({ row, value });
    }
    if (changes.length === 0) continue;
    // Only a row that still holds what was read is rewritten: a concurrent change wins.
    const updated = await database.query(
      `update ${column.table} t set shared_secret = u.value
       from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as u(team_id, id, old, value)
       where t.team_id = u.team_id::uuid and t.${column.id} = u.id and t.shared_secret = u.old
       returning 1`,
      [
        changes.map((c) => c.row.team_id),
        changes.map((c) => c.row.id),
        changes.map((c) => c.row.shared_secret),
        changes.map((c) => c.value),
      ],
    );
    counts.resealed += updated.length;
    counts.unchanged += changes.length - updated.length;
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
