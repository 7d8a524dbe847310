import { sqlNamesOf } from '../copy/sql-names';
import type { Database } from '../database';
import { accessKeys, hblockUsers } from '../schema/foreign-credentials';

/** The credentials whose shared secret is stored (sealed) in their row. */
export type SharedSecretHolder = 'access-key' | 'hblock-user';

/** A stored shared secret and the row that holds it (`id` is the user name of an HBlock user). */
export interface StoredSharedSecret {
  teamId: string;
  id: string;
  sharedSecret: string;
}

/** A new value for a row's secret, written only if the row still holds `old`. */
export interface SharedSecretChange {
  teamId: string;
  id: string;
  old: string;
  value: string;
}

const access = sqlNamesOf(accessKeys);
const hblock = sqlNamesOf(hblockUsers);
/** Each holder's table with the column that names a row within its team. */
const HOLDERS: Record<
  SharedSecretHolder,
  { table: string; team: string; id: string; secret: string }
> = {
  'access-key': {
    table: access.table,
    team: access.column.teamId,
    id: access.column.id,
    secret: access.column.sharedSecret,
  },
  'hblock-user': {
    table: hblock.table,
    team: hblock.column.teamId,
    id: hblock.column.userName,
    secret: hblock.column.sharedSecret,
  },
};

/** Up to `limit` stored secrets of `holder` after the row `after`, in (team, id) order. */
export async function sharedSecretsAfter(
  database: Database,
  holder: SharedSecretHolder,
  after: { teamId: string; id: string },
  limit: number,
): Promise<StoredSharedSecret[]> {
  const { table, team, id, secret } = HOLDERS[holder];
  const rows = await database.query<{ team_id: string; id: string; shared_secret: string }>(
    `select ${team}::text as team_id, ${id} as id, ${secret} as shared_secret from ${table}
     where ${secret} is not null and (${team}, ${id}) > ($1::uuid, $2)
     order by ${team}, ${id} limit ${Math.trunc(limit)}`,
    [after.teamId, after.id],
  );
  return rows.map((row) => ({ teamId: row.team_id, id: row.id, sharedSecret: row.shared_secret }));
}

/**
 * Writes the new values in one statement and returns how many rows took theirs: a row whose
 * secret changed since it was read keeps the concurrent change.
 */
export async function replaceSharedSecrets(
  database: Database,
  holder: SharedSecretHolder,
  changes: readonly SharedSecretChange[],
): Promise<number> {
  const { table, team, id, secret } = HOLDERS[holder];
  const updated = await database.query(
    `update ${table} t set ${secret} = u.value
     from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as u(team_id, id, old, value)
     where t.${team} = u.team_id::uuid and t.${id} = u.id and t.${secret} = u.old
     returning 1`,
    [
      changes.map((c) => c.teamId),
      changes.map((c) => c.id),
      changes.map((c) => c.old),
      changes.map((c) => c.value),
    ],
  );
  return updated.length;
}
