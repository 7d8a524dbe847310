import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApi } from '../../testing';

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

const uniqueName = (team: { slug: string }, what: string) => `${what}-${team.slug}`;

describe('hblockUsers', () => {
  it('creates a viewer by default, shows its secret once and lists it without', async () => {
    const team = await api.newTeam();
    const created = await team.owner.hblockUsers.create({ name: uniqueName(team, 'ops') });
    expect(created).toEqual({
      userName: uniqueName(team, 'ops'),
      role: 'viewer',
      secret: expect.stringMatching(/^hbs_[A-Za-z0-9_-]{43}$/),
    });
    const listed = await team.owner.hblockUsers.list();
    expect(listed).toEqual([
      {
        userName: created.userName,
        role: 'viewer',
        createdAt: expect.any(String),
        lastUsedAt: null,
        revokedAt: null,
      },
    ]);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
  });

  it('answers a taken name with a 409 naming the field, in any team', async () => {
    const team = await api.newTeam();
    const other = await api.newTeam();
    const name = uniqueName(team, 'taken');
    await team.owner.hblockUsers.create({ name });
    for (const owner of [team.owner, other.owner]) {
      await expect(owner.hblockUsers.create({ name })).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/^name: /),
      });
    }
    expect(await other.owner.hblockUsers.list()).toEqual([]);
  });

  it('refuses a name the Authorization header cannot carry, naming the field', async () => {
    const team = await api.newTeam();
    for (const name of ['a:b', 'with space', '', 'x'.repeat(65)]) {
      await expect(team.owner.hblockUsers.create({ name })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/^name: /),
      });
    }
  });

  it('lets an admin grant any role but owner, and revoke only what it may grant', async () => {
    const team = await api.newTeam();
    const admin = await team.as('admin');
    await expect(
      admin.hblockUsers.create({ name: uniqueName(team, 'boss'), role: 'owner' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/^role: /) });
    const boss = await team.owner.hblockUsers.create({
      name: uniqueName(team, 'boss'),
      role: 'owner',
    });
    await expect(admin.hblockUsers.revoke({ name: boss.userName })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const member = await admin.hblockUsers.create({ name: uniqueName(team, 'm'), role: 'member' });
    expect(member.role).toBe('member');
    expect((await admin.hblockUsers.revoke({ name: member.userName })).revokedAt).not.toBeNull();
  });

  it("cannot see or revoke another team's user", async () => {
    const team = await api.newTeam();
    const other = await api.newTeam();
    const theirs = await other.owner.hblockUsers.create({ name: uniqueName(other, 'theirs') });
    await expect(team.owner.hblockUsers.revoke({ name: theirs.userName })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await other.owner.hblockUsers.list())[0]?.revokedAt).toBeNull();
  });
});
