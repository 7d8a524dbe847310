import type { Database } from '@opsledger/db';
import { retryAfterHeaders, toServiceError } from '../errors';
import { openExchange } from './exchange';
import { logRequest } from './request-log/log-request';
import { findRoute } from './routes';

/**
 * The one entry of every HTTP request: find its endpoint, answer it, and put it in the caller's
 * request log (HBlock's user events). `target` is the raw request target when the server knows
 * it (Node's `request.url`); otherwise it is taken from the parsed URL.
 */
export async function handleRequest(
  request: Request,
  database: Database,
  target?: string,
): Promise<Response> {
  const found = findRoute(new URL(request.url).pathname);
  if (!found) return Response.json({ error: { message: 'not found' } }, { status: 404 });
  const exchange = await openExchange({ request, database, module: found.route.module, target });
  let response: Response;
  try {
    response = await found.route.handle(exchange, found.params);
  } catch (error) {
    // Handlers answer every failure they know in their own protocol's shape; this is the rest.
    const known = toServiceError(error);
    const status = known?.code === 'SERVICE_UNAVAILABLE' ? 503 : 500;
    const message = status === 503 ? known?.message : 'internal error';
    response = Response.json({ error: { message } }, { status, headers: retryAfterHeaders(known) });
  }
  logRequest(exchange, response);
  return response;
}
