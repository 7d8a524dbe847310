import type { App } from '@opsledger/domain';

import { backdateBackup } from './backdate-runs';
import { demoKey, type DemoContext } from './demo-context';

type Outcome = 'succeeded' | 'failed' | 'canceled' | 'running';

interface PlannedBackup {
  app: App;
  at: Date;
  strategy: 0 | 1;
  outcome: Outcome;
}

const FAILURES = [
  'Upload to DID Space failed: connection reset by peer after 300 s',
  'The target space is full: 9.8 GB of 10 GB used',
  'Cannot read /data/uploads/.tmp: permission denied',
  'Backup aborted: the app was upgraded while it ran',
];

/**
 * A nightly schedule for the first app and weekly ones for the others, up to last night;
 * manual backups now and then; one manual backup still running.
 */
function plan(ctx: DemoContext): PlannedBackup[] {
  const { random } = ctx;
  const planned: PlannedBackup[] = [];
  const outcome = () =>
    random.weighted<Outcome>([
      ['succeeded', 90],
      ['failed', 8],
      ['canceled', 2],
    ]);
  ctx.apps.forEach((app, index) => {
    const every = index === 0 ? 1 : 7;
    for (let daysAgo = 60 - index * 3; daysAgo >= 1; daysAgo -= every) {
      planned.push({ app, at: ctx.time.onDay(daysAgo, [1, 3]), strategy: 1, outcome: outcome() });
    }
  });
  for (const at of ctx.time.spread(4, 60)) {
    planned.push({ app: random.pick(ctx.apps), at, strategy: 0, outcome: outcome() });
  }
  planned.sort((a, b) => a.at.getTime() - b.at.getTime());
  const startedRecently = new Date(ctx.time.now.getTime() - random.int(3, 9) * 60_000);
  planned.push({
    app: random.pick(ctx.apps),
    at: startedRecently,
    strategy: 0,
    outcome: 'running',
  });
  return planned;
}

/** Backups moved through their status machine, then dated back to when they ran. */
export async function seedBackups(ctx: DemoContext): Promise<number> {
  const { api, random } = ctx;
  const admins = ctx.people.filter((p) => p.role === 'owner' || p.role === 'admin');
  const spaceDid = `zNK${random.base58(34)}`;
  const planned = plan(ctx);

  for (const [index, backup] of planned.entries()) {
    const toSpace = backup.app !== ctx.apps[2];
    const operator = backup.strategy === 0 ? random.pick(admins) : null;
    const created = await api.backups.create({
      appDid: backup.app.did,
      ...(operator ? { userDid: operator.did } : {}),
      strategy: backup.strategy,
      sourceUrl: `/var/lib/blocklet-server/data/${backup.app.did}`,
      target: toSpace ? 'spaces' : 'disk',
      targetName: toSpace ? 'Acme Team Space' : 'Local Disk',
      metadata: { trigger: operator ? `manual by ${operator.fullName}` : 'schedule' },
      status: 'pending',
      idempotencyKey: demoKey('backup', index),
    });
    await api.backups.update({ id: created.id, status: 'running', progress: random.int(1, 15) });

    const startedAt = ctx.time.after(backup.at, 1);
    const finishedAt = ctx.time.after(startedAt, random.int(2, 25));
    const files = random.int(800, 12_000);
    const sizeBytes = files * random.int(40_000, 400_000);
    const targetUrl = toSpace
      ? `https://spaces.example.com/app/api/space/${spaceDid}/app/${backup.app.did}/backups/${backup.at.toISOString().slice(0, 10)}.tar.gz`
      : `/var/backups/blocklet-server/${backup.app.did}/${backup.at.toISOString().slice(0, 10)}.tar.gz`;
    switch (backup.outcome) {
      case 'succeeded':
        await api.backups.update({
          id: created.id,
          status: 'succeeded',
          progress: 100,
          targetUrl,
          message: 'Backup completed successfully',
          metadata: { files, sizeBytes, durationMs: finishedAt.getTime() - startedAt.getTime() },
        });
        break;
      case 'failed':
        await api.backups.update({
          id: created.id,
          status: 'failed',
          progress: random.int(20, 90),
          message: random.pick(FAILURES),
        });
        break;
      case 'canceled':
        await api.backups.update({
          id: created.id,
          status: 'canceled',
          message: `Canceled by ${random.pick(admins).fullName}`,
        });
        break;
      case 'running':
        await api.backups.update({ id: created.id, progress: random.int(30, 70) });
        break;
    }
    const finished = backup.outcome !== 'running';
    await backdateBackup(ctx, created.id, {
      createdAt: backup.at,
      startedAt,
      finishedAt: finished ? finishedAt : null,
    });
  }
  return planned.length;
}
