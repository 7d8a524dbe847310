/**
 * A load generator in a process of its own (forked by load-run.ts), as a user's ingest job
 * loads the API: pre-serialised bodies POSTed over keep-alive connections, several in flight,
 * with no typed client and no serialisation of its own on the clock. It loads its bodies, says
 * `ready`, waits for `go`, sends them all and reports how long that took.
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface LoadOrder {
  /** The procedure's URL, e.g. `http://127.0.0.1:4400/api/trpc/auditLogs.recordBatch`. */
  url: string;
  authorization: string;
  /** One JSON body a line. */
  bodiesFile: string;
  rowsPerBody: number;
  inFlight: number;
}

export type LoadMessage =
  | { type: 'ready' }
  | { type: 'done'; ms: number; failures: string[] }
  | { type: 'failed'; message: string };

const send = (message: LoadMessage) => process.send?.(message);

function post(agent: Agent, order: LoadOrder, body: Buffer): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      order.url,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: order.authorization,
          'content-type': 'application/json',
          'content-length': body.length,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (response.statusCode !== 200) return resolve(`${response.statusCode}: ${text}`);
          const inserted = (JSON.parse(text) as { result?: { data?: { inserted?: number } } })
            .result?.data?.inserted;
          resolve(inserted === order.rowsPerBody ? null : `stored ${inserted} of a batch`);
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

async function run(order: LoadOrder, bodies: readonly Buffer[]) {
  const agent = new Agent({ keepAlive: true, maxSockets: order.inFlight });
  const failures: string[] = [];
  let next = 0;
  const sender = async () => {
    for (let body = bodies[next++]; body; body = bodies[next++]) {
      const failure = await post(agent, order, body);
      if (failure) failures.push(failure);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: order.inFlight }, sender));
  const ms = performance.now() - start;
  agent.destroy();
  return { ms, failures };
}

const order = JSON.parse(process.argv[2] ?? '{}') as LoadOrder;
const bodies = readFileSync(order.bodiesFile, 'utf8')
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => Buffer.from(line, 'utf8'));
process.once('message', () => {
  run(order, bodies).then(
    ({ ms, failures }) => send({ type: 'done', ms, failures: failures.slice(0, 3) }),
    (error: unknown) => send({ type: 'failed', message: String(error) }),
  );
});
send({ type: 'ready' });
