import { handleTrpcRequest } from '@opsledger/api';
import { opsLedger } from '../../../../server/opsledger';

export const dynamic = 'force-dynamic';

async function handler(request: Request): Promise<Response> {
  let database;
  try {
    database = await opsLedger().database;
  } catch {
    const body = {
      error: {
        message: 'the database is not available; see /api/health',
        code: -32603,
        data: { code: 'SERVICE_UNAVAILABLE', httpStatus: 503 },
      },
    };
    return Response.json(body, { status: 503 });
  }
  return handleTrpcRequest(request, database);
}

export { handler as GET, handler as POST };
