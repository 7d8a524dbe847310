import { createTRPCClient, httpBatchLink, retryLink, type TRPCLink } from '@trpc/client';

import type { AppRouter } from '@opsledger/api';
import { MAX_OPERATIONS_PER_REQUEST } from '@opsledger/domain';

import { fillIdempotencyKeys, isIdempotentPath } from './links/idempotency-keys';
import { classifyFailure, retryAfterMsOf, withTransientStatuses } from './links/transient-failure';

export interface RetryOptions {
  /**
   * Attempts in all, the first included (default 12: with the delays below ~20-40 s of
   * patience, enough to ride out a database restart behind the API).
   */
  attempts?: number;
  /**
   * Delay before the first retry; it doubles each time, with jitter (default 250 ms). A longer
   * `Retry-After` from the server is honoured.
   */
  baseDelayMs?: number;
  /** Longest delay between two attempts (default 5 s). */
  maxDelayMs?: number;
}

export interface OpsLedgerClientOptions {
  /** Where the portal runs, e.g. `http://localhost:3000`; the API is under `/api/trpc`. */
  url: string;
  /** An API key secret (`olk_...`); it decides the team and the role. */
  key: string;
  fetch?: typeof fetch;
  /** Retries of transient failures; `false` turns them off. */
  retry?: RetryOptions | false;
}

/** Gives every keyed write its idempotency keys once, before the first attempt. */
const idempotencyKeyLink: TRPCLink<AppRouter> =
  () =>
  ({ op, next }) =>
    next(op.type === 'mutation' ? { ...op, input: fillIdempotencyKeys(op.path, op.input) } : op);

/** Exponential backoff with full jitter, so many clients failing together do not retry together. */
function backoff(retry: Required<RetryOptions>) {
  return (attempt: number) => {
    const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
    return ceiling / 2 + Math.random() * (ceiling / 2);
  };
}

function retryingLink(options: RetryOptions): TRPCLink<AppRouter> {
  const retry: Required<RetryOptions> = {
    attempts: options.attempts ?? 12,
    baseDelayMs: options.baseDelayMs ?? 250,
    maxDelayMs: options.maxDelayMs ?? 5_000,
  };
  const jittered = backoff(retry);
  // retryLink asks for the delay with the attempt number only, synchronously right after
  // `retry` judged the failure: the server's Retry-After is carried over in between.
  let serverDelayMs = 0;
  return retryLink({
    retry: ({ op, error, attempts }) => {
      serverDelayMs = retryAfterMsOf(error);
      if (attempts >= retry.attempts) return false;
      const failure = classifyFailure(error);
      if (failure === 'unsent') return true;
      // A request that may have been processed is repeated only when repeating is harmless.
      return failure === 'transient' && (op.type === 'query' || isIdempotentPath(op.path));
    },
    retryDelayMs: (attempt) => Math.max(jittered(attempt), serverDelayMs),
  });
}

/**
 * The typed client of the OpsLedger API. Retries use tRPC's own `retryLink`: it works on
 * whole operations inside the link chain, so it sees the procedure path and type (needed to
 * tell a safe repeat from an unsafe one) and needs no extra dependency. Queries and keyed writes
 * are retried on network errors and 502/503/504 (the API's answer while its database is
 * down), after the server's Retry-After; other writes only when the request provably never
 * left; 4xx and 500 answers never.
 */
export function createOpsLedgerClient(options: OpsLedgerClientOptions) {
  const links: TRPCLink<AppRouter>[] = [idempotencyKeyLink];
  if (options.retry !== false) links.push(retryingLink(options.retry ?? {}));
  links.push(
    httpBatchLink({
      url: `${options.url.replace(/\/+$/, '')}/api/trpc`,
      fetch: withTransientStatuses(options.fetch ?? globalThis.fetch),
      headers: () => ({ authorization: `Bearer ${options.key}` }),
      maxURLLength: 2_000,
      maxItems: MAX_OPERATIONS_PER_REQUEST,
    }),
  );
  return createTRPCClient<AppRouter>({ links });
}

export type OpsLedgerClient = ReturnType<typeof createOpsLedgerClient>;
