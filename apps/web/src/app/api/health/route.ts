import { opsLedger } from '../../../server/opsledger';
import { version } from '../../../version';

export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'no-store' };

/** 200 once the database is migrated and the demo team is bootstrapped; 503 until then. */
export function GET(): Response {
  const status = opsLedger().status();
  if (status.state === 'ready') {
    return Response.json({ ok: true, database: status.database, version }, { headers: noStore });
  }
  return Response.json(
    {
      ok: false,
      state: status.state,
      ...(status.state === 'failed' ? { error: status.error } : {}),
    },
    { status: 503, headers: noStore },
  );
}
