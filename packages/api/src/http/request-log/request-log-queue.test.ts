import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import type { Caller } from '../../auth/authenticate';
import { captureLogs, createTestApi } from '../../testing';
import { enqueueRequestLog, flushRequestLog } from './request-log-queue';

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

const callerOf = (team: { id: string; slug: string }): Caller => ({
  team: { id: team.id, slug: team.slug, name: team.slug },
  credential: { kind: 'api-key', keyId: 'test' },
  role: 'owner',
});

const entry = (caller: Caller, name: string) => ({
  caller,
  build: async () => ({ type: 'user' as const, module: 'Test', name }),
});

describe('the request log queue', () => {
  it('writes what waits when flushed, one team per write, each into its own team', async () => {
    const [a, b] = [await api.newTeam(), await api.newTeam()];
    for (let i = 0; i < 5; i += 1) {
      enqueueRequestLog(api.database, entry(callerOf(a), `a${i}`));
      enqueueRequestLog(api.database, entry(callerOf(b), `b${i}`));
    }
    await flushRequestLog(api.database);
    const names = async (team: typeof a) =>
      (await team.owner.events.list({ type: 'user', number: 100 })).events.map((e) => e.name);
    expect((await names(a)).sort()).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
    expect((await names(b)).sort()).toEqual(['b0', 'b1', 'b2', 'b3', 'b4']);
  });

  it('writes by itself within moments, without a flush', async () => {
    const team = await api.newTeam();
    enqueueRequestLog(api.database, entry(callerOf(team), 'later'));
    await vi.waitFor(async () => {
      const { events } = await team.owner.events.list({ type: 'user' });
      expect(events.map((e) => e.name)).toEqual(['later']);
    });
  });

  it('logs a failed write and a failed entry instead of throwing, and keeps the rest', async () => {
    const team = await api.newTeam();
    const logs = captureLogs();
    const ghost = callerOf({ id: randomUUID(), slug: 'ghost' });
    enqueueRequestLog(api.database, entry(ghost, 'lost'));
    enqueueRequestLog(api.database, {
      caller: callerOf(team),
      build: async () => ({ type: 'user', module: 'Test', name: 'bad', statusCode: 42 }) as never,
    });
    enqueueRequestLog(api.database, entry(callerOf(team), 'kept'));
    await expect(flushRequestLog(api.database)).resolves.toBeUndefined();
    logs.restore();
    expect(logs.lines.filter((line) => line.level >= 50)).not.toHaveLength(0);
    const { events } = await team.owner.events.list({ type: 'user' });
    expect(events.map((e) => e.name)).toContain('kept');
  });
});
