import type { OpsLedgerClient, RouterInputs } from '@opsledger/client';
import {
  Activity,
  ActivityFilter,
  AuditLog,
  AuditLogFilter,
  Backup,
  BackupFilter,
  PassportLog,
  PassportLogFilter,
  PlatformEvent,
  SyncRun,
  SyncRunFilter,
  TrafficInsight,
  TrafficInsightFilter,
} from '@opsledger/domain';

import { cursorPages, offsetPages, PAGE_SIZE } from './pages';

export const EXPORT_STREAMS = [
  'audit',
  'activity',
  'passport',
  'user',
  'system',
  'backups',
  'syncs',
  'traffic',
] as const;
export type ExportStreamName = (typeof EXPORT_STREAMS)[number];

interface FilterSchema {
  safeParse(
    value: unknown,
  ):
    | { success: true }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

/** Filter fields as the API names them, with the values the flags gave. */
export type Filter = Record<string, unknown>;

export interface ExportStream {
  /** Export flag (its option name) -> the filter field of the list query it sets. */
  filters: Record<string, string>;
  filterSchema: FilterSchema;
  /** CSV columns: the fields of a row, in the order the API's output schema lists them. */
  columns: readonly string[];
  pages(client: OpsLedgerClient, filter: Filter): AsyncGenerator<object[]>;
}

const noFilters: FilterSchema = { safeParse: () => ({ success: true }) };

// Filters reaching `pages` passed the domain schema of that filter.
const platformEvents = (type: 'user' | 'system'): ExportStream => ({
  filters: {},
  filterSchema: noFilters,
  columns: Object.keys(PlatformEvent.shape),
  pages: (client) =>
    cursorPages((cursor) => client.events.scroll.query({ type, cursor, limit: PAGE_SIZE })),
});

export const exportStreams: Record<ExportStreamName, ExportStream> = {
  audit: {
    filters: { scope: 'scope', category: 'category', q: 'actionOrContent', from: 'from', to: 'to' },
    filterSchema: AuditLogFilter,
    columns: Object.keys(AuditLog.shape),
    pages: (client, filter) =>
      cursorPages((cursor) =>
        client.auditLogs.scroll.query({
          ...(filter as RouterInputs['auditLogs']['scroll']),
          cursor,
          limit: PAGE_SIZE,
        }),
      ),
  },
  activity: {
    filters: {
      companyId: 'companyId',
      sourceId: 'sourceId',
      sequenceKey: 'sequenceKey',
      websiteUuid: 'websiteUuid',
      resourceType: 'resourceType',
      keypoint: 'keypoint',
      endpoint: 'endpoint',
      from: 'createdAtAfter',
      to: 'createdAtBefore',
    },
    filterSchema: ActivityFilter,
    columns: Object.keys(Activity.shape),
    pages: (client, filter) =>
      cursorPages(async (after) => {
        const connection = await client.activities.list.query({
          filter,
          sort: 'createdAt_DESC',
          first: PAGE_SIZE,
          after,
        });
        return {
          items: connection.edges.map((edge) => edge.node),
          nextCursor: connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null,
        };
      }),
  },
  passport: {
    filters: { passportId: 'passportId' },
    filterSchema: PassportLogFilter,
    columns: Object.keys(PassportLog.shape),
    pages: (client, filter) =>
      cursorPages((cursor) =>
        client.passportLogs.scroll.query({
          ...(filter as RouterInputs['passportLogs']['scroll']),
          cursor,
          limit: PAGE_SIZE,
        }),
      ),
  },
  user: platformEvents('user'),
  system: platformEvents('system'),
  backups: {
    filters: { app: 'appDid', from: 'from', to: 'to' },
    filterSchema: BackupFilter,
    columns: Object.keys(Backup.shape),
    pages: (client, filter) =>
      cursorPages((cursor) =>
        client.backups.list.query({
          ...(filter as RouterInputs['backups']['list']),
          cursor,
          limit: PAGE_SIZE,
        }),
      ),
  },
  syncs: {
    filters: { app: 'appDid', status: 'status', actionType: 'actionType' },
    filterSchema: SyncRunFilter,
    columns: Object.keys(SyncRun.shape),
    pages: (client, filter) =>
      offsetPages(async (page) => {
        const result = await client.syncs.list.query({
          ...(filter as RouterInputs['syncs']['list']),
          sort: 'createdAt',
          order: 'asc',
          page,
          pageSize: PAGE_SIZE,
        });
        return { items: result.items, pageCount: result.paging.pageCount };
      }),
  },
  traffic: {
    filters: { app: 'appDid', startDate: 'startDate', endDate: 'endDate' },
    filterSchema: TrafficInsightFilter,
    columns: Object.keys(TrafficInsight.shape),
    pages: (client, filter) =>
      offsetPages(async (page) => {
        const result = await client.traffic.insights.query({
          ...(filter as RouterInputs['traffic']['insights']),
          page,
          pageSize: PAGE_SIZE,
        });
        return { items: result.list, pageCount: result.paging.pageCount };
      }),
  },
};
