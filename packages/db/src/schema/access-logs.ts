import { pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

import { instant } from './columns';
import { appForeignKey } from './tenancy';

/** The nginx access log a worker tails for an app's traffic (a path on the worker's machine). */
export const appAccessLogs = pgTable(
  'app_access_logs',
  {
    teamId: uuid('team_id').notNull(),
    appId: uuid('app_id').notNull(),
    path: text('path').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.appId] }), appForeignKey(t, 'app_access_logs_app_fk')],
);
