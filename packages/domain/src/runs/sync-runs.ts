import { z } from 'zod';

import { Did } from '../apps';
import {
  IdempotencyKey,
  JsonObject,
  Label,
  MAX_PAGE_SIZE,
  StorableString,
  Text,
  Timestamp,
} from '../common';
import { SYNC_ACTION_TYPES } from '../enums';
import { Paging } from '../paging';
import { RunStatus } from './run-status';

export { SYNC_ACTION_TYPES };

/** Also accepts the seed docs' constant names (APP_OBJECTS_SYNC, ...). */
export const SyncActionType = z.preprocess(
  (value) => (typeof value === 'string' ? value.toLowerCase().replace(/_/g, '-') : value),
  z.enum(SYNC_ACTION_TYPES),
);
export type SyncActionType = (typeof SYNC_ACTION_TYPES)[number];

const Count = z.number().int().min(0);

export const CreateSyncRunInput = z.object({
  appDid: Did,
  actionType: SyncActionType.default('app-objects-sync'),
  source: StorableString.trim().min(1, 'must not be empty').max(4000),
  target: StorableString.trim().min(1, 'must not be empty').max(4000),
  metadata: JsonObject.optional(),
  status: RunStatus.optional(),
  userId: Label.optional(),
  username: Label.optional(),
  totalCount: Count.default(0),
  successCount: Count.default(0),
  errorCount: Count.default(0),
  size: Count.default(0),
  duration: Count.default(0),
  /** When the run really began (imported history); default: when the API receives this. */
  createdAt: Timestamp.optional(),
  /** When it really ended, for a run recorded finished; kept as its updatedAt. */
  finishedAt: Timestamp.optional(),
  idempotencyKey: IdempotencyKey.optional(),
});
export type CreateSyncRunInput = z.infer<typeof CreateSyncRunInput>;

export const UpdateSyncRunInput = z.object({
  id: z.uuid(),
  status: RunStatus.optional(),
  reason: Text.optional(),
  totalCount: Count.optional(),
  successCount: Count.optional(),
  errorCount: Count.optional(),
  size: Count.optional(),
  duration: Count.optional(),
  metadata: JsonObject.optional(),
  /** When the change really happened (imported history); default: when the API receives it. */
  finishedAt: Timestamp.optional(),
});
export type UpdateSyncRunInput = z.infer<typeof UpdateSyncRunInput>;

export const SyncRun = z.object({
  id: z.uuid(),
  appDid: z.string(),
  appName: z.string(),
  appDescription: z.string(),
  actionType: z.enum(SYNC_ACTION_TYPES),
  status: RunStatus,
  reason: z.string().nullable(),
  source: z.string(),
  target: z.string(),
  metadata: JsonObject.nullable(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  totalCount: z.number().int(),
  successCount: z.number().int(),
  errorCount: z.number().int(),
  size: z.number().int(),
  duration: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type SyncRun = z.infer<typeof SyncRun>;

export const SyncRunRef = z.object({ id: z.uuid() });
export type SyncRunRef = z.infer<typeof SyncRunRef>;

export const SYNC_SORTS = [
  'createdAt',
  'updatedAt',
  'actionType',
  'status',
  'duration',
  'size',
] as const;
const oneOrMany = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item).min(1).max(10)])
    .transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);

export const SyncRunFilter = z.object({
  appDid: Did.optional(),
  status: oneOrMany(RunStatus).optional(),
  actionType: oneOrMany(SyncActionType).optional(),
});
export type SyncRunFilter = z.infer<typeof SyncRunFilter>;

export const SyncRunListInput = SyncRunFilter.extend({
  sort: z.enum(SYNC_SORTS).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(10),
});
export type SyncRunListInput = z.infer<typeof SyncRunListInput>;
export const SyncRunPage = z.object({ items: z.array(SyncRun), paging: Paging });
