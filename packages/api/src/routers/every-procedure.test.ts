import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { appRouter } from '../root';
import { createTestApi, type TestCaller } from '../testing';

/**
 * Checks that hold for every procedure the API has, including ones added later: nothing
 * answers without a key, and nothing that changes data answers a viewer.
 */
const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>,
);

/** Roles that may call each mutation; the rest must get 403. Reads are open to every role. */
const MUTATIONS_FOR_ADMINS = [
  'apps.create',
  'apiKeys.create',
  'apiKeys.revoke',
  'accessKeys.create',
  'accessKeys.revoke',
  'hblockUsers.create',
  'hblockUsers.revoke',
  'traffic.setAccessLog',
  'members.add',
  'members.changeRole',
  'members.remove',
  'members.resetPassword',
  'syncProfiles.create',
  'syncProfiles.update',
  'backupPlans.create',
  'backupPlans.schedule',
  'backupPlans.delete',
];
const MUTATIONS_FOR_OWNERS = ['teams.create', 'teams.rename', 'retention.set'];
/** Answers anyone: the checkpoint keys are published so that anyone can verify a bundle. */
const PUBLIC = ['chain.keys'];

function call(caller: TestCaller, path: string, input: unknown): Promise<unknown> {
  const procedure = path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (procedure as (input: unknown) => Promise<unknown>)(input);
}

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

describe('every procedure', () => {
  it('exists for each namespace of the contract', () => {
    const namespaces = new Set(procedures.map(([path]) => path.split('.')[0]));
    expect([...namespaces].sort()).toEqual(
      [
        'accessKeys',
        'account',
        'activities',
        'apiKeys',
        'apps',
        'auditLogs',
        'backupPlans',
        'backups',
        'chain',
        'events',
        'hblockUsers',
        'jobs',
        'members',
        'passportLogs',
        'retention',
        'syncProfiles',
        'syncs',
        'teams',
        'traffic',
      ].sort(),
    );
  });

  it.each(procedures.map(([path]) => path).filter((path) => !PUBLIC.includes(path)))(
    '%s answers 401 without a key',
    async (path) => {
      const anonymous = await api.anonymous();
      await expect(call(anonymous, path, {})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    },
  );

  it.each(procedures.filter(([, p]) => p._def.type === 'mutation').map(([path]) => path))(
    '%s answers 403 to a viewer',
    async (path) => {
      const viewer = await (await api.newTeam()).as('viewer');
      await expect(call(viewer, path, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    },
  );

  it.each(
    procedures
      .filter(
        ([path]) => MUTATIONS_FOR_ADMINS.includes(path) || MUTATIONS_FOR_OWNERS.includes(path),
      )
      .map(([path]) => path),
  )('%s answers 403 to a member and a service key', async (path) => {
    const team = await api.newTeam();
    for (const role of ['member', 'service'] as const) {
      await expect(call(await team.as(role), path, {})).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
  });

  it.each(MUTATIONS_FOR_OWNERS)('%s answers 403 to an admin', async (path) => {
    const admin = await (await api.newTeam()).as('admin');
    await expect(call(admin, path, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
