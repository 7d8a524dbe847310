import { opsLedger } from '../../../server/opsledger';
import { version } from '../../../version';

export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'no-store' };

/**
 * 200 while the server is started (database migrated, demo team bootstrapped) and its database
 * answers; 503 with the reason otherwise: while starting, after a failed start, and while the
 * database is down or restarting.
 */
export async function GET(): Promise<Response> {
  const ledger = opsLedger();
  const status = ledger.status();
  if (status.state !== 'ready') {
    return Response.json(
      {
        ok: false,
        state: status.state,
        reason: status.state === 'failed' ? status.error : 'starting',
        ...(status.state === 'failed' ? { error: status.error } : {}),
      },
      { status: 503, headers: noStore },
    );
  }
  const database = await ledger.checkDatabase();
  if (!database.ok) {
    return Response.json(
      { ok: false, state: status.state, reason: database.reason },
      { status: 503, headers: { ...noStore, 'retry-after': '2' } },
    );
  }
  return Response.json({ ok: true, database: status.database, version }, { headers: noStore });
}
