import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApi, serveApi, type ServedApi, type TestTeam } from '../../testing';
import { shapeMismatches } from '../../testing/example-shape';
import { blockletClient } from './blocklet-client.testing';
import * as seed from './seed-000-examples.testing';

/*
 * Seed 000's five examples through the published client, inputs as printed; only the client's
 * URL (`new BlockletServerClient()` has none) and its token are OpsLedger's. Answers are
 * checked against the seed's example responses' shapes.
 */
const SEED_DID = 'z8ia22V5CfqF2e4sAFc9a2B9z9mC6a8x461sC';
let api: Awaited<ReturnType<typeof createTestApi>>;
let served: ServedApi;
let team: TestTeam;
let client: ReturnType<typeof blockletClient>;

beforeAll(async () => {
  api = await createTestApi();
  served = await serveApi(api.database);
  // An app DID belongs to one team per installation: a shared PostgreSQL keeps an earlier run's.
  await api.database.query('delete from apps where did = $1', [SEED_DID]);
  team = await api.newTeam();
  // Nobody holds the seed's wallet, so no proof of it can be given: the app stands in the
  // database as one registered before proofs existed (still served, see docs/did-spaces.md).
  await api.database.query(
    `insert into apps (team_id, id, did, uuid, name, created_at)
     values ($1, gen_random_uuid(), $2, gen_random_uuid(), 'Seed blocklet', now())`,
    [team.id, SEED_DID],
  );
  client = blockletClient(served.url, { token: team.ownerSecret });

  for (const status of ['succeeded', 'failed'] as const) {
    const backup = await team.owner.backups.create({
      ...{ appDid: SEED_DID, userDid: 'z1alice', strategy: 1, sourceUrl: '/path/to/backup' },
      ...{ target: 'disk', targetName: 'Local Disk', targetUrl: '/path/to/backup/target' },
      metadata: {},
    });
    await team.owner.backups.update({ id: backup.id, status, message: `Backup ${status}` });
  }
  await team.owner.auditLogs.record({
    ...{ scope: 'node', category: 'user', action: 'login', content: 'User z1... logged in' },
    actor: { did: 'z1alice', role: 'owner', fullName: 'Alice' },
    ...{ ip: '127.0.0.1', ua: 'Mozilla/5.0' },
  });
  await team.owner.passportLogs.record({
    ...{ passportId: 'zpassport_...', action: 'issued', operatorDid: 'z1alice' },
    ...{ operatorIp: '127.0.0.1', operatorUa: 'Mozilla/5.0', metadata: {} },
  });
  const hit = (visitorId: string) => ({
    ...{ appDid: SEED_DID, occurredAt: '2023-01-15T10:00:00.000Z', path: '/index.html' },
    ...{ status: 200, bytes: 512_000, durationMs: 7, visitorId, logBytes: 100 },
  });
  await team.owner.traffic.ingest({ items: [hit('v1'), hit('v2')] });
});
afterAll(async () => {
  await served.close();
  await api.close();
});

describe("seed 000's examples, as printed", () => {
  it('getBlockletBackups', async () => {
    const backups = await client.getBlockletBackups({
      input: { did: 'z8ia22V5CfqF2e4sAFc9a2B9z9mC6a8x461sC' },
    });
    expect(shapeMismatches(backups, seed.GET_BLOCKLET_BACKUPS)).toEqual([]);
    expect(backups.backups).toHaveLength(2);
  });

  it('getBlockletBackupSummary', async () => {
    const summary = await client.getBlockletBackupSummary({
      input: { did: 'z8ia22V5CfqF2e4sAFc9a2B9z9mC6a8x461sC' },
    });
    expect(shapeMismatches(summary, seed.GET_BLOCKLET_BACKUP_SUMMARY)).toEqual([]);
    expect(summary.summary).toMatchObject([{ successCount: 1, errorCount: 1 }]);
  });

  it('getAuditLogs', async () => {
    const logs = await client.getAuditLogs({
      input: {
        paging: { page: 1, pageSize: 10 },
        category: 'user',
      },
    });
    expect(shapeMismatches(logs, seed.GET_AUDIT_LOGS)).toEqual([]);
    expect(logs.paging).toEqual({ total: 1, pageSize: 10, pageCount: 1, page: 1 });
  });

  it('getPassportLogs', async () => {
    const logs = await client.getPassportLogs({
      input: {
        teamDid: 'z8ia22V5CfqF2e4sAFc9a2B9z9mC6a8x461sC',
        query: { passportId: 'zpassport_...' },
        paging: { page: 1, pageSize: 10 },
      },
    });
    expect(shapeMismatches(logs, seed.GET_PASSPORT_LOGS)).toEqual([]);
    expect(logs.passportLogs?.[0]).toMatchObject({ passportId: 'zpassport_...', action: 'issued' });
  });

  it('getTrafficInsights', async () => {
    const insights = await client.getTrafficInsights({
      input: {
        did: 'z8ia22V5CfqF2e4sAFc9a2B9z9mC6a8x461sC',
        startDate: '2023-01-01',
        endDate: '2023-01-31',
      },
    });
    expect(shapeMismatches(insights, seed.GET_TRAFFIC_INSIGHTS)).toEqual([]);
    expect(insights.list).toMatchObject([
      { did: SEED_DID, date: '2023-01-15', totalRequests: 2, uniqueVisitors: 2 },
    ]);
  });
});
