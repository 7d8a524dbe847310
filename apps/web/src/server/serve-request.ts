import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';

import { handleRequest } from '@opsledger/api';

import { opsLedger } from './opsledger';

/**
 * Every API route of the portal (native and compatible) hands its request to OpsLedger's one
 * HTTP entry. Until the database is ready the answer is a 503, which clients retry.
 */
export async function serveRequest(request: Request): Promise<Response> {
  let database;
  try {
    database = await opsLedger().database;
  } catch {
    const body = {
      error: {
        message: 'the database is not available; see /api/health',
        code: TRPC_ERROR_CODES_BY_KEY.SERVICE_UNAVAILABLE,
        data: { code: 'SERVICE_UNAVAILABLE', httpStatus: 503 },
      },
    };
    return Response.json(body, { status: 503 });
  }
  return handleRequest(request, database);
}
