/** Socket errors of a database that cannot be reached or dropped the connection. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** postgres.js's own codes for a connection it lost or could not open. */
const DRIVER_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  'CONNECTION_DESTROYED',
]);

/**
 * SQLSTATEs of a server going away or not taking connections: class 08 (connection exception),
 * admin/crash shutdown, still starting up, too many connections.
 */
const isUnavailableState = (state: string) =>
  state.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(state);

function codeOf(error: object): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The code that shows a failure means the database is unavailable (down, restarting,
 * unreachable, out of connections) rather than that the statement was wrong, e.g.
 * `ECONNREFUSED` or `57P01`; null for any other failure. Drizzle wraps driver errors (`cause`),
 * so the chain is followed.
 */
export function connectionFailureCode(error: unknown): string | null {
  for (let current = error, depth = 0; depth < 5; depth++) {
    if (typeof current !== 'object' || current === null) return null;
    const code = codeOf(current);
    if (code && (SOCKET_CODES.has(code) || DRIVER_CODES.has(code) || isUnavailableState(code))) {
      return code;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** Whether the same request may work in a few seconds: see connectionFailureCode. */
export const isConnectionFailure = (error: unknown) => connectionFailureCode(error) !== null;
