import type { Database } from '@opsledger/db';
import { randomUUID } from 'node:crypto';
import type { Caller } from '../auth/authenticate';

/**
 * One HTTP request on its way through OpsLedger: what every endpoint handler receives. The body
 * is read once, here, so the handler and the request log see the same bytes.
 */
export interface Exchange {
  readonly request: Request;
  readonly database: Database;
  /** The request target (path and query) exactly as the client sent it: signatures cover it. */
  readonly target: string;
  readonly body: Buffer<ArrayBuffer>;
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
}

export async function openExchange(options: {
  request: Request;
  database: Database;
  module: string;
  target?: string;
  clientAddress?: string | null;
}): Promise<Exchange> {
  const { request } = options;
  const url = new URL(request.url);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return {
    request,
    database: options.database,
    target: options.target ?? url.pathname + url.search,
    body: hasBody ? Buffer.from(await request.arrayBuffer()) : Buffer.alloc(0),
    requestId: randomUUID().replaceAll('-', ''),
    clientAddress: options.clientAddress ?? null,
    receivedAt: new Date().toISOString(),
    module: options.module,
    caller: null,
    action: null,
  };
}
