import type { Exchange } from '../../http/exchange';

/**
 * Every HBlock answer names its request, errors included (`x-hblock-request-id`), and names
 * the server as HBlock's own answers do (`Server: HBlock`).
 */
function headersFor(exchange: Exchange): Headers {
  return new Headers({
    server: 'HBlock',
    'x-hblock-request-id': exchange.requestId,
    'content-type': 'application/json;charset=utf-8',
    'cache-control': 'no-store',
  });
}

export function hblockData(exchange: Exchange, data: unknown): Response {
  return new Response(JSON.stringify({ data }), { status: 200, headers: headersFor(exchange) });
}

/**
 * HBlock's error body: a PascalCase code, as HBlock's own events carry (`InvalidParameter`,
 * `InvalidCredentials`), and a message naming what to fix.
 */
export function hblockError(
  exchange: Exchange,
  status: number,
  code: string,
  message: string,
  extraHeaders: Record<string, string> = {},
): Response {
  exchange.failure = { code, message };
  const headers = headersFor(exchange);
  for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value);
  return new Response(JSON.stringify({ code, message }), { status, headers });
}
