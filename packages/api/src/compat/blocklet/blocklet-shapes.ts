import type { AuditLog, Backup, PassportLog, RunStatus } from '@opsledger/domain';

/** Blocklet times are Unix seconds (`Uint32`). */
export const unixSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/**
 * Blocklet's backup status numbers. The seed shows 1 for a finished, successful backup; a run
 * that has not finished is 0 (its `progress` says how far it is), a failure 2, a cancel 3.
 */
const BACKUP_STATUS: Record<RunStatus, number> = {
  initial: 0,
  pending: 0,
  running: 0,
  succeeded: 1,
  failed: 2,
  canceled: 3,
};

export function blockletBackup(backup: Backup) {
  return {
    appPid: backup.appDid,
    userDid: backup.userDid,
    strategy: backup.strategy,
    sourceUrl: backup.sourceUrl,
    target: backup.target,
    targetName: backup.targetName,
    targetUrl: backup.targetUrl,
    createdAt: unixSeconds(backup.createdAt),
    updatedAt: unixSeconds(backup.updatedAt),
    status: BACKUP_STATUS[backup.status],
    message: backup.message,
    progress: backup.progress,
    metadata: backup.metadata,
  };
}

export const blockletAuditLog = (log: AuditLog) => ({
  id: log.id,
  scope: log.scope,
  category: log.category,
  action: log.action,
  content: log.content,
  actor: log.actor,
  env: log.env,
  createdAt: unixSeconds(log.createdAt),
  ip: log.ip,
  ua: log.ua,
  componentDid: log.componentDid,
});

export const blockletPassportLog = (log: PassportLog) => ({
  id: log.id,
  passportId: log.passportId,
  action: log.action,
  operatorIp: log.operatorIp,
  operatorUa: log.operatorUa,
  operatorDid: log.operatorDid,
  metadata: log.metadata,
  createdAt: unixSeconds(log.createdAt),
});
