import type { Database } from '@opsledger/db';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleTrpcRequest } from '../http/trpc-handler';

const ENDPOINT = '/api/trpc';

export interface ServedApi {
  /** Base URL without a trailing slash; the API answers under `${url}/api/trpc`. */
  url: string;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function toFetchRequest(request: IncomingMessage, base: string, body: Buffer): Request {
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

/**
 * The native API over real HTTP on 127.0.0.1 and a free port, the way the web app serves it:
 * for tests and benchmarks of programs that talk HTTP (the client, the CLI).
 */
export async function serveApi(database: Database): Promise<ServedApi> {
  let base = '';
  const server = createServer((request, reply) => {
    void (async () => {
      try {
        if (!(request.url ?? '').startsWith(ENDPOINT)) {
          reply.statusCode = 404;
          reply.end('not found');
          return;
        }
        const fetchRequest = toFetchRequest(request, base, await readBody(request));
        await writeFetchResponse(await handleTrpcRequest(fetchRequest, database), reply);
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
