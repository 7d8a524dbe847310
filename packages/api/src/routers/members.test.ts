import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { and, eq, memberships } from '@opsledger/db';

import {
  createTestApi,
  newMember,
  waitingForALock,
  type TestCaller,
  type TestTeam,
} from '../testing';

let api: Awaited<ReturnType<typeof createTestApi>>;

beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

/** The team's `Members` system events about one person, oldest first, with their bodies. */
async function memberEvents(team: TestTeam, userId: string) {
  const { events } = await team.owner.events.list({ type: 'system', number: 100 });
  return events
    .filter((event) => event.module === 'Members' && event.instanceId === userId)
    .reverse()
    .map((event) => ({ name: event.name, ...JSON.parse(event.detail?.body ?? '{}') }) as object);
}

describe('changes to a team’s members', () => {
  it('are recorded as system events naming the member, the change and who made it', async () => {
    const team = await api.newTeam();
    const owner = await newMember(api.database, team, 'owner');
    const caller = await owner.in();
    const email = `someone-${crypto.randomUUID().slice(0, 8)}@people.example`;

    const added = await caller.members.add({ email, role: 'viewer' });
    await caller.members.changeRole({ userId: added.userId, role: 'admin' });
    await team.owner.members.remove({ userId: added.userId });

    expect(await memberEvents(team, added.userId)).toEqual([
      { name: 'MemberAdded', email, role: 'viewer', by: owner.email },
      { name: 'MemberRoleChanged', email, from: 'viewer', to: 'admin', by: owner.email },
      { name: 'MemberRemoved', email, role: 'admin', by: expect.stringMatching(/^api key /) },
    ]);
  });

  it('records nothing for a change that is refused', async () => {
    const team = await api.newTeam();
    const owner = await newMember(api.database, team, 'owner');
    await expect(
      team.owner.members.add({ email: owner.email, role: 'viewer' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      team.owner.members.changeRole({ userId: owner.userId, role: 'admin' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await memberEvents(team, owner.userId)).toEqual([]);
  });
});

describe('a team’s owners', () => {
  it('keep the last one: they can be neither demoted nor removed', async () => {
    const team = await api.newTeam();
    const owner = await newMember(api.database, team, 'owner');
    const message = 'userId: the team must keep at least one owner';
    await expect(
      team.owner.members.changeRole({ userId: owner.userId, role: 'admin' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message });
    await expect(team.owner.members.remove({ userId: owner.userId })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message,
    });

    const second = await newMember(api.database, team, 'owner');
    await team.owner.members.changeRole({ userId: owner.userId, role: 'admin' });
    await expect(team.owner.members.remove({ userId: second.userId })).rejects.toMatchObject({
      message,
    });
  });

  it('are out of an admin’s reach', async () => {
    const team = await api.newTeam();
    const owner = await newMember(api.database, team, 'owner');
    const admin: TestCaller = await team.as('admin');
    await expect(
      admin.members.changeRole({ userId: owner.userId, role: 'viewer' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(admin.members.remove({ userId: owner.userId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  // Two connections at once: PGlite has one, on which the first change simply runs first.
  it.skipIf(process.env.DATABASE_URL === undefined)(
    'keep one when two are demoted at the same moment',
    async () => {
      const team = await api.newTeam();
      const first = await newMember(api.database, team, 'owner');
      const second = await newMember(api.database, team, 'owner');
      let commitFirst = () => {};
      const held = new Promise<void>((resolve) => (commitFirst = resolve));
      // The first owner's demotion, in a transaction still open when the second one's starts.
      const demoteFirst = api.database.transaction(async (scope) => {
        await scope.db
          .update(memberships)
          .set({ role: 'admin' })
          .where(and(eq(memberships.teamId, team.id), eq(memberships.userId, first.userId)));
        await held;
      });
      const demoteSecond = team.owner.members
        .changeRole({ userId: second.userId, role: 'admin' })
        .then(
          () => 'demoted',
          (error: unknown) => error,
        );
      const before = await Promise.race([demoteSecond, waitingForALock(api.database)]);
      commitFirst();
      await demoteFirst;

      expect(before).toBe('waiting');
      expect(await demoteSecond).toMatchObject({
        code: 'BAD_REQUEST',
        message: 'userId: the team must keep at least one owner',
      });
      const owners = await api.database.db
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.teamId, team.id), eq(memberships.role, 'owner')));
      expect(owners).toEqual([{ userId: second.userId }]);
    },
  );
});
