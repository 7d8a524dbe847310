import {
  AuditLogListInput,
  BackupListInput,
  BackupSummaryInput,
  MAX_PAGE_SIZE,
  PassportLogListInput,
  TimeZone,
  TrafficInsightListInput,
  type Backup,
} from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { notFound, ServiceError } from '../../errors';
import { findAppByDid } from '../../services/apps/apps';
import { listAuditLogs } from '../../services/audit-logs/list-audit-logs';
import { listBackups } from '../../services/backups/list-backups';
import { summarizeBackups } from '../../services/backups/summarize-backups';
import { listPassportLogs } from '../../services/passport-logs/list-passport-logs';
import { listTrafficInsights } from '../../services/traffic/list-traffic-insights';
import type {
  AuditLogsInput,
  BackupsInput,
  PassportLogsInput,
  TrafficInsightsInput,
} from './blocklet-inputs';
import { blockletAuditLog, blockletBackup, blockletPassportLog } from './blocklet-shapes';

/**
 * The five Blocklet queries over the native services. A `did` that names no app of the
 * caller's team (unknown, or another team's) answers `code: blocklet_not_found` with an empty
 * list: the response carries a StatusCode for exactly this, and an empty list under `ok` would
 * tell a caller with a mistyped DID that the app has no backups. Unknown and foreign DIDs get
 * the same answer, so nothing tells whether another team has that app.
 */

/** getBlockletBackups has no paging: it answers up to this many, newest first. */
export const MAX_BACKUPS_PER_ANSWER = 1000;

async function isAppOfTeam(ctx: ServiceContext, did: string): Promise<boolean> {
  try {
    await findAppByDid(ctx, did);
    return true;
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'NOT_FOUND') return false;
    throw error;
  }
}

const blockletNotFound = { code: 'blocklet_not_found' } as const;

export async function getBlockletBackups(ctx: ServiceContext, input: BackupsInput) {
  if (input.did !== undefined && !(await isAppOfTeam(ctx, input.did))) {
    return { ...blockletNotFound, backups: [] };
  }
  const backups: Backup[] = [];
  let cursor: string | undefined;
  do {
    const page = await listBackups({
      ctx,
      input: BackupListInput.parse({
        appDid: input.did,
        from: input.startTime,
        to: input.endTime,
        cursor,
        limit: MAX_PAGE_SIZE,
      }),
    });
    backups.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined && backups.length < MAX_BACKUPS_PER_ANSWER);
  return { code: 'ok', backups: backups.slice(0, MAX_BACKUPS_PER_ANSWER).map(blockletBackup) };
}

/**
 * Days are cut in the caller's time zone: the client sends its own as `x-timezone` (a zone
 * this server does not know falls back to UTC rather than failing every summary).
 */
export async function getBlockletBackupSummary(
  ctx: ServiceContext,
  input: BackupsInput,
  timeZoneHeader: string | null,
) {
  if (input.did !== undefined && !(await isAppOfTeam(ctx, input.did))) {
    return { ...blockletNotFound, summary: [] };
  }
  const timeZone = TimeZone.safeParse(timeZoneHeader);
  const { summary } = await summarizeBackups({
    ctx,
    input: BackupSummaryInput.parse({
      appDid: input.did,
      from: input.startTime,
      to: input.endTime,
      timeZone: timeZone.success ? timeZone.data : 'UTC',
    }),
  });
  return { code: 'ok', summary };
}

export async function getAuditLogs(ctx: ServiceContext, input: AuditLogsInput) {
  const page = await listAuditLogs({
    ctx,
    input: AuditLogListInput.parse({
      scope: input.scope,
      category: input.category,
      actionOrContent: input.actionOrContent,
      ...input.paging,
    }),
  });
  return { code: 'ok', list: page.list.map(blockletAuditLog), paging: page.paging };
}

/**
 * Passports belong to the team, not to one of its apps, so any of the team's app DIDs names
 * the same log. This response has no `code`: an unknown `teamDid` is an error naming it.
 */
export async function getPassportLogs(ctx: ServiceContext, input: PassportLogsInput) {
  if (input.teamDid !== undefined && !(await isAppOfTeam(ctx, input.teamDid))) {
    throw notFound(`teamDid: app ${input.teamDid}`);
  }
  const page = await listPassportLogs({
    ctx,
    input: PassportLogListInput.parse({ passportId: input.query?.passportId, ...input.paging }),
  });
  return { passportLogs: page.passportLogs.map(blockletPassportLog), paging: page.paging };
}

export async function getTrafficInsights(ctx: ServiceContext, input: TrafficInsightsInput) {
  if (input.did !== undefined && !(await isAppOfTeam(ctx, input.did))) {
    const empty = { total: 0, pageCount: 0, ...input.paging };
    return { ...blockletNotFound, list: [], paging: empty };
  }
  const page = await listTrafficInsights({
    ctx,
    input: TrafficInsightListInput.parse({
      appDid: input.did,
      startDate: input.startDate,
      endDate: input.endDate,
      ...input.paging,
    }),
  });
  return { code: 'ok', ...page };
}
