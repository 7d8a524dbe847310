import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';

import type { Database } from '@opsledger/db';

import { handleRequest } from '../http/handle-request';
import { logger } from '../logging/logger';

export interface ServedApi {
  /** Base URL without a trailing slash: `${url}/api/trpc` and the compatible endpoints. */
  url: string;
  close(): Promise<void>;
}

/**
 * The request as the Fetch API sees it, its body streamed as it arrives (as Next.js hands it to
 * route handlers): a handler that refuses a request reads no more of it than it chose to.
 */
function toFetchRequest(request: IncomingMessage, base: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = request.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  // Node's fetch needs `duplex` for a streamed body; the DOM typings do not know it yet.
  const init: RequestInit & { duplex: 'half' } = {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(request) as ReadableStream<Uint8Array>) : undefined,
    duplex: 'half',
    // Aborted when the client goes away, as Next.js does: a live tail then stops.
    signal,
  };
  return new Request(new URL(request.url ?? '/', base), init);
}

/**
 * Writes a response body as it is produced, waiting while the client is behind, and cancels it
 * when the client goes away. Read through its reader, not `Readable.fromWeb`: graphql-yoga
 * answers with a ponyfilled stream that Node's adapter refuses.
 */
async function streamBody(body: ReadableStream<Uint8Array>, reply: ServerResponse) {
  const reader = body.getReader();
  const cancel = () => void reader.cancel().catch(() => {});
  reply.once('close', cancel);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || reply.destroyed) break;
      if (!reply.write(value)) {
        await new Promise<void>((resolve) => {
          reply.once('drain', resolve);
          reply.once('close', resolve);
        });
      }
    }
  } finally {
    reply.off('close', cancel);
    reply.end();
  }
}

/** How long a refused request's connection stays open after its answer, at most. */
const LINGER_MS = 500;

/**
 * Writes the answer. When the handler refused a body it did not read (`connection: close`), the
 * connection lingers for a moment before it closes, until the client hangs up: closing a socket
 * with unread data resets it at once, and the reset discards an answer not yet on the wire.
 */
async function writeFetchResponse(
  response: Response,
  request: IncomingMessage,
  reply: ServerResponse,
): Promise<void> {
  reply.statusCode = response.status;
  response.headers.forEach((value, name) => reply.setHeader(name, value));
  if (request.complete || response.headers.get('connection') !== 'close') {
    // Streamed as it is produced (a live tail, an export), at the pace the client reads.
    if (!response.body) reply.end();
    else await streamBody(response.body, reply);
    return;
  }
  const body = Buffer.from(await response.arrayBuffer());
  reply.setHeader('content-length', body.length);
  reply.write(body);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, LINGER_MS);
    request.socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  reply.end();
}

export interface ServeOptions {
  /**
   * Take the client's address from `x-forwarded-for`, as the web app does behind Next.js,
   * instead of the socket: lets a test speak from several addresses.
   */
  forwardedFor?: boolean;
  /** A fixed port (a demo beside other servers); a free one by default. */
  port?: number;
}

/**
 * Every OpsLedger endpoint over real HTTP on 127.0.0.1 and a free port, the way the web app
 * serves them: for tests and benchmarks of programs that talk HTTP (the clients, the CLI).
 */
export async function serveApi(database: Database, options: ServeOptions = {}): Promise<ServedApi> {
  let base = '';
  const server = createServer((request, reply) => {
    const gone = new AbortController();
    reply.once('close', () => gone.abort());
    void (async () => {
      try {
        const fetchRequest = toFetchRequest(request, base, gone.signal);
        const peer = options.forwardedFor ? undefined : request.socket.remoteAddress;
        const response = await handleRequest(fetchRequest, database, request.url, peer);
        await writeFetchResponse(response, request, reply);
      } catch (error) {
        if (gone.signal.aborted) return; // the client left mid-answer: nothing failed here
        logger().error({ err: error }, 'serveApi: request failed');
        if (!reply.headersSent) reply.statusCode = 500;
        reply.end();
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Clients keep connections alive; without this, close waits for them to time out.
        server.closeAllConnections();
      }),
  };
}
