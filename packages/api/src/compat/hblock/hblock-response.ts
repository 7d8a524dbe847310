import type { Exchange } from '../../http/exchange';

/** Every HBlock answer names its request, errors included (`x-hblock-request-id`). */
function headersFor(exchange: Exchange, extra: Record<string, string> = {}): Headers {
  return new Headers({
    ...extra,
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
  headers: Record<string, string> = {},
): Response {
  const body = JSON.stringify({ code, message });
  return new Response(body, { status, headers: headersFor(exchange, headers) });
}
