import { z } from 'zod';

import {
  CreateSyncRunInput,
  RunStatus,
  SyncActionType,
  UpdateSyncRunInput,
} from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { notFound } from '../../errors';
import { createSyncRun } from '../../services/sync-runs/create-sync-run';
import { getSyncRun } from '../../services/sync-runs/get-sync-run';
import { updateSyncRun } from '../../services/sync-runs/update-sync-run';
import { auditLogRecordOf, type AuditLogRecord } from './audit-log-record';
import type { SignedRequest } from './signed-request';

/** What `PostObjectsSyncCommand` sends; field paths in errors are the client's. */
const PostObjectsSyncBody = z.object({
  actionType: SyncActionType.default('app-objects-sync'),
  status: RunStatus.optional(),
  data: CreateSyncRunInput.pick({
    source: true,
    target: true,
    metadata: true,
    totalCount: true,
    successCount: true,
    errorCount: true,
    size: true,
    duration: true,
  }),
});

/**
 * The run keeps a reason of at most this length. A client's error page can be longer, and
 * refusing the PUT would lose the run's outcome: the reason is cut, and says so.
 */
const MAX_REASON_LENGTH = 10_000;
const CUT_MARK = ' [cut]';
const fittedReason = (reason: string) =>
  reason.length <= MAX_REASON_LENGTH
    ? reason
    : reason.slice(0, MAX_REASON_LENGTH - CUT_MARK.length) + CUT_MARK;

/** What `PutObjectsSyncCommand` sends. */
const PutObjectsSyncBody = z.object({
  id: UpdateSyncRunInput.shape.id,
  status: RunStatus.optional(),
  reason: z
    .string()
    .nullish()
    .transform((reason) => (reason == null ? undefined : fittedReason(reason))),
  data: UpdateSyncRunInput.pick({
    totalCount: true,
    successCount: true,
    errorCount: true,
    size: true,
    duration: true,
    metadata: true,
  }).default({}),
});

/**
 * Records the start of an objects sync of the signed app. The client posts it when a sync
 * begins, so the run starts `pending` unless the body names a status; the signer (the app or
 * its delegate) is the run's user.
 */
export async function postObjectsSync(
  ctx: ServiceContext,
  signed: SignedRequest,
  body: unknown,
): Promise<AuditLogRecord> {
  const { actionType, status, data } = PostObjectsSyncBody.parse(body);
  const run = await createSyncRun({
    ctx,
    input: CreateSyncRunInput.parse({
      ...data,
      appDid: signed.appDid,
      actionType,
      status: status ?? 'pending',
      userId: signed.signerDid,
    }),
  });
  return auditLogRecordOf(run);
}

/**
 * Reports a sync's progress or outcome through the run's status machine. The client retries
 * a PUT on a 5xx, so the same PUT twice answers the same record (the service treats a repeated
 * final status as a retry); a run of another app is as absent as a missing one.
 */
export async function putObjectsSync(
  ctx: ServiceContext,
  signed: SignedRequest,
  body: unknown,
): Promise<AuditLogRecord> {
  const { id, status, reason, data } = PutObjectsSyncBody.parse(body);
  const current = await getSyncRun({ ctx, input: { id } });
  if (current.appDid !== signed.appDid) throw notFound(`id: sync run ${id}`);
  const run = await updateSyncRun({
    ctx,
    input: UpdateSyncRunInput.parse({ id, status, reason, ...data }),
  });
  return auditLogRecordOf(run);
}
