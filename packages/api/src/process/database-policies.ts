import type { Database } from '@opsledger/db';

import { configureFailedAuthLimits } from '../auth/failed-auth/failed-auth-guard';
import type { FailedAuthLimits } from '../auth/failed-auth/failed-auth-limits';
import { flushFailureReports } from '../auth/failed-auth/failure-events';
import { flushRequestLog } from '../http/request-log/request-log-queue';
import { setWriteLimits, type WriteLimits } from '../services/write-limits';

/** What a deployment (or a test) decides its callers may do; unset ones keep their defaults. */
export interface DatabasePolicies {
  /** Failed authentications allowed per credential and per address. */
  failedAuthLimits?: FailedAuthLimits | undefined;
  /** Bounds on what writers may do to shared storage. */
  writeLimits?: Partial<WriteLimits> | undefined;
}

/** Applies the policies to an open database: the one place start-up and the test API set them. */
export function applyDatabasePolicies(database: Database, policies: DatabasePolicies): void {
  if (policies.failedAuthLimits) configureFailedAuthLimits(database, policies.failedAuthLimits);
  setWriteLimits(database, policies.writeLimits);
}

/**
 * Writes what the background queues still hold for this database (failure reports, the request
 * log): before it closes, so nothing accepted is lost to a closed database's error.
 */
export async function flushBackgroundWrites(database: Database): Promise<void> {
  await flushFailureReports(database);
  await flushRequestLog(database);
}
