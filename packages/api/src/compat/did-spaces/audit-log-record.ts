import type { RunStatus, SyncRun } from '@opsledger/domain';

/** The statuses of `@did-space/constants`' AuditLogStatus, as the real client spells them. */
export type DidSpacesStatus = 'default' | 'pending' | 'succeeded' | 'failed';

/**
 * OpsLedger's run statuses in the client's four: a running run is still `pending` to it, and
 * a canceled one did not succeed (its reason says it was canceled).
 */
export const DID_SPACES_STATUS: Record<RunStatus, DidSpacesStatus> = {
  initial: 'default',
  pending: 'pending',
  running: 'pending',
  succeeded: 'succeeded',
  failed: 'failed',
  canceled: 'failed',
};

/** The run statuses each of the client's statuses stands for (the inverse of the above). */
export const RUN_STATUSES_OF: Record<DidSpacesStatus, RunStatus[]> = {
  default: ['initial'],
  pending: ['pending', 'running'],
  succeeded: ['succeeded'],
  failed: ['failed', 'canceled'],
};

/** A sync run as DID Spaces' AuditLogModel (`@did-space/core`), which the client reads. */
export function auditLogRecordOf(run: SyncRun) {
  return {
    id: run.id,
    // DID Spaces' entity of an app's audit log is the app.
    entityId: run.appDid,
    entityName: run.appName,
    actionType: run.actionType,
    userId: run.userId ?? run.appDid,
    username: run.username ?? '',
    status: DID_SPACES_STATUS[run.status],
    reason: run.reason ?? (run.status === 'canceled' ? 'canceled' : ''),
    env: {},
    createdAt: run.createdAt,
    updatedAt: run.updatedAt,
    data: {
      appName: run.appName,
      appDescription: run.appDescription,
      source: run.source,
      target: run.target,
      totalCount: run.totalCount,
      errorCount: run.errorCount,
      successCount: run.successCount,
      size: run.size,
      duration: run.duration,
      ...(run.metadata ? { metadata: run.metadata } : {}),
    },
  };
}

export type AuditLogRecord = ReturnType<typeof auditLogRecordOf>;
