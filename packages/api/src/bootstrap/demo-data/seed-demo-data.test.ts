import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApi } from '../../testing';
import { describeDemoData } from '../describe-demo-data';
import { seedDemoData } from './seed-demo-data';

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

describe('seedDemoData', () => {
  it('reports what it could not write instead of throwing, and the log says why', async () => {
    const team = await api.newTeam();
    const viewerKey = await team.keySecret('viewer');

    const report = await seedDemoData({
      database: api.database,
      teamId: team.id,
      ownerKey: viewerKey,
    });

    expect(report.written).toEqual({});
    expect(report.failures).toEqual([
      { stream: 'apps', message: expect.stringContaining('viewer key may not manage') },
    ]);
    expect(await team.owner.apps.list()).toEqual([]);
    const lines = describeDemoData(team.slug, report);
    expect(lines[0]).toBe(`demo data for team ${team.slug}: nothing written`);
    expect(lines[1]).toMatch(/^demo data: could not write apps: a viewer key may not manage/);
  });
});
