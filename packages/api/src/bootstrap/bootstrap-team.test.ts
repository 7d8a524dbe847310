import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCaller } from '../caller';
import { createTestApi } from '../testing';
import { bootstrapTeam, type BootstrapReport } from './bootstrap-team';
import type { CredentialsStore, PortalAccount } from './team-credentials';

/** A credentials.json in memory: one key per team slug. */
function memoryStore(): CredentialsStore & {
  keys: Map<string, string>;
  portal: Map<string, PortalAccount>;
} {
  const keys = new Map<string, string>();
  const portal = new Map<string, PortalAccount>();
  return {
    keys,
    portal,
    keyFor: async (slug) => keys.get(slug) ?? null,
    save: async (slug, key) => void keys.set(slug, key),
    portalAccount: async (slug) => portal.get(slug) ?? null,
    savePortalAccount: async (slug, account) => void portal.set(slug, account),
  };
}

const quiet = () => {};
const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString();

let api: Awaited<ReturnType<typeof createTestApi>>;
// Demo data takes a while to write on PostgreSQL: one team is founded for the whole file.
const team = { slug: `demo-${randomUUID().slice(0, 8)}`, name: 'Demo' };
const firstStore = memoryStore();
let first: BootstrapReport;
let ownerKey: string;

beforeAll(async () => {
  api = await createTestApi();
  first = await bootstrapTeam(api.database, { team, credentials: firstStore, log: quiet });
  ownerKey = firstStore.keys.get(team.slug) ?? '';
});
afterAll(() => api.close());

const bootstrapWith = (credentials: CredentialsStore) =>
  bootstrapTeam(api.database, { team, credentials, log: quiet });

/** What a user of the team sees in every stream, read through the API with a key. */
async function everyStream(key: string) {
  const caller = await createCaller(api.database, key);
  return {
    apps: await caller.apps.list(),
    audit: await caller.auditLogs.list({ pageSize: 5 }),
    olderAudit: await caller.auditLogs.list({ to: daysAgo(30), pageSize: 1 }),
    activities: await caller.activities.list({ first: 5 }),
    passports: await caller.passportLogs.list({ pageSize: 5 }),
    userEvents: await caller.events.list({ type: 'user', number: 1000 }),
    systemEvents: await caller.events.list({ type: 'system', number: 1000 }),
    backups: await caller.backups.list({ limit: 100 }),
    summary: await caller.backups.summary({ timeZone: 'UTC', from: daysAgo(61) }),
    syncs: await caller.syncs.list({ pageSize: 100 }),
    traffic: await caller.traffic.insights({ pageSize: 100 }),
  };
}

describe('bootstrapTeam', () => {
  it('founds the team with an owner key and fills every stream with two months of history', async () => {
    expect(first.team.slug).toBe(team.slug);
    expect(first.demoData?.failures).toEqual([]);
    expect(ownerKey).toMatch(/^olk_/);
    const owner = await createCaller(api.database, ownerKey);
    expect(await owner.teams.current()).toMatchObject(team);

    const seen = await everyStream(ownerKey);
    expect(seen.apps).toHaveLength(3);
    expect(seen.audit.paging.total).toBeGreaterThanOrEqual(300);
    expect(seen.olderAudit.paging.total).toBeGreaterThan(100);
    expect(seen.activities.edges.length).toBeGreaterThan(0);
    expect(seen.passports.paging.total).toBeGreaterThanOrEqual(14);
    expect(seen.userEvents.events.length).toBeGreaterThan(100);
    expect(seen.systemEvents.events.length).toBeGreaterThan(30);
    expect(seen.backups.items.map((b) => b.status)).toEqual(
      expect.arrayContaining(['succeeded', 'failed', 'running']),
    );
    // History, not one burst: finished backups fall on many days, some of them with failures.
    expect(seen.summary.summary.length).toBeGreaterThan(40);
    expect(seen.summary.summary.some((day) => day.errorCount > 0)).toBe(true);
    expect(new Set(seen.syncs.items.map((run) => run.actionType))).toEqual(
      new Set(['app-objects-sync', 'app-backup', 'app-restore']),
    );
    expect(seen.traffic.paging.total).toBeGreaterThanOrEqual(60);
    expect(seen.traffic.list.every((day) => day.totalRequests > 0)).toBe(true);
  });

  it('changes nothing on a second start with the same credentials', async () => {
    const before = await everyStream(ownerKey);

    const second = await bootstrapWith(firstStore);

    expect(second.demoData).toBeNull();
    expect(firstStore.keys.get(team.slug)).toBe(ownerKey);
    expect(await everyStream(ownerKey)).toEqual(before);
  });

  it('issues a new owner key, and no data, to a store without one', async () => {
    const before = await everyStream(ownerKey);
    // A fresh data directory in front of the same PostgreSQL.
    const fresh = memoryStore();

    const again = await bootstrapWith(fresh);

    expect(again.demoData).toBeNull();
    const freshKey = fresh.keys.get(team.slug) ?? '';
    expect(freshKey).toMatch(/^olk_/);
    expect(freshKey).not.toBe(ownerKey);
    const owner = await createCaller(api.database, freshKey);
    expect((await owner.apiKeys.create({ role: 'owner' })).role).toBe('owner');
    expect(await everyStream(freshKey)).toEqual(before);
  });

  it('replaces a revoked key, another team key or a lesser key with a new owner key', async () => {
    const owner = await createCaller(api.database, ownerKey);
    const revoked = await owner.apiKeys.create({ role: 'owner' });
    await owner.apiKeys.revoke({ id: revoked.id });
    const viewer = await owner.apiKeys.create({ role: 'viewer' });
    const otherTeam = await api.newTeam();

    for (const wrong of [revoked.secret, viewer.secret, otherTeam.ownerSecret]) {
      const store = memoryStore();
      store.keys.set(team.slug, wrong);
      await bootstrapWith(store);
      const issued = store.keys.get(team.slug) ?? '';
      expect(issued).not.toBe(wrong);
      const caller = await createCaller(api.database, issued);
      expect((await caller.teams.current()).slug).toBe(team.slug);
      expect((await caller.apiKeys.create({ role: 'owner' })).role).toBe('owner');
    }
  });
});
