import type { ChaosContext } from '../context';
import { trpcMutation } from '../http/call';
import { OtherTeamReader } from '../reads/other-team-reader';
import type { CaseReport } from '../report/case-report';
import { countPartitions, lastPartitionEnd, withLedger } from '../verify/ledger';

const MONTHS = 1_000;

/**
 * One item in each of `count` months after `from`: the first day of each, at noon UTC.
 * Starting after the last partition that exists keeps the count of created ones honest on a
 * database that an earlier run already flooded.
 */
function itemsInMonthsAfter(from: Date, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    scope: 'chaos',
    category: 'flood',
    action: 'write',
    actor: { did: 'zChaosFlood' },
    occurredAt: new Date(
      Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + i + 1, 1, 12),
    ).toISOString(),
  }));
}

/**
 * Case 3: a member key sends one recordBatch of 1,000 items dated in 1,000 distinct future
 * months. It must be refused (400) without creating a partition, and another team's reads
 * must keep answering meanwhile.
 */
export async function partitionFlood(ctx: ChaosContext, report: CaseReport): Promise<void> {
  const attacker = await ctx.teams.create('flood');
  const bystander = await ctx.teams.create('bystander');
  const attackerKey = await attacker.keyOf('member');
  const reader = new OtherTeamReader(ctx.server.url, await bystander.keyOf('viewer'));

  const { before, lastEnd } = await withLedger(async (query) => ({
    before: await countPartitions(query),
    lastEnd: await lastPartitionEnd(query),
  }));
  const now = new Date();
  const from = lastEnd && lastEnd > now ? lastEnd : now;
  reader.start(120_000);
  const answer = await trpcMutation(
    ctx.server.url,
    attackerKey,
    'auditLogs.recordBatch',
    { items: itemsInMonthsAfter(from, MONTHS) },
    60_000,
  );
  const reads = await reader.stop();
  const created = (await withLedger(countPartitions)) - before;

  report.expect('status', answer.status, answer.status === 400, 'must be 400');
  report.note('ms', answer.ms);
  report.expectZero('partitions_created', created);
  report.note('other_team_reads', reads.reads);
  report.expectZero('other_team_errors', reads.errors);
}
