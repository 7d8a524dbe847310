import type { Database } from '@opsledger/db';

import { HTTP_STATUS, retryAfterHeaders, toServiceError } from '../errors';
import { inRequest } from '../logging/logger';
import { clientAddressOf } from './client-address';
import { openExchange } from './exchange';
import { logRequest } from './request-log/log-request';
import { findRoute } from './routes';

/**
 * The one entry of every HTTP request: find its endpoint, answer it, and put it in the caller's
 * request log (HBlock's user events). `target` is the raw request target when the server knows
 * it (Node's `request.url`); otherwise it is taken from the parsed URL. `clientAddress` is the
 * peer's address when the server knows it (its socket); otherwise it comes from the
 * `x-forwarded-for` that Next.js or the proxy in front sets (see client-address.ts).
 */
export async function handleRequest(
  request: Request,
  database: Database,
  target?: string,
  clientAddress?: string,
): Promise<Response> {
  const found = findRoute(new URL(request.url).pathname);
  if (!found) return Response.json({ error: { message: 'not found' } }, { status: 404 });
  const exchange = openExchange({
    request,
    database,
    module: found.route.module,
    bodyLimitBytes: found.route.bodyLimitBytes,
    target,
    clientAddress: clientAddressOf(request.headers, clientAddress),
  });
  // Every line logged while answering it, however deep, carries its request id.
  return inRequest(exchange.requestId, async () => {
    let response: Response;
    try {
      response = await found.route.handle(exchange, found.params);
    } catch (error) {
      // Handlers answer every failure they know in their own protocol's shape; this is the rest.
      const known = toServiceError(error);
      const status = known ? HTTP_STATUS[known.code] : 500;
      const message = known ? known.message : 'internal error';
      exchange.failure = { code: known ? known.code : 'INTERNAL_SERVER_ERROR', message };
      const headers = retryAfterHeaders(known);
      response = Response.json({ error: { message } }, { status, headers });
    }
    logRequest(exchange, response);
    return exchange.bodyLeftUnread ? closingConnection(response) : response;
  });
}

/**
 * A refusal sent while the client may still be sending its body: the connection is closed after
 * the answer, so the server reads no more of it (Node closes on `connection: close`) and no
 * next request on it can be mistaken for the rest of this body.
 */
function closingConnection(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('connection', 'close');
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
