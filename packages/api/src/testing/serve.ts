import type { Database } from '@opsledger/db';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleRequest } from '../http/handle-request';

export interface ServedApi {
  /** Base URL without a trailing slash: `${url}/api/trpc` and the compatible endpoints. */
  url: string;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  // concat allocates a fresh (never shared) ArrayBuffer, which the Fetch types require.
  return Buffer.concat(chunks) as Buffer<ArrayBuffer>;
}

function toFetchRequest(
  request: IncomingMessage,
  base: string,
  body: Buffer<ArrayBuffer>,
): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = request.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(request.url ?? '/', base), {
    method,
    headers,
    body: hasBody ? body : undefined,
  });
}

async function writeFetchResponse(response: Response, reply: ServerResponse): Promise<void> {
  reply.statusCode = response.status;
  response.headers.forEach((value, name) => reply.setHeader(name, value));
  reply.end(Buffer.from(await response.arrayBuffer()));
}

export interface ServeOptions {
  /**
   * Take the client's address from `x-forwarded-for`, as the web app does behind Next.js,
   * instead of the socket: lets a test speak from several addresses.
   */
  forwardedFor?: boolean;
}

/**
 * Every OpsLedger endpoint over real HTTP on 127.0.0.1 and a free port, the way the web app
 * serves them: for tests and benchmarks of programs that talk HTTP (the clients, the CLI).
 */
export async function serveApi(database: Database, options: ServeOptions = {}): Promise<ServedApi> {
  let base = '';
  const server = createServer((request, reply) => {
    void (async () => {
      try {
        const fetchRequest = toFetchRequest(request, base, await readBody(request));
        const peer = options.forwardedFor ? undefined : request.socket.remoteAddress;
        const response = await handleRequest(fetchRequest, database, request.url, peer);
        await writeFetchResponse(response, reply);
      } catch (error) {
        console.error('[serveApi] request failed', error);
        if (!reply.headersSent) reply.statusCode = 500;
        reply.end();
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
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
