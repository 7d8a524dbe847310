import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApi } from '../testing';
import { INSTANCE_ID, recordLifecycleEvent } from './platform-lifecycle';

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

describe('recordLifecycleEvent', () => {
  it("appends one System event with this instance to every team's system events", async () => {
    const teams = [await api.newTeam(), await api.newTeam(), await api.newTeam()];
    const written = await recordLifecycleEvent(api.database, 'ServiceStopped');
    expect(written).toBeGreaterThanOrEqual(teams.length);
    for (const team of teams) {
      const { events } = await team.owner.events.list({ type: 'system' });
      expect(events).toEqual([
        expect.objectContaining({
          type: 'system',
          module: 'System',
          name: 'ServiceStopped',
          instanceId: INSTANCE_ID,
          requestId: null,
        }),
      ]);
      expect((await team.owner.events.list({ type: 'user' })).events).toEqual([]);
    }
    expect(INSTANCE_ID).toMatch(/^.+:\d+$/);
  });
});
