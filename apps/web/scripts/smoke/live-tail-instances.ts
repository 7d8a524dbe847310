import { randomUUID } from 'node:crypto';

import { collectTail, liveTailClient } from '@opsledger/api/testing/live-tail-client';
import type { AuditLog } from '@opsledger/domain';
import type { NextServer } from '@opsledger/next-server';

type Check = (condition: unknown, message: string) => asserts condition;

const ARRIVAL_TIMEOUT_MS = 15_000;
/** Less than next-server's SIGKILL fallback (10 s): a stop this fast was the server's own. */
const STOP_TIMEOUT_MS = 8_000;

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

async function record(server: NextServer, key: string, action: string) {
  const response = await fetch(`${server.url}/api/trpc/auditLogs.record`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      scope: 'smoke',
      category: 'live-tail',
      action,
      content: `written through ${server.url}`,
      actor: { did: 'z1smoke' },
    }),
  });
  if (!response.ok) throw new Error(`auditLogs.record answered ${response.status}`);
}

/**
 * Two `next start` instances on one PostgreSQL database: a live tail open on the first receives
 * what is written through the second (LISTEN/NOTIFY crosses processes), in seq order without
 * duplicates; and a server stopping with a tail open still stops promptly (its tails end).
 */
export async function checkLiveTailAcrossInstances(
  first: NextServer,
  second: NextServer,
  key: string,
  check: Check,
): Promise<string> {
  // A token only this run's events carry: the tail replays nothing older that matches.
  const token = `smoke-${randomUUID().slice(0, 8)}`;
  const tail = collectTail<AuditLog>((handlers) =>
    liveTailClient(first.url, key).auditLogs.tail.subscribe(
      { actionOrContent: token, afterSeq: 0 },
      handlers,
    ),
  );
  try {
    await record(second, key, `${token}-1`);
    check(
      await until(() => tail.received.length >= 1, ARRIVAL_TIMEOUT_MS),
      `an audit log written through ${second.url} did not reach the tail on ${first.url}`,
    );
    await record(first, key, `${token}-2`);
    await record(second, key, `${token}-3`);
    await until(() => tail.received.length >= 3, ARRIVAL_TIMEOUT_MS);
    const actions = tail.received.map((item) => item.data.action);
    check(
      JSON.stringify(actions) === JSON.stringify([1, 2, 3].map((n) => `${token}-${n}`)),
      `the tail received ${JSON.stringify(actions)}`,
    );
    const seqs = tail.ids();
    check(
      seqs.every((seq, i) => i === 0 || seq > (seqs[i - 1] ?? 0)),
      `seqs out of order: ${seqs.join(',')}`,
    );
  } finally {
    tail.stop();
  }

  // Shutdown with a tail open: the open stream must not hold the server up.
  const open = collectTail<AuditLog>((handlers) =>
    liveTailClient(second.url, key).auditLogs.tail.subscribe({ afterSeq: 0 }, handlers),
  );
  try {
    check(await until(() => open.received.length > 0, ARRIVAL_TIMEOUT_MS), 'no tail on the second');
    const began = Date.now();
    await second.stop();
    const took = Date.now() - began;
    check(took < STOP_TIMEOUT_MS, `the second server took ${took} ms to stop with a tail open`);
    return `a tail on one instance received 3 events written through both; the other stopped in ${took} ms with a tail open`;
  } finally {
    open.stop();
  }
}
