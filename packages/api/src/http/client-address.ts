import { IpAddress } from '@opsledger/domain';

/**
 * The client's address as the nearest hop reports it: the LAST entry of `x-forwarded-for`.
 *
 * A fetch Request carries no socket, and Next.js route handlers see none either. `next start`
 * sets `x-forwarded-for` to the socket's remote address only when the request has none
 * (next/dist/server/base-server.js: `req.headers['x-forwarded-for'] ??= socket.remoteAddress`).
 * Behind a proxy that appends the address it saw (nginx `$proxy_add_x_forwarded_for`, Caddy,
 * most load balancers) the last entry is that address, which the client cannot choose; the
 * first entries are whatever the client sent. Served directly, a client that sends its own
 * header chooses its address: put a proxy in front in production (docs: failed-auth limits).
 */
function forwardedClientAddress(headers: Headers): string | null {
  return validAddress(headers.get('x-forwarded-for')?.split(',').at(-1)?.trim());
}

/**
 * The one address a request is known by (failure budgets, the request log): the socket's when
 * the server knows it, else the nearest forwarded hop; always a valid IP or null.
 */
export const clientAddressOf = (headers: Headers, socketAddress: string | undefined) =>
  validAddress(socketAddress) ?? forwardedClientAddress(headers);

const validAddress = (value: string | undefined) =>
  value && IpAddress.safeParse(value).success ? value : null;
