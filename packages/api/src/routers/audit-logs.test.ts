import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { encodeCursor, type AuditLog, type AuditLogInput } from '@opsledger/domain';

import { createTestApi, type TestCaller } from '../testing';

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

const BASE = Date.parse('2026-03-10T08:00:00.000Z');
const minute = (n: number) => new Date(BASE + n * 60_000).toISOString();

const entry = (overrides: Partial<AuditLogInput> = {}): AuditLogInput => ({
  scope: 'node',
  category: 'user',
  action: 'login',
  content: 'User z1alice logged in',
  actor: { did: 'z1alice', role: 'owner', fullName: 'Alice' },
  env: { browser: { name: 'Firefox', version: '140' } },
  ...overrides,
});

/** Every row a scroll returns, page by page, with the page sizes seen. */
async function scrollAll(caller: TestCaller, input: Record<string, unknown>, limit: number) {
  const rows: AuditLog[] = [];
  let cursor: string | undefined;
  // A bound, so a cursor that fails to advance fails the test instead of hanging it.
  for (let pages = 0; pages < 200; pages++) {
    const page = await caller.auditLogs.scroll({ ...input, limit, cursor });
    rows.push(...page.items);
    if (!page.nextCursor) return rows;
    cursor = page.nextCursor;
  }
  throw new Error('the scroll never reported its last page');
}

const newestFirst = (rows: AuditLog[]) =>
  [...rows].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.seq - a.seq);

describe('auditLogs.record and list', () => {
  it('stores the Blocklet shape and lists it newest first with Blocklet paging', async () => {
    const { owner } = await api.newTeam();
    const single = await owner.auditLogs.record(
      entry({ occurredAt: minute(0), ip: '10.0.0.1', ua: 'Mozilla/5.0', componentDid: 'zComp' }),
    );
    expect(single).toMatchObject({ inserted: 1, duplicates: 0 });
    await owner.auditLogs.recordBatch({
      items: [1, 2, 3, 4].map((n) => entry({ action: `action-${n}`, occurredAt: minute(n) })),
    });

    const first = await owner.auditLogs.list({ page: 1, pageSize: 2 });
    expect(first.paging).toEqual({ total: 5, pageSize: 2, pageCount: 3, page: 1 });
    expect(first.list.map((log) => log.action)).toEqual(['action-4', 'action-3']);
    const last = await owner.auditLogs.list({ page: 3, pageSize: 2 });
    expect(last.list).toHaveLength(1);
    expect(last.list[0]).toMatchObject({
      id: single.ids[0],
      scope: 'node',
      category: 'user',
      action: 'login',
      content: 'User z1alice logged in',
      actor: { did: 'z1alice', role: 'owner', fullName: 'Alice', avatar: null, source: null },
      env: { browser: { name: 'Firefox', version: '140' } },
      ip: '10.0.0.1',
      ua: 'Mozilla/5.0',
      componentDid: 'zComp',
      createdAt: minute(0),
    });
    const beyond = await owner.auditLogs.list({ page: 9, pageSize: 2 });
    expect(beyond.list).toEqual([]);
    expect(beyond.paging.total).toBe(5);
  });

  it('filters by scope, category, time range (inclusive) and action-or-content text', async () => {
    const { owner } = await api.newTeam();
    await owner.auditLogs.recordBatch({
      items: [
        entry({ scope: 'node', category: 'user', action: 'Login', occurredAt: minute(0) }),
        entry({ scope: 'node', category: 'blocklet', action: 'start', occurredAt: minute(1) }),
        entry({
          scope: 'zApp',
          category: 'blocklet',
          action: 'stop',
          content: 'Stopped by LOGIN hook',
          occurredAt: minute(2),
        }),
        entry({ scope: 'zApp', category: 'team', action: 'invite', occurredAt: minute(3) }),
      ],
    });
    const actions = async (filter: Record<string, unknown>) =>
      (await owner.auditLogs.list({ ...filter, pageSize: 100 })).list.map((log) => log.action);

    expect(await actions({ scope: 'zApp' })).toEqual(['invite', 'stop']);
    expect(await actions({ category: 'blocklet' })).toEqual(['stop', 'start']);
    expect(await actions({ scope: 'node', category: 'blocklet' })).toEqual(['start']);
    // Case-insensitive, in the action of one row and the content of another.
    expect(await actions({ actionOrContent: 'login' })).toEqual(['stop', 'Login']);
    expect(await actions({ from: minute(1), to: minute(2) })).toEqual(['stop', 'start']);
    expect(await actions({ from: minute(3) })).toEqual(['invite']);
    expect(await actions({ to: minute(0) })).toEqual(['Login']);
    expect(await actions({ scope: 'nowhere' })).toEqual([]);

    const scrolled = await scrollAll(owner, { category: 'blocklet', actionOrContent: 'LOGIN' }, 1);
    expect(scrolled.map((log) => log.action)).toEqual(['stop']);
  });

  it('filters by the actor, in the list and in the scroll', async () => {
    const { owner } = await api.newTeam();
    await owner.auditLogs.recordBatch({
      items: [
        entry({ action: 'a', actor: { did: 'z1alice' }, occurredAt: minute(0) }),
        entry({ action: 'b', actor: { did: 'z1bob' }, occurredAt: minute(1) }),
        entry({ action: 'c', actor: { did: 'z1alice' }, occurredAt: minute(2) }),
      ],
    });
    const listed = await owner.auditLogs.list({ actorDid: 'z1alice' });
    expect(listed.list.map((log) => log.action)).toEqual(['c', 'a']);
    const scrolled = await scrollAll(owner, { actorDid: 'z1bob' }, 1);
    expect(scrolled.map((log) => log.action)).toEqual(['b']);
  });

  it("finds one actor's or one scope's rows among a year of others, page by page", async () => {
    // "What did this person do": their rows lie months apart among other people's, so the
    // filtered scroll crosses every time window a newest-first page is read in.
    const { owner } = await api.newTeam();
    const DAY_MS = 24 * 3_600_000;
    const now = Date.now() - 3_600_000;
    const daysAgo = [0, 0, 3, 8, 30, 70, 71, 150, 300];
    const { ids } = await owner.auditLogs.recordBatch({
      items: daysAgo.flatMap((days, i) => {
        const occurredAt = new Date(now - days * DAY_MS).toISOString();
        return [
          entry({ action: `alice-${i}`, actor: { did: 'z1alice' }, scope: 'zApp', occurredAt }),
          entry({ action: `bob-${i}`, actor: { did: 'z1bob' }, scope: 'node', occurredAt }),
        ];
      }),
    });
    // Newest first; the two alice rows sharing an instant, the later written first.
    const alice = ['alice-1', 'alice-0', ...daysAgo.slice(2).map((_, i) => `alice-${i + 2}`)];
    const aliceIds = ids.filter((_, i) => i % 2 === 0).sort();
    for (const limit of [1, 2, 4, 50]) {
      for (const filter of [{ actorDid: 'z1alice' }, { scope: 'zApp' }, { q: 'actor:z1alice' }]) {
        const rows = await scrollAll(owner, filter, limit);
        expect(rows.map((row) => row.action)).toEqual(alice);
        expect(rows.map((row) => row.id).sort()).toEqual(aliceIds);
      }
    }
    const listed = await owner.auditLogs.list({ actorDid: 'z1alice', pageSize: 4, page: 2 });
    expect(listed.list.map((log) => log.action)).toEqual(alice.slice(4, 8));
    expect(listed.paging.total).toBe(alice.length);
    expect(await scrollAll(owner, { actorDid: 'z1nobody' }, 50)).toEqual([]);
    expect(await scrollAll(owner, { scope: 'nowhere' }, 50)).toEqual([]);
  });

  it('matches %, _ and \\ in the search text literally', async () => {
    const { owner } = await api.newTeam();
    await owner.auditLogs.recordBatch({
      items: [
        entry({ action: 'a', content: 'quota at 100% now' }),
        entry({ action: 'b', content: 'quota at 1000 now' }),
        entry({ action: 'c', content: 'file_name changed' }),
        entry({ action: 'd', content: 'filename changed' }),
        entry({ action: 'e', content: 'path C:\\temp' }),
        entry({ action: 'f', content: 'path C:temp' }),
      ],
    });
    const actions = async (actionOrContent: string) =>
      (await owner.auditLogs.list({ actionOrContent })).list.map((log) => log.action);
    expect(await actions('100%')).toEqual(['a']);
    expect(await actions('file_')).toEqual(['c']);
    expect(await actions('C:\\')).toEqual(['e']);
  });
});

describe('auditLogs.scroll', () => {
  it('loses no row when a page ends inside one millisecond', async () => {
    const { owner } = await api.newTeam();
    const sameInstant = minute(5);
    const { ids } = await owner.auditLogs.recordBatch({
      items: [
        entry({ action: 'before', occurredAt: minute(4) }),
        ...Array.from({ length: 10 }, (_, i) =>
          entry({ action: `same-${i}`, occurredAt: sameInstant }),
        ),
        entry({ action: 'after', occurredAt: minute(6) }),
      ],
    });
    const rows = await scrollAll(owner, {}, 3);
    expect(rows.map((row) => row.id).sort()).toEqual([...ids].sort());
    expect(rows.map((row) => row.action)).toEqual([
      'after',
      ...Array.from({ length: 10 }, (_, i) => `same-${9 - i}`),
      'before',
    ]);
  });

  it('keeps pages stable while other writers insert', async () => {
    const { owner } = await api.newTeam();
    const writer = (await api.newTeam()).owner; // a busy neighbour team
    const { ids: original } = await owner.auditLogs.recordBatch({
      items: Array.from({ length: 30 }, (_, i) => entry({ occurredAt: minute(i % 7) })),
    });

    const seen: AuditLog[] = [];
    let cursor: string | undefined;
    for (let round = 1; round < 200; round++) {
      const page = await owner.auditLogs.scroll({ limit: 4, cursor });
      seen.push(...page.items);
      // Between pages: newer rows, rows sharing an instant already paged past, older rows.
      await Promise.all([
        owner.auditLogs.recordBatch({
          items: [
            entry({ action: 'late-new' }),
            entry({ action: 'late-same', occurredAt: minute(round % 7) }),
            entry({ action: 'late-old', occurredAt: minute(-10 - round) }),
          ],
        }),
        writer.auditLogs.record(entry()),
      ]);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const seenIds = seen.map((row) => row.id);
    expect(new Set(seenIds).size).toBe(seenIds.length);
    for (const id of original) expect(seenIds).toContain(id);
    expect(seen).toEqual(newestFirst(seen));
    expect(seen.some((row) => row.action === 'late-new')).toBe(false);
  });

  it('pages through a year in order, across the time windows a page is read in', async () => {
    // A newest-first page reads the week before its cursor, then the 8 weeks before that, then
    // the rest (newest-first-windows.ts). With one row a page, each row is the next cursor:
    // rows sharing the cursor's instant, rows exactly on a window's start and a millisecond
    // before it, and rows months apart.
    const { owner } = await api.newTeam();
    const DAY_MS = 24 * 3_600_000;
    const a = Date.now() - 3_600_000;
    const b = a - 10 * DAY_MS;
    const instants = [
      a,
      a,
      a - 7 * DAY_MS,
      a - 7 * DAY_MS - 1,
      b,
      b - 63 * DAY_MS,
      b - 63 * DAY_MS - 1,
      a - 200 * DAY_MS,
      a - 365 * DAY_MS,
    ].map((at) => new Date(at).toISOString());
    const { ids } = await owner.auditLogs.recordBatch({
      items: instants.map((occurredAt, i) => entry({ action: `row-${i}`, occurredAt })),
    });
    // Newest first; of the two sharing an instant, the later written (higher seq) first.
    const expected = ['row-1', 'row-0', ...instants.slice(2).map((_, i) => `row-${i + 2}`)];
    for (const limit of [1, 2, 5, 50]) {
      const rows = await scrollAll(owner, {}, limit);
      expect(rows.map((row) => row.action)).toEqual(expected);
      expect(rows.map((row) => row.id).sort()).toEqual([...ids].sort());
    }
    // The first page of a team whose only row is a year old reads every window.
    const { owner: quiet } = await api.newTeam();
    await quiet.auditLogs.record(entry({ action: 'old', occurredAt: instants.at(-1) }));
    expect((await quiet.auditLogs.scroll({})).items.map((row) => row.action)).toEqual(['old']);
  });

  it('answers a cursor it did not issue with a 400 naming cursor', async () => {
    const { owner } = await api.newTeam();
    for (const cursor of ['garbage!', encodeCursor(['not a time', 1]), 'eyJhIjoxfQ']) {
      await expect(owner.auditLogs.scroll({ cursor })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/^cursor: /),
      });
    }
  });
});

describe('auditLogs writes', () => {
  it('never duplicates a retried batch', async () => {
    const { owner } = await api.newTeam();
    const items = [0, 1, 2].map((n) => entry({ action: `a${n}`, idempotencyKey: `k-${n}` }));
    const first = await owner.auditLogs.recordBatch({ items });
    expect(first).toMatchObject({ inserted: 3, duplicates: 0 });
    const retry = await owner.auditLogs.recordBatch({ items });
    expect(retry).toEqual({ inserted: 0, duplicates: 3, ids: first.ids });
    const partly = await owner.auditLogs.recordBatch({
      items: [...items.slice(1), entry({ action: 'a3', idempotencyKey: 'k-3' })],
    });
    expect(partly).toMatchObject({ inserted: 1, duplicates: 2 });
    expect(partly.ids.slice(0, 2)).toEqual(first.ids.slice(1));
    const again = await owner.auditLogs.record(entry({ action: 'a0', idempotencyKey: 'k-0' }));
    expect(again).toEqual({ inserted: 0, duplicates: 1, ids: [first.ids[0]] });
    // The same key with other content is not a retry: 409, naming the key.
    await expect(owner.auditLogs.record(entry({ idempotencyKey: 'k-0' }))).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/idempotencyKey "k-0"/),
    });
    expect((await owner.auditLogs.list({})).paging.total).toBe(4);
  });

  it('refuses a batch over 1000 items, naming items, and writes none of it', async () => {
    const { owner } = await api.newTeam();
    const items = Array.from({ length: 1001 }, () => entry());
    await expect(owner.auditLogs.recordBatch({ items })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^items: /),
    });
    expect((await owner.auditLogs.list({})).paging.total).toBe(0);
    expect(await owner.auditLogs.recordBatch({ items: items.slice(1) })).toMatchObject({
      inserted: 1000,
    });
  });

  it('refuses an inverted time range, naming to', async () => {
    const { owner } = await api.newTeam();
    for (const call of [
      () => owner.auditLogs.list({ from: minute(2), to: minute(1) }),
      () => owner.auditLogs.scroll({ from: minute(2), to: minute(1) }),
    ]) {
      await expect(call()).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/^to: /),
      });
    }
  });

  it('answers text PostgreSQL cannot store with a 400 naming the field', async () => {
    const { owner } = await api.newTeam();
    const cases: [() => Promise<unknown>, RegExp][] = [
      [() => owner.auditLogs.record(entry({ content: 'nul \u0000 here' })), /^content: /],
      [
        () => owner.auditLogs.recordBatch({ items: [entry(), entry({ action: 'half \uD83D' })] }),
        /^items\.1\.action: /,
      ],
      [
        () => owner.auditLogs.record(entry({ actor: { did: 'z1', fullName: '\uDE00x' } })),
        /^actor\.fullName: /,
      ],
      [() => owner.auditLogs.list({ actionOrContent: 'a\u0000' }), /^actionOrContent: /],
    ];
    for (const [call, message] of cases) {
      await expect(call()).rejects.toMatchObject({ code: 'BAD_REQUEST', message });
    }
    expect((await owner.auditLogs.list({})).paging.total).toBe(0);
    await owner.auditLogs.record(entry({ content: 'emoji 😀 survives' }));
    expect((await owner.auditLogs.list({})).list[0]?.content).toBe('emoji 😀 survives');
  });

  it('lets services record and viewers only read', async () => {
    const team = await api.newTeam();
    const service = await team.as('service');
    const viewer = await team.as('viewer');
    await service.auditLogs.record(entry());
    await expect(viewer.auditLogs.record(entry())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(viewer.auditLogs.recordBatch({ items: [entry()] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await viewer.auditLogs.list({})).paging.total).toBe(1);
    expect((await viewer.auditLogs.scroll({})).items).toHaveLength(1);
  });
});

describe('auditLogs tenancy', () => {
  it('keeps every procedure to the caller team', async () => {
    const [a, b] = [await api.newTeam(), await api.newTeam()];
    const recorded = await a.owner.auditLogs.recordBatch({
      items: [entry({ idempotencyKey: 'shared-key', scope: 'zShared' })],
    });
    await a.owner.auditLogs.record(entry({ scope: 'zShared' }));

    // B's reads see nothing of A, with or without A's filters and A's cursor.
    expect((await b.owner.auditLogs.list({})).paging.total).toBe(0);
    expect((await b.owner.auditLogs.list({ scope: 'zShared' })).list).toEqual([]);
    const aPage = await a.owner.auditLogs.scroll({ limit: 1 });
    expect(aPage.nextCursor).not.toBeNull();
    expect(
      (await b.owner.auditLogs.scroll({ cursor: aPage.nextCursor ?? undefined })).items,
    ).toEqual([]);
    expect((await b.owner.auditLogs.scroll({ scope: 'zShared' })).items).toEqual([]);

    // B's writes, even with A's idempotency key, land in B and leave A as it was.
    const bBatch = await b.owner.auditLogs.recordBatch({
      items: [entry({ idempotencyKey: 'shared-key' })],
    });
    expect(bBatch.inserted).toBe(1);
    expect(bBatch.ids).not.toEqual(recorded.ids);
    const bSingle = await b.owner.auditLogs.record(entry({ idempotencyKey: 'shared-key' }));
    expect(bSingle).toEqual({ inserted: 0, duplicates: 1, ids: bBatch.ids });
    expect((await a.owner.auditLogs.list({})).paging.total).toBe(2);
    expect((await b.owner.auditLogs.list({})).list.map((log) => log.id)).toEqual(bBatch.ids);
  });
});
