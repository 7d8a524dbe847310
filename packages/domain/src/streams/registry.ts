/*
 * Adding a stream (say `incidents`):
 * 1. packages/domain/src/streams/incidents.ts: its input, record, filter and list schemas (and,
 *    for an event-store stream, its envelope mapping and a name in `STREAMS`); export it from
 *    packages/domain/src/index.ts.
 * 2. An entry below: namespace, record, batch write, keyed writes, list paging and filter flags.
 * 3. Its service under packages/api/src/services/incidents/ (an event-store stream's writes are
 *    `streamRecorders` of services/events/record-stream.ts), its router in
 *    packages/api/src/routers/incidents.ts, and the router in packages/api/src/root.ts.
 * 4. Seed demo rows in packages/api/src/bootstrap/demo-data/ and add the export flags' help in
 *    apps/cli/src/commands/export.ts.
 * Derived from this entry: the client's idempotency keys and retries, `opsledger import` and
 * `opsledger export` (names, schemas, filters, columns). packages/api's
 * routers/stream-registry.test.ts checks each procedure named here against the router, and
 * apps/cli's streams/stream-procedures.test.ts its types against the client.
 */
import { z } from 'zod';

import { Backup, BackupFilter } from '../runs/backups';
import { SyncRun, SyncRunFilter } from '../runs/sync-runs';
import { TrafficHitInput, TrafficInsight, TrafficInsightFilter } from '../traffic';
import { Activity, ActivityFilter, ActivityInput } from './activities';
import { AuditLog, AuditLogFilter, AuditLogInput } from './audit-logs';
import { PassportLog, PassportLogFilter, PassportLogInput } from './passport-logs';
import { PlatformEvent, PlatformEventInput } from './platform-events';
import type { StreamEntry } from './stream-entry';

const keyedRecords = { record: 'input', recordBatch: 'items' } as const;
const cursor = { kind: 'cursor' } as const;

/** A platform event stream: both types share the `events` namespace and differ by `type`. */
const platformEvents = <T extends 'user' | 'system'>(type: T) =>
  ({
    namespace: 'events',
    record: PlatformEvent,
    batchWrite: { procedure: 'recordBatch', item: PlatformEventInput },
    keyedWrites: keyedRecords,
    implied: { type },
    list: { procedure: 'scroll', paging: cursor, fixed: { type }, filter: z.object({}), flags: {} },
  }) as const;

/** Every stream a team records, by the name `opsledger import/export --stream` takes. */
export const STREAM_REGISTRY = {
  audit: {
    namespace: 'auditLogs',
    record: AuditLog,
    batchWrite: { procedure: 'recordBatch', item: AuditLogInput },
    keyedWrites: keyedRecords,
    implied: {},
    list: {
      procedure: 'scroll',
      paging: cursor,
      fixed: {},
      filter: AuditLogFilter,
      flags: { scope: 'scope', category: 'category', q: 'q', from: 'from', to: 'to' },
    },
  },
  activity: {
    namespace: 'activities',
    record: Activity,
    batchWrite: { procedure: 'recordBatch', item: ActivityInput },
    keyedWrites: keyedRecords,
    implied: {},
    list: {
      procedure: 'list',
      paging: { kind: 'connection' },
      fixed: { sort: 'createdAt_DESC' },
      filter: ActivityFilter,
      flags: {
        companyId: 'companyId',
        sourceId: 'sourceId',
        sequenceKey: 'sequenceKey',
        websiteUuid: 'websiteUuid',
        resourceType: 'resourceType',
        keypoint: 'keypoint',
        endpoint: 'endpoint',
        from: 'createdAtAfter',
        to: 'createdAtBefore',
        q: 'q',
      },
    },
  },
  passport: {
    namespace: 'passportLogs',
    record: PassportLog,
    batchWrite: { procedure: 'recordBatch', item: PassportLogInput },
    keyedWrites: keyedRecords,
    implied: {},
    list: {
      procedure: 'scroll',
      paging: cursor,
      fixed: {},
      filter: PassportLogFilter,
      flags: { passportId: 'passportId' },
    },
  },
  user: platformEvents('user'),
  system: platformEvents('system'),
  backups: {
    namespace: 'backups',
    record: Backup,
    keyedWrites: { create: 'input' },
    implied: {},
    list: {
      procedure: 'list',
      paging: cursor,
      fixed: {},
      filter: BackupFilter,
      flags: { app: 'appDid', from: 'from', to: 'to' },
    },
  },
  syncs: {
    namespace: 'syncs',
    record: SyncRun,
    keyedWrites: { create: 'input' },
    implied: {},
    list: {
      procedure: 'list',
      // Oldest first, so rows added during an export land after the last page.
      paging: { kind: 'offset', rows: 'items' },
      fixed: { sort: 'createdAt', order: 'asc' },
      filter: SyncRunFilter,
      flags: { app: 'appDid', status: 'status', actionType: 'actionType' },
    },
  },
  traffic: {
    namespace: 'traffic',
    record: TrafficInsight,
    // Raw hits carry no idempotency key: the daily figures count every hit sent.
    batchWrite: { procedure: 'ingest', item: TrafficHitInput },
    keyedWrites: {},
    implied: {},
    list: {
      procedure: 'insights',
      paging: { kind: 'offset', rows: 'list' },
      fixed: {},
      filter: TrafficInsightFilter,
      flags: { app: 'appDid', startDate: 'startDate', endDate: 'endDate' },
    },
  },
} as const satisfies Record<string, StreamEntry>;
