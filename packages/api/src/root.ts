import { accessKeysRouter } from './routers/access-keys';
import { accountRouter } from './routers/account';
import { activitiesRouter } from './routers/activities';
import { apiKeysRouter } from './routers/api-keys';
import { appsRouter } from './routers/apps';
import { auditLogsRouter } from './routers/audit-logs';
import { backupPlansRouter } from './routers/backup-plans';
import { backupsRouter } from './routers/backups';
import { chainRouter } from './routers/chain';
import { eventsRouter } from './routers/events';
import { hblockUsersRouter } from './routers/hblock-users';
import { jobsRouter } from './routers/jobs';
import { membersRouter } from './routers/members';
import { passportLogsRouter } from './routers/passport-logs';
import { retentionRouter } from './routers/retention';
import { syncProfilesRouter } from './routers/sync-profiles';
import { syncsRouter } from './routers/syncs';
import { teamsRouter } from './routers/teams';
import { trafficRouter } from './routers/traffic';
import { createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  account: accountRouter,
  teams: teamsRouter,
  members: membersRouter,
  apps: appsRouter,
  apiKeys: apiKeysRouter,
  accessKeys: accessKeysRouter,
  auditLogs: auditLogsRouter,
  activities: activitiesRouter,
  passportLogs: passportLogsRouter,
  events: eventsRouter,
  chain: chainRouter,
  hblockUsers: hblockUsersRouter,
  backups: backupsRouter,
  syncs: syncsRouter,
  traffic: trafficRouter,
  retention: retentionRouter,
  syncProfiles: syncProfilesRouter,
  backupPlans: backupPlansRouter,
  jobs: jobsRouter,
});

export type AppRouter = typeof appRouter;
