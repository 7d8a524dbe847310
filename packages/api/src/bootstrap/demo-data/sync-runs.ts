import type { App, SyncActionType } from '@opsledger/domain';

import { backdateSyncRun } from './backdate-runs';
import { demoKey, type DemoContext } from './demo-context';

type Outcome = 'succeeded' | 'failed' | 'canceled' | 'running';

const REASONS: Record<SyncActionType, readonly string[]> = {
  'app-objects-sync': [
    'Checksum mismatch on 3 objects after upload',
    'DID Space rejected the request: quota exceeded',
  ],
  'app-backup': ['Timed out waiting for the database dump after 600 s'],
  'app-restore': [
    'The backup archive is from a newer app version (1.16.3) than installed (1.15.1)',
  ],
};

/** How many runs of each kind two months hold. */
const RUNS: readonly (readonly [SyncActionType, number])[] = [
  ['app-objects-sync', 20],
  ['app-backup', 8],
  ['app-restore', 4],
];

const MINUTE = 60_000;

function paths(action: SyncActionType, app: App, spaceDid: string) {
  const local = `/var/lib/blocklet-server/data/${app.did}/${action === 'app-objects-sync' ? 'objects/' : ''}`;
  const remote = `https://spaces.example.com/app/api/space/${spaceDid}/app/${app.did}/${action === 'app-objects-sync' ? 'objects/' : 'backups/'}`;
  return action === 'app-restore'
    ? { source: remote, target: local }
    : { source: local, target: remote };
}

/** Object syncs, backups and restores to DID Spaces, with counts, sizes and durations. */
export async function seedSyncRuns(ctx: DemoContext): Promise<number> {
  const { api, random } = ctx;
  const spaceDid = `zNK${random.base58(34)}`;
  const operators = ctx.people.filter((p) => p.role !== 'guest');
  const planned = RUNS.flatMap(([action, count]) =>
    ctx.time.spread(count, 60).map((at) => ({ action, at, app: random.pick(ctx.apps) })),
  ).sort((a, b) => a.at.getTime() - b.at.getTime());

  for (const [index, run] of planned.entries()) {
    const operator = random.pick(operators);
    const outcome: Outcome =
      index === planned.length - 1
        ? 'running'
        : random.weighted<Outcome>([
            ['succeeded', 85],
            ['failed', 11],
            ['canceled', 4],
          ]);
    const created = await api.syncs.create({
      appDid: run.app.did,
      actionType: run.action,
      ...paths(run.action, run.app, spaceDid),
      metadata: {
        trigger: random.pick(['schedule', 'schedule', 'manual']),
        client: 'blocklet-server 1.16.3',
      },
      status: 'pending',
      userId: operator.did,
      username: operator.fullName,
      idempotencyKey: demoKey('sync', index),
    });
    await api.syncs.update({ id: created.id, status: 'running' });

    const totalCount = run.action === 'app-objects-sync' ? random.int(40, 6000) : random.int(1, 3);
    const errorCount =
      outcome === 'failed' ? random.int(1, Math.max(1, Math.floor(totalCount / 20))) : 0;
    const successCount =
      outcome === 'succeeded' ? totalCount : random.int(0, totalCount - errorCount);
    const duration = random.int(2, 40) * MINUTE + random.int(0, 59_999);
    const finish = {
      id: created.id,
      totalCount,
      successCount,
      errorCount,
      size: successCount * random.int(20_000, 900_000),
      duration,
    };
    if (outcome === 'succeeded') await api.syncs.update({ ...finish, status: 'succeeded' });
    if (outcome === 'failed') {
      await api.syncs.update({
        ...finish,
        status: 'failed',
        reason: random.pick(REASONS[run.action]),
      });
    }
    if (outcome === 'canceled') {
      await api.syncs.update({
        ...finish,
        status: 'canceled',
        reason: `Canceled by ${operator.fullName}`,
      });
    }
    if (outcome === 'running') {
      await api.syncs.update({
        id: created.id,
        totalCount,
        successCount: Math.floor(totalCount / 3),
      });
    }
    await backdateSyncRun(ctx, created.id, {
      createdAt: run.at,
      startedAt: ctx.time.after(run.at, 1),
      finishedAt: outcome === 'running' ? null : ctx.time.after(run.at, 1 + duration / MINUTE),
    });
  }
  return planned.length;
}
