import { randomUUID } from 'node:crypto';

import { asc, eq, syncProfiles } from '@opsledger/db';
import type {
  CreateSyncProfileInput,
  SyncProfile,
  SyncProfileRef,
  UpdateSyncProfileInput,
} from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { findAppByDid } from '../apps/apps';
import { nextRunOf } from '../schedules/cron-schedule';
import {
  findSyncProfile,
  selectSyncProfiles,
  syncProfileFromRow,
  syncProfileNotFound,
  syncProfileOfTeam,
} from './sync-profile-rows';

export async function createSyncProfile({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateSyncProfileInput;
}): Promise<SyncProfile> {
  const app = await findAppByDid(ctx, input.appDid);
  const now = new Date();
  const schedule = input.schedule ?? null;
  const [row] = await ctx.database.db
    .insert(syncProfiles)
    .values({
      teamId: ctx.caller.team.id,
      id: randomUUID(),
      appId: app.id,
      source: input.source,
      target: input.target,
      deleteMissing: input.deleteMissing,
      schedule,
      nextRunAt: schedule === null ? null : nextRunOf(schedule, now),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    })
    .returning();
  if (!row) throw new Error('the sync profile was not stored');
  return syncProfileFromRow({ ...row, appDid: app.did });
}

/** Changes a profile; a new schedule fires next from now, `schedule: null` stops it. */
export async function updateSyncProfile({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: UpdateSyncProfileInput;
}): Promise<SyncProfile> {
  const current = await findSyncProfile(ctx, input.id);
  const now = new Date();
  const scheduleChanged = input.schedule !== undefined;
  const schedule = scheduleChanged ? (input.schedule ?? null) : current.schedule;
  const [row] = await ctx.database.db
    .update(syncProfiles)
    .set({
      source: input.source,
      target: input.target,
      deleteMissing: input.deleteMissing,
      schedule,
      nextRunAt: scheduleChanged
        ? schedule === null
          ? null
          : nextRunOf(schedule, now)
        : undefined,
      updatedAt: now.toISOString(),
    })
    .where(syncProfileOfTeam(ctx, eq(syncProfiles.id, input.id)))
    .returning();
  if (!row) throw syncProfileNotFound(input.id);
  return syncProfileFromRow({ ...row, appDid: current.appDid });
}

export async function getSyncProfile({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: SyncProfileRef;
}) {
  return syncProfileFromRow(await findSyncProfile(ctx, input.id));
}

export async function listSyncProfiles({ ctx }: { ctx: ServiceContext }): Promise<SyncProfile[]> {
  const rows = await selectSyncProfiles(ctx.database.db)
    .where(syncProfileOfTeam(ctx, undefined))
    .orderBy(asc(syncProfiles.createdAt), asc(syncProfiles.id));
  return rows.map(syncProfileFromRow);
}
