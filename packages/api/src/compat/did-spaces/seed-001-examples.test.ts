import { AuditLogAction, AuditLogStatus } from '@did-space/constants';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApi, serveApi, type ServedApi } from '../../testing';
import { shapeMismatches } from '../../testing/example-shape';
import {
  appWallet,
  signedHeaders,
  spaceClient,
  spaceEndpoint,
  type AppWallet,
} from './did-spaces-client.testing';
import { listLogsAsSeed, SEED_LIST_ENDPOINT } from './seed-001-facade.testing';

/*
 * Seed 001's three examples (List Logs, Post Sync, Put Sync). Their `@did-space/client` facade
 * is not published, so each runs through its nearest real equivalent (see docs/did-spaces.md):
 * the package's commands for the writes, a GET signed as the package signs for the list.
 */
let api: Awaited<ReturnType<typeof createTestApi>>;
let served: ServedApi;
let wallet: AppWallet;
let client: ReturnType<typeof spaceClient>;
const SPACE = appWallet().address;

beforeAll(async () => {
  api = await createTestApi();
  served = await serveApi(api.database);
  const team = await api.newTeam();
  wallet = appWallet();
  await team.addApp({ name: 'Photo Library' }, wallet);
  client = spaceClient({ base: served.url, spaceDid: SPACE, wallet });
});
afterAll(async () => {
  await served.close();
  await api.close();
});

/** The seed's `AuditLogModel<APP_OBJECTS_SYNC>` as its Returns sections describe it. */
const RECORD_SHAPE = {
  id: '',
  actionType: '',
  status: '',
  data: {
    source: '',
    target: '',
    totalCount: 0,
    errorCount: 0,
    successCount: 0,
    size: 0,
    duration: 0,
  },
};
const SEED_PUT = {
  totalCount: 100,
  successCount: 98,
  errorCount: 2,
  size: 1024 * 1024 * 50, // 50 MB
  duration: 15000, // 15 seconds
  reason: 'Synchronization completed successfully with minor errors.',
};

const postSeedSync = () =>
  client.postSync({
    source: '/my-local-folder',
    target: '/did-space-backup/data',
    metadata: { syncType: 'full', initiatedBy: 'user-xyz' },
  });

describe("seed 001's examples, through their nearest real equivalents", () => {
  it('"Post Sync": a pending APP_OBJECTS_SYNC record with the input and zeroed counts', async () => {
    const response = await postSeedSync();
    expect(response.statusCode).toBe(201);
    expect(response.statusMessage).toBe('Created');
    expect(shapeMismatches(response.data, RECORD_SHAPE)).toEqual([]);
    expect(response.data).toMatchObject({
      actionType: AuditLogAction.APP_OBJECTS_SYNC,
      status: AuditLogStatus.PENDING,
      data: { source: '/my-local-folder', metadata: { syncType: 'full', initiatedBy: 'user-xyz' } },
    });
  });

  it('"Put Sync": SUCCESS through the command (as SUCCEEDED) and as the seed spells it', async () => {
    const posted = await postSeedSync();
    // The published constants have no SUCCESS (their name is SUCCEEDED): the command refuses
    // `AuditLogStatus.SUCCESS` (undefined) before sending anything.
    const response = await client.putSync({
      id: posted.data.id,
      status: AuditLogStatus.SUCCEEDED,
      ...SEED_PUT,
    });
    expect(response.statusCode).toBe(200);
    expect(shapeMismatches(response.data, RECORD_SHAPE)).toEqual([]);
    expect(response.data).toMatchObject({ id: posted.data.id, status: 'succeeded' });
    expect(response.data.data).toMatchObject({ totalCount: 100, successCount: 98, size: 52428800 });

    // The seed's spelling, in the body the command would build, signed as it signs.
    const other = await postSeedSync();
    const url = `${spaceEndpoint(served.url, SPACE, wallet.address).replace(/object\/$/, '')}audit-log`;
    const { reason, ...counts } = SEED_PUT;
    const body = { id: other.data.id, status: 'SUCCESS', reason, actionType: 'app-objects-sync' };
    const put = await fetch(url, {
      method: 'PUT',
      headers: {
        ...(await signedHeaders({ wallet, method: 'PUT', url })),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ ...body, data: counts }),
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ id: other.data.id, status: 'succeeded', reason });
  });

  it('"List Logs": the seed\'s query at the list handler\'s path, items and rows alike', async () => {
    for (const status of ['succeeded', 'succeeded', 'succeeded', 'succeeded', 'failed']) {
      const posted = await postSeedSync();
      await client.putSync({ id: posted.data.id, status, ...SEED_PUT });
    }
    const response = await listLogsAsSeed(wallet, {
      endpoint: `${served.url}${SEED_LIST_ENDPOINT}`,
      size: 5,
      page: 0,
      sort: 'createdAt',
      order: 1, // Descending
      status: 'SUCCESS', // AuditLogStatus.SUCCESS in the seed's constants
      actionType: 'APP_OBJECTS_SYNC', // AuditLogAction.APP_OBJECTS_SYNC there
    });
    expect(response.statusCode).toBe(200);
    expect(response.statusMessage).toBe('OK');
    const { data } = response;
    const seedShape = {
      total: 0,
      page: 0,
      pageSize: 0,
      items: [{ id: '', actionType: '', status: '' }],
    };
    expect(shapeMismatches(data, seedShape)).toEqual([]);
    expect(data).toMatchObject({ total: 6, page: 0, pageSize: 5, count: 6 });
    expect(data.rows).toEqual(data.items);
    // What the seed's example prints for each log.
    const printed = data.items.map(
      (log) => `- Log ID: ${log.id}, Action: ${log.actionType}, Status: ${log.status}`,
    );
    expect(printed).toHaveLength(5);
    expect(
      printed.every((line) => line.endsWith('Action: app-objects-sync, Status: succeeded')),
    ).toBe(true);
    const created = data.items.map((log) => log.createdAt);
    expect(created).toEqual(created.toSorted().reverse());

    // The published spellings find the same records.
    const published = await listLogsAsSeed(wallet, {
      endpoint: `${served.url}${SEED_LIST_ENDPOINT}`,
      ...{ size: 5, page: 0, sort: 'createdAt', order: 1 },
      status: AuditLogStatus.SUCCEEDED,
      actionType: AuditLogAction.APP_OBJECTS_SYNC,
    });
    expect(published.data.items).toEqual(data.items);
  });

  it('keeps the list handler path to signed requests of registered apps, each seeing its own', async () => {
    const endpoint = `${served.url}${SEED_LIST_ENDPOINT}`;
    const query = { endpoint, size: 5, page: 0, sort: '', order: 0 };
    const stranger = await listLogsAsSeed(appWallet(), query);
    expect(stranger.statusCode).toBe(401);

    const otherTeam = await api.newTeam();
    const other = appWallet();
    await otherTeam.addApp({ name: 'Other' }, other);
    const empty = await listLogsAsSeed(other, query);
    expect(empty.statusCode).toBe(200);
    expect(empty.data).toMatchObject({ items: [], rows: [], total: 0, count: 0 });

    const url = `${endpoint}/audit-logs?size=5`;
    const unsigned = await fetch(url);
    expect(unsigned.status).toBe(401);
    const signedForAnother = await signedHeaders({ wallet, method: 'GET', url: `${url}0` });
    const replayed = await fetch(url, { headers: signedForAnother });
    expect(replayed.status).toBe(401);
    expect(await replayed.text()).toContain('digest');
  });
});
