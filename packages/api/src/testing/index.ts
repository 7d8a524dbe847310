import type { Database } from '@opsledger/db';
import { createTestDatabase } from '@opsledger/db/testing';
import type { Role } from '@opsledger/domain';
import { randomUUID } from 'node:crypto';
import { createCaller } from '../caller';
import { flushRequestLog } from '../http/request-log/request-log-queue';
import { createTeam } from '../services/teams/create-team';

/** Founds a team with its first owner key, for programs that seed their own (the bench). */
export { createTeam };

export type TestCaller = Awaited<ReturnType<typeof createCaller>>;

export interface TestTeam {
  id: string;
  slug: string;
  ownerSecret: string;
  owner: TestCaller;
  /** A caller with a fresh key of this role; its secret is on `secretOf`. */
  as(role: Role): Promise<TestCaller>;
  keySecret(role: Role): Promise<string>;
}

export type TestTeamWithApp = TestTeam & { appDid: string };

/** A database for one test file and a way to make isolated teams in it. */
export async function createTestApi() {
  const database: Database = await createTestDatabase();

  async function newTeam(): Promise<TestTeam> {
    const slug = `t-${randomUUID().slice(0, 12)}`;
    const { team, ownerKey } = await createTeam(database, { slug, name: `Team ${slug}` });
    const owner = await createCaller(database, ownerKey.secret);
    const keySecret = async (role: Role) => (await owner.apiKeys.create({ role })).secret;
    return {
      id: team.id,
      slug,
      ownerSecret: ownerKey.secret,
      owner,
      keySecret,
      as: async (role) => createCaller(database, await keySecret(role)),
    };
  }

  /** A team with one app; app DIDs are unique per database, so they carry a random part. */
  async function newTeamWithApp(app: {
    name: string;
    description?: string;
  }): Promise<TestTeamWithApp> {
    const team = await newTeam();
    const appDid = `zApp${randomUUID().slice(0, 12)}`;
    await team.owner.apps.create({ did: appDid, ...app });
    return { ...team, appDid };
  }

  return {
    database,
    newTeam,
    newTeamWithApp,
    anonymous: () => createCaller(database, null),
    // What the request log still holds belongs in the database, not in a closed one's error.
    close: async () => {
      await flushRequestLog(database);
      await database.close();
    },
  };
}

export { serveApi, type ServedApi } from './serve';
// A database that can go down and come back, for tests of what callers see during a restart.
export { createOutageDatabase, type OutageDatabase } from '@opsledger/db/testing';
export { demoRandom, type DemoRandom } from '../bootstrap/demo-data/demo-random';
