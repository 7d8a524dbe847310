import { TRPCClientError } from '@trpc/client';

/** HTTP statuses a gateway or an overloaded server answers; the same request may work later. */
const TRANSIENT_STATUSES = new Set([502, 503, 504]);

/** Connection errors that prove the request never reached the server. */
const UNSENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH']);

/** A server's Retry-After longer than this is not waited for (a retry comes sooner). */
const MAX_RETRY_AFTER_MS = 60_000;

/**
 * A 502/503/504: its body is rarely tRPC's JSON (a gateway's page), so the status is kept here,
 * with how long the server asked to wait (`Retry-After`, seconds or an HTTP date), if it did.
 */
export class TransientResponseError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs: number | null = null,
  ) {
    super(`the server answered ${status}: try again later`);
    this.name = 'TransientResponseError';
  }
}

/** Milliseconds a `Retry-After` header asks for; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header) * 1000 : Date.parse(header) - now;
  return Number.isFinite(seconds) ? Math.min(Math.max(seconds, 0), MAX_RETRY_AFTER_MS) : null;
}

/** How long the server asked the caller to wait before repeating a failed call (0 if it did not). */
export function retryAfterMsOf(error: unknown): number {
  const cause = error instanceof TRPCClientError ? error.cause : undefined;
  return cause instanceof TransientResponseError ? (cause.retryAfterMs ?? 0) : 0;
}

/**
 * Turns 502/503/504 answers into a TransientResponseError before tRPC reads the body, so the
 * retry policy sees the status instead of a JSON syntax error from an HTML error page.
 */
export function withTransientStatuses(fetchImpl: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    if (TRANSIENT_STATUSES.has(response.status)) {
      await response.body?.cancel();
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      throw new TransientResponseError(response.status, retryAfterMs);
    }
    return response;
  };
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/**
 * How a failed call failed, as far as retrying goes:
 * - `unsent`: the request never left (connection refused, unknown host): any call may retry;
 * - `transient`: it may or may not have been processed: only calls safe to repeat may retry;
 * - `final`: the server decided (4xx, 500) or the caller aborted: never retry.
 */
export function classifyFailure(error: unknown): 'unsent' | 'transient' | 'final' {
  if (!(error instanceof TRPCClientError)) return 'final';
  const status = (error.data as { httpStatus?: unknown } | undefined)?.httpStatus;
  if (typeof status === 'number') return TRANSIENT_STATUSES.has(status) ? 'transient' : 'final';
  const cause: unknown = error.cause;
  if (cause instanceof TransientResponseError) return 'transient';
  // Node's fetch reports network failures as `TypeError: fetch failed` with the socket error
  // as its cause.
  if (cause instanceof TypeError) {
    const code = errorCode(cause.cause) ?? errorCode(cause);
    return code && UNSENT_CODES.has(code) ? 'unsent' : 'transient';
  }
  return 'final';
}

/** What a network failure says in one line, e.g. `ECONNREFUSED 127.0.0.1:3000`. */
export function networkFailureDetail(error: unknown): string | null {
  if (!(error instanceof TRPCClientError) || !(error.cause instanceof TypeError)) return null;
  const socketError: unknown = error.cause.cause;
  if (socketError instanceof Error) return socketError.message || errorCode(socketError) || null;
  return error.cause.message;
}
