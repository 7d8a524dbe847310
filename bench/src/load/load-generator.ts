/**
 * The load generator, run as a process of its own (never in the server's): autocannon with a
 * fixed number of connections, each sending the plan's cycle of list pages and batch writes
 * through real HTTP. Prints one JSON line, the outcome (LoadOutcome).
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

import { auditLogInputs } from '../fixtures/audit-log-inputs';
import { seededRandom } from '../fixtures/random';
import { scriptSettings } from './child-processes';
import { LoadPlan, type LoadOutcome } from './load-plan';

const plan = LoadPlan.parse(scriptSettings());
const random = seededRandom(13);
let batchesMade = 0;

/** A fresh batch each time: new rows under new idempotency keys, so none is a replay. */
function batchBody(): string {
  const { batchRows, rowsAt } = plan;
  const spacingMs = rowsAt?.spacingMs ?? 1;
  const firstAt =
    rowsAt === undefined
      ? Date.now() - batchRows
      : rowsAt.firstAt + batchesMade * batchRows * spacingMs;
  batchesMade++;
  const items = auditLogInputs(random, { count: batchRows, firstAt, spacingMs }).map((input) => ({
    ...input,
    idempotencyKey: randomUUID(),
  }));
  return JSON.stringify({ items });
}

interface ConnectionContext {
  authorization?: string;
}
let connectionsSeen = 0;
const authorize = (context: object) => {
  const connection = context as ConnectionContext;
  connection.authorization ??= `Bearer ${plan.keys[connectionsSeen++ % plan.keys.length]}`;
  return { authorization: connection.authorization };
};

const reads = Array.from({ length: plan.mix.reads }, (_, i) => {
  const input = plan.reads[i % plan.reads.length] ?? {};
  const path = `/api/trpc/auditLogs.scroll?input=${encodeURIComponent(JSON.stringify(input))}`;
  return {
    method: 'GET' as const,
    path,
    setupRequest: (request: autocannon.Request, context: object) => ({
      ...request,
      headers: authorize(context),
    }),
  };
});

let rowsWritten = 0;
const writes = Array.from({ length: plan.mix.writes }, () => ({
  method: 'POST' as const,
  path: '/api/trpc/auditLogs.recordBatch',
  setupRequest: (request: autocannon.Request, context: object) => ({
    ...request,
    headers: { ...authorize(context), 'content-type': 'application/json' },
    body: batchBody(),
  }),
  onResponse: (status: number, body: string) => {
    if (status !== 200) return;
    const inserted = (JSON.parse(body) as { result?: { data?: { inserted?: number } } }).result
      ?.data?.inserted;
    rowsWritten += inserted ?? 0;
  },
}));

const result = await autocannon({
  url: plan.url,
  connections: plan.connections,
  ...(plan.durationS === undefined ? {} : { duration: plan.durationS }),
  ...(plan.amount === undefined ? {} : { amount: plan.amount }),
  requests: [...reads, ...writes],
  // A batch write can wait behind others on its team's chain lock: far longer than a read.
  timeout: 60,
});

const statuses: Record<string, number> = {};
for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) {
  statuses[code] = stat.count ?? 0;
}
const outcome: LoadOutcome = {
  durationS: result.duration,
  requests: result.requests.total,
  requestsPerS: result.requests.total / result.duration,
  p50Ms: result.latency.p50,
  p99Ms: result.latency.p99,
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
  statuses,
  rowsWritten,
};
console.log(JSON.stringify(outcome));
