import { randomUUID } from 'node:crypto';

import type { Database } from '@opsledger/db';
import { createTestDatabase } from '@opsledger/db/testing';
import type { App, Role } from '@opsledger/domain';

import type { FailedAuthLimits } from '../auth/failed-auth/failed-auth-limits';
import { createCaller } from '../caller';
import { jobQueueOf, type JobQueueOptions } from '../jobs/job-queue';
import { startJobs } from '../jobs/start-jobs';
import {
  applyDatabasePolicies,
  flushBackgroundWrites,
  type DatabasePolicies,
} from '../process/database-policies';
import { bindSecretKeyring } from '../secrets/credential-secrets';
import { generateSecretKey } from '../secrets/sealed-secret';
import { createSecretKeyring } from '../secrets/secret-keyring';
import { writeDueCheckpoints, type CheckpointPolicy } from '../services/chain/checkpoints';
import { generateSigningSecret, signingKeyOf } from '../services/chain/signing-key';
import { registerSigningKey } from '../services/chain/signing-keys-table';
import { createTeam } from '../services/teams/create-team';
import { provenApp, type AppFields, type AppSigner } from './app-wallets';

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
  /** Registers an app as the owner, proven with `wallet` (a fresh one by default). */
  addApp(app: AppFields, wallet?: AppSigner): Promise<App>;
}

export type TestTeamWithApp = TestTeam & { appDid: string };

/** No failure budgets: for files that test what each refusal says, many times over. */
export const UNLIMITED_FAILED_AUTH: FailedAuthLimits = { credential: [], address: [] };

/** A database for one test file and a way to make isolated teams in it. */
export async function createTestApi(
  options: DatabasePolicies & { jobs?: JobQueueOptions | undefined } = {},
) {
  const database: Database = await createTestDatabase();
  applyDatabasePolicies(database, options);
  // The job queue (pg-boss) only for the files that run jobs: it costs a start of its own.
  if (options.jobs) await startJobs(database, options.jobs);
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
      addApp: async (app, wallet) => owner.apps.create(await provenApp(team.id, app, wallet)),
    };
  }

  /** A team with one app, registered with the proof of a fresh wallet. */
  async function newTeamWithApp(app: AppFields): Promise<TestTeamWithApp> {
    const team = await newTeam();
    const { did } = await team.addApp(app);
    return { ...team, appDid: did };
  }

  // The checkpoint-signing key of this test file; signCheckpoints publishes it on first use.
  let signingKey = signingKeyOf(generateSigningSecret());
  let published = false;
  /** Signs every team head that is due; by default every head that moved. */
  async function signCheckpoints(policy: CheckpointPolicy = { everyEvents: 1, everyMinutes: 0 }) {
    if (!published) await registerSigningKey(database, signingKey);
    published = true;
    return writeDueCheckpoints(database, signingKey, policy);
  }
  /** A new signing key, as a restart with a rotated key makes one: the old one stays listed. */
  async function rotateSigningKey() {
    signingKey = signingKeyOf(generateSigningSecret());
    await registerSigningKey(database, signingKey);
    published = true;
    return signingKey;
  }

  return {
    database,
    signCheckpoints,
    rotateSigningKey,
    signingKey: () => signingKey,
    newTeam,
    newTeamWithApp,
    anonymous: () => createCaller(database, null),
    // What the request log still holds belongs in the database, not in a closed one's error.
    close: async () => {
      if (options.jobs) await jobQueueOf(database).stop();
      await flushBackgroundWrites(database);
      await database.close();
    },
  };
}

export { serveApi, type ServedApi } from './serve';
export { captureLogs, type LoggedLine } from './capture-logs';
export { newAppWallet, provenApp, type AppSigner, type AppWallet } from './app-wallets';
// A database that can go down and come back, for tests of what callers see during a restart.
export { createOutageDatabase, type OutageDatabase } from '@opsledger/db/testing';
export { demoRandom, type DemoRandom } from '../bootstrap/demo-data/demo-random';
export { cookieHeaderOf, newMember, signInRequest, signInToPortal } from './portal-people';
export { createPortalCaller } from '../caller';
export { waitingForALock } from './lock-wait';
export { collectTail, liveTailClient, type TailLog } from './live-tail-client';
