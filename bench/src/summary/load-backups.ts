import { randomUUID } from 'node:crypto';

import { backups, type Database, type InferInsertModel } from '@opsledger/db';
import type { RunStatus } from '@opsledger/domain';

import { seededRandom } from '../fixtures/random';

const HOUR_MS = 3_600_000;
const INSERT_BATCH = 500;

export interface LoadedBackups {
  count: number;
  succeeded: number;
  failed: number;
}

/**
 * A scheduled backup every `everyHours` hours for one app within [from, to], written
 * straight into the table: the API stamps rows with the current time, and history is what a
 * summary reads. Most succeed, some fail, a few are canceled, and they take minutes.
 */
export async function loadBackups(
  database: Database,
  {
    teamId,
    appId,
    from,
    to,
    everyHours,
  }: {
    teamId: string;
    appId: string;
    from: number;
    to: number;
    everyHours: number;
  },
): Promise<LoadedBackups> {
  const random = seededRandom(3);
  const rows: InferInsertModel<typeof backups>[] = [];
  const loaded: LoadedBackups = { count: 0, succeeded: 0, failed: 0 };
  // An hour clear of both ends: every backup and its finish lie inside the window.
  for (let at = from + HOUR_MS; at < to - HOUR_MS; at += everyHours * HOUR_MS) {
    const roll = random.next();
    const status: RunStatus = roll < 0.9 ? 'succeeded' : roll < 0.98 ? 'failed' : 'canceled';
    if (status === 'succeeded') loaded.succeeded++;
    if (status === 'failed') loaded.failed++;
    const startedAt = new Date(at + 2_000).toISOString();
    const finishedAt = new Date(at + 60_000 + random.int(15 * 60_000)).toISOString();
    rows.push({
      teamId,
      id: randomUUID(),
      appId,
      userDid: null,
      strategy: 1,
      sourceUrl: `file:///srv/blocklet/data/${appId}`,
      target: 'spaces',
      targetName: 'Team Space',
      targetUrl: `https://spaces.example.com/app/${appId}/backups/${at}`,
      status,
      message: status === 'failed' ? 'upload failed: connection reset by peer' : null,
      progress: status === 'succeeded' ? 100 : random.int(100),
      metadata: { trigger: 'schedule', files: random.int(5_000) },
      createdAt: new Date(at).toISOString(),
      updatedAt: finishedAt,
      startedAt,
      finishedAt,
    });
  }
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    await database.db.insert(backups).values(rows.slice(start, start + INSERT_BATCH));
  }
  loaded.count = rows.length;
  return loaded;
}
