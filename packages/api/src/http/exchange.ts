import { randomUUID } from 'node:crypto';

import type { Database } from '@opsledger/db';

import type { Caller } from '../auth/authenticate';
import { declaredLength, readBoundedBody } from './bounded-body';

/** A failure as the endpoint answered it, in its protocol's words: what the request log keeps. */
export interface ExchangeFailure {
  /** The protocol's name for it (e.g. tRPC's `FORBIDDEN`, HBlock's `InvalidParameter`), if any. */
  readonly code?: string;
  readonly message: string;
}

/**
 * One HTTP request on its way through OpsLedger: what every endpoint handler receives. The body
 * is read once, on demand, so the handler and the request log see the same bytes, and a handler
 * can refuse a caller from its headers before a byte of the body is read.
 */
export interface Exchange {
  readonly request: Request;
  readonly database: Database;
  /** The request target (path and query) exactly as the client sent it: signatures cover it. */
  readonly target: string;
  /**
   * The body, read on the first call and streamed in up to the route's limit, or up to
   * `limitBytes` when a handler asks for less (e.g. for a caller it could not identify). Passing
   * the limit throws a ServiceError PAYLOAD_TOO_LARGE (a 413) as soon as it is passed.
   */
  readBody(limitBytes?: number): Promise<Buffer<ArrayBuffer>>;
  /** The body as read by `readBody` (empty until then): what the request log records. */
  readonly body: Buffer<ArrayBuffer>;
  /**
   * Whether the client sent a body that was not read to its end. Its connection must not be
   * reused: the rest of that body still stands between the server and the next request.
   */
  readonly bodyLeftUnread: boolean;
  readonly requestId: string;
  /** Where the request came from (see client-address.ts); null when unknown. */
  readonly clientAddress: string | null;
  readonly receivedAt: string;
  /** Which product area answers it, as the request log's `module` (e.g. `Blocklet`). */
  readonly module: string;
  /** Set by the handler once it knows who is calling: the request joins that team's log. */
  caller: Caller | null;
  /** What the request asked for, as the request log's event name (e.g. `getAuditLogs`). */
  action: string | null;
  /**
   * Set by the handler where it decides to answer with a failure, so the request log records
   * what was decided rather than reading it back out of the response.
   */
  failure: ExchangeFailure | null;
}

function sendsBody(request: Request): boolean {
  if (request.method === 'GET' || request.method === 'HEAD' || !request.body) return false;
  return declaredLength(request.headers) !== 0;
}

export function openExchange(options: {
  request: Request;
  database: Database;
  module: string;
  /** The most body bytes this route ever reads. */
  bodyLimitBytes: number;
  target?: string;
  clientAddress?: string | null;
}): Exchange {
  const { request } = options;
  const url = new URL(request.url);
  let reading: Promise<Buffer<ArrayBuffer>> | null = null;
  let body = Buffer.alloc(0);
  let readToEnd = !sendsBody(request);
  return {
    request,
    database: options.database,
    target: options.target ?? url.pathname + url.search,
    readBody(limitBytes = options.bodyLimitBytes) {
      reading ??= readToEnd
        ? Promise.resolve(body)
        : readBoundedBody(request, Math.min(limitBytes, options.bodyLimitBytes)).then((read) => {
            body = read;
            readToEnd = true;
            return read;
          });
      return reading;
    },
    get body() {
      return body;
    },
    get bodyLeftUnread() {
      return !readToEnd;
    },
    requestId: randomUUID().replaceAll('-', ''),
    clientAddress: options.clientAddress ?? null,
    receivedAt: new Date().toISOString(),
    module: options.module,
    caller: null,
    action: null,
    failure: null,
  };
}
