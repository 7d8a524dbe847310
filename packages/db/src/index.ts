export * from './schema';
export type { Database, DatabaseKind, Db, DbTransaction, TransactionScope } from './database';
export { boundToTransaction, isBoundToTransaction, rootDatabaseOf } from './bound-database';
export type { RawQuery, RawTransaction } from './connection/raw';
export { copyTextFields, copyTextRow } from './connection/raw';
export { openDatabase, type DatabaseConfig } from './connection/open';
export { DataDirInUseError } from './connection/data-dir-lock';
export { connectionFailureCode, isConnectionFailure } from './connection/connection-failure';
export { pingDatabase } from './connection/ping';
export { migrateDatabase } from './migrate';
export { copyTargetOf, type ColumnKey, type CopyTarget } from './copy/copy-target';
export {
  appendEvents,
  appendEventsIn,
  IdempotencyConflictError,
  type PendingEvent,
  type AppendResult,
  type AppendOptions,
} from './events/append';
export { appendToEachTeam, type TeamEvent } from './events/append-to-each-team';
export { mergePendingSearchEntries } from './events/pending-search-entries';
export {
  EVENTS_APPENDED_CHANNEL,
  parseEventsAppended,
  type EventsAppended,
} from './events/appended-notice';
export { chainHash } from './events/chain-hash';
export { chainEvents, EVENT_COPY, prepareEvent, type PreparedEvent } from './events/chain-events';
export { copyTrafficHits, type TrafficHitRow } from './traffic/copy-traffic-hits';
export { insertKeyedTrafficHits, type KeyedTrafficHitRow } from './traffic/insert-keyed-hits';
export {
  insertDailyUniques,
  type DailyUniqueCandidate,
  type FreshUniques,
} from './traffic/daily-uniques';
export {
  addToDailyFigures,
  type DailyCounter,
  type DailyFiguresIncrement,
} from './traffic/daily-figures';
export {
  dailyBackupOutcomes,
  type BackupOutcomeWindow,
  type DailyBackupOutcome,
} from './runs/daily-backup-outcomes';
export {
  replaceSharedSecrets,
  sharedSecretsAfter,
  type SharedSecretChange,
  type SharedSecretHolder,
  type StoredSharedSecret,
} from './credentials/shared-secrets';
export {
  ensureEventPartitions,
  maintainEventPartitions,
  EventPartitionLimitError,
} from './events/partitions';
export { runRetention, type RetentionRun } from './retention/run-retention';
export { retentionDaysSql } from './retention/retention-days';

// Services build queries with these; only this package imports drizzle-orm itself.
export {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gt,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  ne,
  not,
  or,
  sql,
  sum,
  type SQL,
  type InferInsertModel,
  type InferSelectModel,
} from 'drizzle-orm';
