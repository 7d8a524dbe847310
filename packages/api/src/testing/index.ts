import type { Database } from '@opsledger/db';
import { createTestDatabase } from '@opsledger/db/testing';
import type { Role } from '@opsledger/domain';
import { randomUUID } from 'node:crypto';
import { createCaller } from '../caller';
import { configureFailedAuthLimits } from '../auth/failed-auth/failed-auth-guard';
import type { FailedAuthLimits } from '../auth/failed-auth/failed-auth-limits';
import { flushFailureReports } from '../auth/failed-auth/failure-events';
import { flushRequestLog } from '../http/request-log/request-log-queue';
import { bindSecretKeyring } from '../secrets/credential-secrets';
import { generateSecretKey } from '../secrets/sealed-secret';
import { createSecretKeyring } from '../secrets/secret-keyring';
import { createTeam } from '../services/teams/create-team';
import { setWriteLimits, type WriteLimits } from '../services/write-limits';

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

/** No failure budgets: for files that test what each refusal says, many times over. */
export const UNLIMITED_FAILED_AUTH: FailedAuthLimits = { credential: [], address: [] };

/** A database for one test file and a way to make isolated teams in it. */
export async function createTestApi(
  options: { failedAuthLimits?: FailedAuthLimits; writeLimits?: Partial<WriteLimits> } = {},
) {
  const database: Database = await createTestDatabase();
  if (options.failedAuthLimits) configureFailedAuthLimits(database, options.failedAuthLimits);
  setWriteLimits(database, options.writeLimits);
  // A key of this test file's own: nothing may depend on another file's (or a fixed) key.
  bindSecretKeyring(database, createSecretKeyring({ keys: [generateSecretKey()] }));

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
      await flushFailureReports(database);
      await flushRequestLog(database);
      await database.close();
    },
  };
}

export { serveApi, type ServedApi } from './serve';
export { demoRandom, type DemoRandom } from '../bootstrap/demo-data/demo-random';
