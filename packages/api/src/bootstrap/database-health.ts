import { connectionFailureCode, pingDatabase, type Database } from '@opsledger/db';

/** A health check answers quickly; a database that takes longer is as good as down. */
const PING_TIMEOUT_MS = 2_000;

export type DatabaseHealth = { ok: true } | { ok: false; reason: string };

/**
 * Whether the database answers a trivial statement now. The reason names the failure's kind,
 * never a statement or a credential.
 */
export async function checkDatabase(
  database: Database,
  timeoutMs = PING_TIMEOUT_MS,
): Promise<DatabaseHealth> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<DatabaseHealth>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, reason: `the database did not answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
  });
  const ping = pingDatabase(database).then(
    (): DatabaseHealth => ({ ok: true }),
    (error: unknown): DatabaseHealth => {
      const code = connectionFailureCode(error);
      return {
        ok: false,
        reason: code ? `the database is unreachable (${code})` : 'the database check failed',
      };
    },
  );
  return Promise.race([ping, timedOut]).finally(() => clearTimeout(timer));
}
