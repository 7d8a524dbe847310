import type { ChaosContext } from '../context';
import { KeyedWriter } from '../ingest/keyed-writer';
import type { CaseReport } from '../report/case-report';
import { judgeIngest } from '../verify/judge-ingest';
import { sleep, waitUntil } from '../wait';

const WRITERS = 3;
const ACKED_BEFORE_KILL = 3_000;
const RETRY_MS = 30_000;

/**
 * Case 1: kill -9 of the server while three writers send keyed batches. The server is started
 * again (as a supervisor would), the writers go on and retry what was not acknowledged, then
 * the database must hold every acknowledged event once, in an intact chain.
 */
export async function killDuringIngest(ctx: ChaosContext, report: CaseReport): Promise<void> {
  const team = await ctx.teams.create('kill');
  const writer = new KeyedWriter(ctx.server.url, await team.keyOf('member'), 'kill');
  writer.start(WRITERS, 120_000);
  try {
    if (!(await waitUntil(() => writer.acked.length >= ACKED_BEFORE_KILL, 30_000))) {
      report.abort(`only ${writer.acked.length} events acknowledged in 30 s before the kill`);
      return;
    }
    await ctx.server.kill();
    report.note('acked_at_kill', writer.acked.length);
    await sleep(1_000); // writers meet a dead server: their in-flight batches stay unconfirmed
    await ctx.server.startAgain();
    await sleep(2_000); // and write to the new one
  } finally {
    await writer.stop();
  }
  await writer.drain(RETRY_MS);
  report.note('answers', writer.statuses.toString());
  await judgeIngest(report, writer, team.id);
}
