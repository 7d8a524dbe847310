import type { ChaosContext } from '../context';
import { call, trpcBatchQuery, type Answer } from '../http/call';
import { LeakTally } from '../http/leaks';
import { KeyedWriter } from '../ingest/keyed-writer';
import { Cluster } from '../postgres/cluster';
import { withClusterDown } from '../postgres/outage';
import type { CaseReport } from '../report/case-report';
import { StatusTally } from '../report/status-tally';
import { judgeIngest } from '../verify/judge-ingest';
import { sleep, waitUntil } from '../wait';

const DOWN_MS = 3_000;
/** The server was still broken after 30 s; a fixed one recovers within seconds. */
const RECOVERY_LIMIT_MS = 30_000;

/**
 * Case 2: PostgreSQL stops (for 3 s and the reads under way then) and starts again while three
 * writers ingest; meanwhile reads and /api/health are polled. While it is down the API may
 * only answer 503 (with Retry-After) and health must not say 200; once it is up, health and a
 * batched read must succeed again within seconds, and every acknowledged event must be stored
 * once, chain intact.
 */
export async function restartDuringIngest(ctx: ChaosContext, report: CaseReport): Promise<void> {
  const { env } = ctx;
  if (!env.cluster) {
    return report.skip(
      'set CHAOS_PG_CLUSTER="<version> <name>" of the cluster behind DATABASE_URL',
    );
  }
  const cluster = new Cluster(env.cluster.version, env.cluster.name);
  const port = await cluster.port();
  if (port !== env.databasePort) {
    return report.abort(
      `cluster ${cluster.label} listens on ${port}, DATABASE_URL on ${env.databasePort}: not restarting it`,
    );
  }
  const team = await ctx.teams.create('pg-restart');
  const leaks = new LeakTally();
  const writer = new KeyedWriter(ctx.server.url, await team.keyOf('member'), 'pg', leaks);
  const readerKey = await team.keyOf('viewer');
  // Batched, as the typed client reads: the reads that stayed broken were batched.
  const read = () =>
    trpcBatchQuery(
      ctx.server.url,
      readerKey,
      [
        ['auditLogs.list', { pageSize: 5 }],
        ['passportLogs.list', { pageSize: 5 }],
      ],
      5_000,
    );
  const health = () => call(`${ctx.server.url}/api/health`, {}, 2_000);
  const reads = new StatusTally();
  const healthWhileDown = new StatusTally();
  let readsWithoutRetryAfter = 0;
  const observeRead = (answer: Answer) => {
    reads.add(answer.status);
    if (answer.status === 200) return;
    if (answer.status === 503 && !answer.headers?.get('retry-after')) readsWithoutRetryAfter++;
    leaks.check(answer.text);
  };

  writer.start(3, 150_000);
  let recoveryMs = Number.POSITIVE_INFINITY;
  try {
    await waitUntil(() => writer.acked.length >= 1_000, 20_000);
    await withClusterDown(cluster, port, async () => {
      const upAt = Date.now() + DOWN_MS;
      while (Date.now() < upAt) {
        healthWhileDown.add((await health()).status);
        observeRead(await read());
        await sleep(200);
      }
    });
    const upSince = Date.now();
    while (Date.now() - upSince < RECOVERY_LIMIT_MS) {
      const [healthAnswer, readAnswer] = await Promise.all([health(), read()]);
      observeRead(readAnswer);
      if (healthAnswer.status === 200 && readAnswer.status === 200) {
        recoveryMs = Date.now() - upSince;
        break;
      }
      await sleep(250);
    }
    await sleep(1_000); // writers go on against the recovered server
  } finally {
    await writer.stop();
  }
  await writer.drain(10_000);

  const recovered = Number.isFinite(recoveryMs);
  report.expect(
    'recovery_s',
    recovered ? (recoveryMs / 1000).toFixed(1) : `>${RECOVERY_LIMIT_MS / 1000}`,
    recovered,
    'health and a read must succeed again',
  );
  report.expect(
    'health_while_down',
    healthWhileDown.toString(),
    healthWhileDown.count(200) === 0,
    'must not be 200',
  );
  const api = `ingest:${writer.statuses.toString()} reads:${reads.toString()}`;
  const fivexx = (tally: StatusTally) => tally.countWhere((s) => s >= 500 && s !== 503);
  report.expect(
    'answers',
    api,
    fivexx(writer.statuses) + fivexx(reads) === 0,
    'the only 5xx may be 503',
  );
  report.expectZero('500s', writer.statuses.count(500) + reads.count(500));
  report.expectZero('503_without_retry_after', writer.retryAfterMissing + readsWithoutRetryAfter);
  report.expect('leaks', leaks.count, leaks.count === 0, leaks.rule);
  await judgeIngest(report, writer, team.id);
}
