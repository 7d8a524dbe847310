import {
  and,
  isNull,
  lt,
  or,
  type accessKeys,
  type apiKeys,
  type Database,
  type hblockUsers,
  type SQL,
} from '@opsledger/db';

/** Every credential table keeps a `last_used_at`. */
type CredentialTable = typeof apiKeys | typeof accessKeys | typeof hblockUsers;

/** last_used_at is a hint, not an audit trail: write it at most once a minute per credential. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** Notes that the credential `which` selects in `table` was used at `nowMs`. */
export async function noteCredentialUse(
  database: Database,
  table: CredentialTable,
  which: SQL | undefined,
  nowMs = Date.now(),
): Promise<void> {
  const stale = new Date(nowMs - LAST_USED_RESOLUTION_MS).toISOString();
  await database.db
    .update(table)
    .set({ lastUsedAt: new Date(nowMs).toISOString() })
    .where(and(which, or(isNull(table.lastUsedAt), lt(table.lastUsedAt, stale))));
}
