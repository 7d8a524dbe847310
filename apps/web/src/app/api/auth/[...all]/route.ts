import { handlePortalAuth } from '@opsledger/api';

import { opsLedger } from '../../../../server/opsledger';

export const dynamic = 'force-dynamic';

/** Sign-in, sign-out and the session (Better Auth), with sign-ins under the failure budgets. */
async function serveAuth(request: Request): Promise<Response> {
  let database;
  try {
    database = await opsLedger().database;
  } catch {
    return Response.json(
      { message: 'the database is not available; see /api/health' },
      { status: 503 },
    );
  }
  return handlePortalAuth(request, database);
}

export { serveAuth as GET, serveAuth as POST };
