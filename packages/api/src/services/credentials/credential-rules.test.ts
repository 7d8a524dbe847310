import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApi, type TestCaller } from '../../testing';

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

interface Kind {
  kind: string;
  /** Creates an owner credential as the team's owner; its ref. */
  create: (owner: TestCaller) => Promise<string>;
  revoke: (caller: TestCaller, ref: string) => Promise<{ revokedAt: string | null }>;
  unknown: string;
  refusals: [aboveGrant: string, notFound: string];
}

/** Each kind through its own procedures. */
const KINDS: Kind[] = [
  {
    kind: 'API keys',
    create: async (owner) => (await owner.apiKeys.create({ role: 'owner' })).id,
    revoke: (caller, id) => caller.apiKeys.revoke({ id }),
    unknown: '00000000-0000-4000-8000-000000000000',
    refusals: ['id: a admin key may not revoke owner keys', 'id: api key not found'],
  },
  {
    kind: 'access keys',
    create: async (owner) => (await owner.accessKeys.create({ role: 'owner' })).accessKeyId,
    revoke: (caller, id) => caller.accessKeys.revoke({ id }),
    unknown: 'ak_unknown',
    refusals: ['id: a admin key may not revoke owner keys', 'id: access key not found'],
  },
  {
    kind: 'HBlock users',
    create: async (owner) =>
      (await owner.hblockUsers.create({ name: `u-${crypto.randomUUID()}`, role: 'owner' }))
        .userName,
    revoke: (caller, name) => caller.hblockUsers.revoke({ name }),
    unknown: 'nobody-here',
    refusals: ['name: a admin key may not revoke owner users', 'name: HBlock user not found'],
  },
];

describe.each(KINDS)('revoking $kind', ({ create, revoke, unknown, refusals }) => {
  const [aboveGrant, notFound] = refusals;

  it('refuses one above the caller, finds none of another team, and is a no-op twice', async () => {
    const team = await api.newTeam();
    const ref = await create(team.owner);
    await expect(revoke(await team.as('admin'), ref)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: aboveGrant,
    });
    const other = await api.newTeam();
    await expect(revoke(other.owner, ref)).rejects.toMatchObject({ message: notFound });
    await expect(revoke(team.owner, unknown)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const first = await revoke(team.owner, ref);
    expect(first.revokedAt).toEqual(expect.any(String));
    expect(await revoke(team.owner, ref)).toEqual(first);
  });
});
