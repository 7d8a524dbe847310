import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '../caller';
import { createTestApi } from '../testing';
import { bootstrapTeam } from './bootstrap-team';
import type { CredentialsStore } from './team-credentials';

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

/** A credentials.json in memory: one key per team slug. */
function memoryStore(): CredentialsStore & { keys: Map<string, string> } {
  const keys = new Map<string, string>();
  return {
    keys,
    keyFor: async (slug) => keys.get(slug) ?? null,
    save: async (slug, key) => void keys.set(slug, key),
  };
}

const quiet = () => {};

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString();

/** What a user of the team sees in every stream, read through the API with a key. */
async function everyStream(key: string) {
  const caller = await createCaller(api.database, key);
  const [apps, audit, activities, passports, userEvents, systemEvents, backups, summary] =
    await Promise.all([
      caller.apps.list(),
      caller.auditLogs.list({ pageSize: 5 }),
      caller.activities.list({ first: 5 }),
      caller.passportLogs.list({ pageSize: 5 }),
      caller.events.list({ type: 'user', number: 1000 }),
      caller.events.list({ type: 'system', number: 1000 }),
      caller.backups.list({ limit: 100 }),
      caller.backups.summary({ timeZone: 'UTC', from: daysAgo(61) }),
    ]);
  const syncs = await caller.syncs.list({ pageSize: 100 });
  const traffic = await caller.traffic.insights({ pageSize: 100 });
  return {
    apps,
    audit,
    activities,
    passports,
    userEvents,
    systemEvents,
    backups,
    summary,
    syncs,
    traffic,
  };
}

describe('bootstrapTeam', () => {
  it('founds the team once, keeps its owner key and fills every stream with history', async () => {
    const slug = `demo-${randomUUID().slice(0, 8)}`;
    const store = memoryStore();
    const first = await bootstrapTeam(api.database, {
      team: { slug, name: 'Demo' },
      credentials: store,
      log: quiet,
    });

    expect(first.team.slug).toBe(slug);
    expect(first.demoData?.failures).toEqual([]);
    const key = store.keys.get(slug);
    expect(key).toMatch(/^olk_/);
    const owner = await createCaller(api.database, key ?? '');
    expect(await owner.teams.current()).toMatchObject({ slug, name: 'Demo' });

    const seen = await everyStream(key ?? '');
    expect(seen.apps).toHaveLength(3);
    expect(seen.audit.paging.total).toBeGreaterThanOrEqual(300);
    expect(new Set(seen.audit.list.map((log) => log.actor.fullName)).size).toBeGreaterThan(0);
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
    const slug = `demo-${randomUUID().slice(0, 8)}`;
    const store = memoryStore();
    const options = { team: { slug, name: 'Demo' }, credentials: store, log: quiet };
    await bootstrapTeam(api.database, options);
    const key = store.keys.get(slug) ?? '';
    const before = await everyStream(key);

    const second = await bootstrapTeam(api.database, options);

    expect(second.demoData).toBeNull();
    expect(store.keys.get(slug)).toBe(key);
    expect(await everyStream(key)).toEqual(before);
  });

  it('issues a new owner key, and no data, when the store has no working key', async () => {
    const slug = `demo-${randomUUID().slice(0, 8)}`;
    const first = memoryStore();
    await bootstrapTeam(api.database, {
      team: { slug, name: 'Demo' },
      credentials: first,
      log: quiet,
    });
    const firstKey = first.keys.get(slug) ?? '';
    const before = await everyStream(firstKey);

    // A fresh data directory in front of the same PostgreSQL, and one holding a revoked key.
    const fresh = memoryStore();
    const again = await bootstrapTeam(api.database, {
      team: { slug, name: 'Demo' },
      credentials: fresh,
      log: quiet,
    });
    expect(again.demoData).toBeNull();
    const freshKey = fresh.keys.get(slug) ?? '';
    expect(freshKey).toMatch(/^olk_/);
    expect(freshKey).not.toBe(firstKey);
    const owner = await createCaller(api.database, freshKey);
    expect((await owner.teams.current()).slug).toBe(slug);
    expect(await everyStream(freshKey)).toEqual(before);

    const stale = memoryStore();
    const revoked = await owner.apiKeys.create({ role: 'owner' });
    await owner.apiKeys.revoke({ id: revoked.id });
    stale.keys.set(slug, revoked.secret);
    await bootstrapTeam(api.database, {
      team: { slug, name: 'Demo' },
      credentials: stale,
      log: quiet,
    });
    expect(stale.keys.get(slug)).not.toBe(revoked.secret);
    expect(
      (await (await createCaller(api.database, stale.keys.get(slug) ?? '')).teams.current()).slug,
    ).toBe(slug);
  });

  it('does not take the key of another team, or a lesser role, as the owner key', async () => {
    const slug = `demo-${randomUUID().slice(0, 8)}`;
    const other = await api.newTeam();
    const store = memoryStore();
    await bootstrapTeam(api.database, {
      team: { slug, name: 'Demo' },
      credentials: store,
      log: quiet,
    });
    const ownerKey = store.keys.get(slug) ?? '';
    const viewerKey = (
      await (await createCaller(api.database, ownerKey)).apiKeys.create({ role: 'viewer' })
    ).secret;

    for (const wrong of [other.ownerSecret, viewerKey]) {
      const misplaced = memoryStore();
      misplaced.keys.set(slug, wrong);
      await bootstrapTeam(api.database, {
        team: { slug, name: 'Demo' },
        credentials: misplaced,
        log: quiet,
      });
      const issued = await createCaller(api.database, misplaced.keys.get(slug) ?? '');
      const created = await issued.apiKeys.create({ role: 'owner' });
      expect(created.role).toBe('owner');
      expect((await issued.teams.current()).slug).toBe(slug);
    }
  });
});
