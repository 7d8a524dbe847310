import type { Database } from '@opsledger/db';

import { logger, outsideRequest } from '../../logging/logger';
import { recordPlatformEvent } from '../../services/platform-events/record-platform-events';
import { keyCaller } from '../credential';
import {
  describeFailures,
  failureEvent,
  type AuthScheme,
  type CredentialOwner,
  type FailureReport,
} from './failure-report';

/**
 * A flood of failures must not flood the event store: the first failure of a credential is
 * written at once, the ones after it as one event per minute with their count.
 */
const WINDOW_MS = 60_000;

interface Window {
  report: FailureReport;
  timer: ReturnType<typeof setTimeout>;
}

interface Reports {
  windows: Map<string, Window>;
  writing: Set<Promise<void>>;
}

/* On globalThis: Next.js loads this module once per route, and all of them count together. */
const shared = globalThis as typeof globalThis & {
  __opsledgerFailedAuthReports?: Map<Database, Reports>;
};
const reportsByDatabase = (shared.__opsledgerFailedAuthReports ??= new Map<Database, Reports>());

function reportsOf(database: Database): Reports {
  let reports = reportsByDatabase.get(database);
  if (!reports) {
    reports = { windows: new Map(), writing: new Set() };
    reportsByDatabase.set(database, reports);
  }
  return reports;
}

/** A credential that names a team gets a system event there; an unknown one a log line. */
function write(database: Database, reports: Reports, report: FailureReport): void {
  const { owner } = report;
  if (!owner) {
    logger().warn(describeFailures(report));
    return;
  }
  const writing = recordPlatformEvent({
    // The platform speaks for itself here; no key of the team is involved.
    ctx: { database, caller: keyCaller(owner.team, 'platform', 'owner') },
    input: failureEvent(report),
  }).then(
    () => undefined,
    (error: unknown) => logger().error({ err: error }, 'could not record a failed authentication'),
  );
  reports.writing.add(writing);
  void writing.finally(() => reports.writing.delete(writing));
}

/** Counts what follows `last` for a minute, then writes it (and counts on) or forgets it. */
function openWindow(database: Database, reports: Reports, key: string, last: FailureReport) {
  const open: Window = {
    report: { ...last, failures: 0, refused: 0 },
    // The window counts many requests: what it writes later names none of them.
    timer: outsideRequest(() =>
      setTimeout(() => {
        reports.windows.delete(key);
        if (open.report.failures + open.report.refused === 0) return;
        write(database, reports, open.report);
        openWindow(database, reports, key, open.report);
      }, WINDOW_MS),
    ),
  };
  // A pending report does not keep a process alive; stop() flushes it.
  open.timer.unref?.();
  reports.windows.set(key, open);
}

export interface FailureNote {
  scheme: AuthScheme;
  /** Who the credential belongs to; null when unknown, or not looked up (a refusal). */
  owner: CredentialOwner | null;
  reason: string;
  address: string | null;
  /** Refused unverified (429) rather than verified and refused (401). */
  refused: boolean;
}

/**
 * Notes one failed or refused attempt with `credential` (a key kept in memory, never written).
 * Unknown credentials share one window per scheme, so random ids cannot open one each.
 */
export function noteFailure(database: Database, credential: string, note: FailureNote): void {
  const reports = reportsOf(database);
  const known = note.owner !== null || reports.windows.has(credential);
  const key = known ? credential : `${note.scheme}:unknown`;
  const counted = { failures: note.refused ? 0 : 1, refused: note.refused ? 1 : 0 };
  const open = reports.windows.get(key);
  if (open) {
    open.report = {
      ...open.report,
      owner: note.owner ?? open.report.owner,
      failures: open.report.failures + counted.failures,
      refused: open.report.refused + counted.refused,
      lastReason: note.reason,
      lastAddress: note.address,
    };
    return;
  }
  const report = { scheme: note.scheme, owner: note.owner, lastReason: note.reason };
  const first: FailureReport = { ...report, ...counted, lastAddress: note.address };
  write(database, reports, first);
  openWindow(database, reports, key, first);
}

/** Writes what the windows hold now (at shutdown and in tests) and waits for every write. */
export async function flushFailureReports(database?: Database): Promise<void> {
  const targets = database ? [database] : [...reportsByDatabase.keys()];
  await Promise.all(
    targets.map(async (target) => {
      const reports = reportsByDatabase.get(target);
      if (!reports) return;
      for (const { report, timer } of reports.windows.values()) {
        clearTimeout(timer);
        if (report.failures + report.refused > 0) write(target, reports, report);
      }
      reports.windows.clear();
      await Promise.all([...reports.writing]);
    }),
  );
}
