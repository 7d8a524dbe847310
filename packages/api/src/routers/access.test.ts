import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApi, provenApp } from '../testing';

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

describe('authentication and roles', () => {
  it('answers 401 without a key and with a wrong or revoked key', async () => {
    await expect((await api.anonymous()).teams.current()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    const team = await api.newTeam();
    const secret = await team.keySecret('viewer');
    const keys = await team.owner.apiKeys.list();
    const viewerKey = keys.find((k) => k.role === 'viewer');
    await team.owner.apiKeys.revoke({ id: viewerKey?.id ?? '' });
    const { createCaller } = await import('../caller');
    await expect((await createCaller(api.database, secret)).teams.current()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(
      (await createCaller(api.database, 'olk_nope')).teams.current(),
    ).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('lets viewers read but not manage, and admins grant no owner keys', async () => {
    const team = await api.newTeam();
    const viewer = await team.as('viewer');
    expect((await viewer.teams.current()).slug).toBe(team.slug);
    await expect(viewer.apps.create(await provenApp(team.id, { name: 'x' }))).rejects.toMatchObject(
      {
        code: 'FORBIDDEN',
      },
    );
    const admin = await team.as('admin');
    await expect(admin.apiKeys.create({ role: 'owner' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('role'),
    });
    const created = await admin.apiKeys.create({ role: 'service' });
    expect(created.secret).toMatch(/^olk_/);
  });

  it('names the field of bad input', async () => {
    const team = await api.newTeam();
    await expect(team.owner.apiKeys.create({ role: 'god' as never })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('role'),
    });
  });

  it('keeps apps to their team', async () => {
    const [a, b] = [await api.newTeam(), await api.newTeam()];
    const { did } = await a.addApp({ name: 'A app' });
    expect(await b.owner.apps.list()).toEqual([]);
    await expect(b.owner.apps.get({ did })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
