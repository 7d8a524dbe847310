import type { ExchangeFailure } from '../exchange';

/** What the request log says about a failed response. */
export interface LoggedFailure {
  code: string;
  message?: string;
}

/** The error code when the endpoint named none: the status in the native API's words. */
const STATUS_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_SUPPORTED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
};

const MAX_MESSAGE_CHARS = 1000;

/**
 * A failed response's error as its endpoint decided it (`Exchange.failure`). A response no
 * handler judged (one graphql-yoga or tRPC answered by itself) is described by its status.
 */
export function loggedFailure(status: number, failure: ExchangeFailure | null): LoggedFailure {
  return {
    code:
      failure?.code ??
      STATUS_CODES[status] ??
      (status >= 500 ? 'INTERNAL_SERVER_ERROR' : String(status)),
    message: failure?.message ? failure.message.slice(0, MAX_MESSAGE_CHARS) : undefined,
  };
}
