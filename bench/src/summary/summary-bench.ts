import { provenApp } from '@opsledger/api/testing';
import type { Database } from '@opsledger/db';

import { formatCount, formatMs, type BenchResult } from '../measure/report';
import { interleavedMedians } from '../measure/stats';
import { createBenchTeam } from '../setup/bench-team';
import { loadBackups } from './load-backups';

const DAYS = 183;
const EVERY_HOURS = 2;
const TIME_ZONE = 'Europe/Berlin';

/**
 * (c) The daily backup summary over six months for one app, against page 1 of (b) measured
 * again in turns with it. In-process calls, so the queries are measured, not HTTP.
 */
export async function benchSummary(
  database: Database,
  firstPage: () => Promise<unknown>,
): Promise<BenchResult> {
  const team = await createBenchTeam(database, 'summary');
  const app = await team.owner.apps.create(await provenApp(team.id, { name: 'Bench app' }));
  const toMs = Date.now();
  const fromMs = toMs - DAYS * 24 * 3_600_000;
  const loaded = await loadBackups(database, {
    teamId: team.id,
    appId: app.id,
    from: fromMs,
    to: toMs,
    everyHours: EVERY_HOURS,
  });
  await database.query('analyze backups');

  const [from, to] = [new Date(fromMs).toISOString(), new Date(toMs).toISOString()];
  const summarise = () =>
    team.owner.backups.summary({ appDid: app.did, from, to, timeZone: TIME_ZONE });

  // The summary must count what was loaded, or the timing is of a different query.
  const { summary } = await summarise();
  const succeeded = summary.reduce((sum, day) => sum + day.successCount, 0);
  const failed = summary.reduce((sum, day) => sum + day.errorCount, 0);
  const faults =
    succeeded === loaded.succeeded && failed === loaded.failed
      ? []
      : [
          `counted ${succeeded} succeeded / ${failed} failed,` +
            ` loaded ${loaded.succeeded} / ${loaded.failed}`,
        ];

  const samples = 100;
  const [summaryMs, firstPageMs] = (await interleavedMedians([summarise, firstPage], {
    warmUp: 10,
    samples,
  })) as [number, number];
  return {
    name: '(c) backup summary',
    figures:
      `backups.summary over ${DAYS} days (${formatCount(loaded.count)} backups of one app,` +
      ` ${summary.length} days, ${TIME_ZONE}) ${formatMs(summaryMs)}` +
      ` vs audit page 1 ${formatMs(firstPageMs)} (median of ${samples}, in-process caller)`,
    ratio: summaryMs / firstPageMs,
    ratioOf: 'summary / page 1',
    target: { comparison: '<=', value: 3 },
    faults,
  };
}
