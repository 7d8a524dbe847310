import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

import { readCredentials } from '@opsledger/client/credentials';
import { freePort, startNextServer, waitForHealth } from '@opsledger/next-server';

import { inheritedEnv } from '../src/env';
import { APP_DIR } from './portal';

// A first start writes the demo data; on a busy 2-core machine that can take minutes.
const HEALTH_TIMEOUT_MS = 300_000;

/**
 * Starts the built portal once for every spec: a fresh data directory (and DATABASE_URL when
 * set, so the same specs run on PostgreSQL), reached at the URL it believes it has. Needs
 * `next build` first.
 */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(join(tmpdir(), 'opsledger-e2e-'));
  // OPSLEDGER_E2E_PORT: a fixed port, for runs confined to a range on a shared machine.
  const port = Number(inheritedEnv().OPSLEDGER_E2E_PORT) || (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const server = await startNextServer(
    APP_DIR,
    { ...inheritedEnv(), OPSLEDGER_DATA_DIR: dataDir, OPSLEDGER_PUBLIC_URL: url, INIT_CWD: '' },
    { port },
  );
  try {
    await waitForHealth(server, HEALTH_TIMEOUT_MS);
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}\n${server.output()}`);
  }
  const credentials = await readCredentials(dataDir);
  if (!credentials?.portal) throw new Error(`no portal account in ${dataDir}/credentials.json`);
  project.provide('portal', {
    url,
    dataDir,
    owner: credentials.portal,
    team: credentials.team,
    ownerKey: credentials.key,
  });
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
