import { and, backups, desc, eq, gte, lte, sql, type SQL } from '@opsledger/db';
import {
  decodeIdCursor,
  encodeIdCursor,
  InvalidCursorError,
  isStorableInstant,
  type Backup,
  type BackupListInput,
} from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { findAppByDid } from '../apps/apps';
import { sqlInstant } from '../sql-instant';
import { backupFromRow, backupOfTeam, selectBackups } from './backup-rows';

/** created_at is written from Node, so its ISO form with milliseconds is the exact value. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function afterCursor(cursor: string): SQL {
  const [createdAt, id] = decodeIdCursor(cursor);
  if (!ISO_INSTANT.test(createdAt) || !isStorableInstant(createdAt)) {
    throw new InvalidCursorError();
  }
  return sql`(${backups.createdAt}, ${backups.id}) < (${sqlInstant(createdAt)}, ${id}::uuid)`;
}

/** The caller's backups, newest first, by keyset: a page costs the same at any depth. */
export async function listBackups({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: BackupListInput;
}): Promise<{ items: Backup[]; nextCursor: string | null }> {
  const conditions: SQL[] = [];
  if (input.cursor !== undefined) conditions.push(afterCursor(input.cursor));
  if (input.appDid !== undefined) {
    conditions.push(eq(backups.appId, (await findAppByDid(ctx, input.appDid)).id));
  }
  if (input.from !== undefined) conditions.push(gte(backups.createdAt, sqlInstant(input.from)));
  if (input.to !== undefined) conditions.push(lte(backups.createdAt, sqlInstant(input.to)));

  const rows = await selectBackups(ctx.database.db)
    .where(backupOfTeam(ctx, and(...conditions)))
    .orderBy(desc(backups.createdAt), desc(backups.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit).map(backupFromRow);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > input.limit && last ? encodeIdCursor([last.createdAt, last.id]) : null,
  };
}
