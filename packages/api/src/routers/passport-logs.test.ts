import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { encodeCursor, type PassportLog, type PassportLogInput } from '@opsledger/domain';

import { createTestApi, type TestCaller } from '../testing';

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

const BASE = Date.parse('2026-07-01T09:30:00.000Z');
const minute = (n: number) => new Date(BASE + n * 60_000).toISOString();

const log = (overrides: Partial<PassportLogInput> = {}): PassportLogInput => ({
  passportId: 'zpassport-1',
  action: 'issued',
  metadata: {},
  ...overrides,
});

async function scrollAll(caller: TestCaller, input: Record<string, unknown>, limit: number) {
  const rows: PassportLog[] = [];
  let cursor: string | undefined;
  // A bound, so a cursor that fails to advance fails the test instead of hanging it.
  for (let pages = 0; pages < 200; pages++) {
    const page = await caller.passportLogs.scroll({ ...input, limit, cursor });
    rows.push(...page.items);
    if (!page.nextCursor) return rows;
    cursor = page.nextCursor;
  }
  throw new Error('the scroll never reported its last page');
}

describe('passportLogs', () => {
  it('stores the Blocklet shape, numbered by the team sequence', async () => {
    const { owner } = await api.newTeam();
    const recorded = await owner.passportLogs.record(
      log({
        operatorDid: 'z1admin',
        operatorIp: '192.168.1.9',
        operatorUa: 'Mozilla/5.0',
        metadata: { role: 'admin', scopes: ['read', { nested: true }] },
        occurredAt: minute(0),
      }),
    );
    await owner.passportLogs.recordBatch({
      items: [
        log({ action: 'used', occurredAt: minute(1) }),
        log({ action: 'revoked', occurredAt: minute(2) }),
      ],
    });
    const { passportLogs, paging } = await owner.passportLogs.list({});
    expect(paging).toEqual({ total: 3, pageSize: 20, pageCount: 1, page: 1 });
    expect(passportLogs.map((entry) => entry.action)).toEqual(['revoked', 'used', 'issued']);
    // The seed numbers passport logs; here the number is the gap-free team sequence.
    const [newest, middle, oldest] = passportLogs.map((entry) => entry.id);
    expect(oldest).toBeGreaterThan(0);
    expect([newest, middle]).toEqual([(oldest ?? 0) + 2, (oldest ?? 0) + 1]);
    expect(passportLogs[2]).toEqual({
      id: expect.any(Number),
      eventId: recorded.ids[0],
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      passportId: 'zpassport-1',
      action: 'issued',
      operatorIp: '192.168.1.9',
      operatorUa: 'Mozilla/5.0',
      operatorDid: 'z1admin',
      metadata: { role: 'admin', scopes: ['read', { nested: true }] },
      createdAt: minute(0),
    });
  });

  it('filters by passport and pages both ways', async () => {
    const { owner } = await api.newTeam();
    await owner.passportLogs.recordBatch({
      items: Array.from({ length: 9 }, (_, i) =>
        log({
          passportId: i % 3 === 0 ? 'zpassport-x' : 'zpassport-y',
          action: `a${i}`,
          occurredAt: minute(i),
        }),
      ),
    });
    const x = await owner.passportLogs.list({ passportId: 'zpassport-x', pageSize: 2, page: 2 });
    expect(x.paging).toEqual({ total: 3, pageSize: 2, pageCount: 2, page: 2 });
    expect(x.passportLogs.map((entry) => entry.action)).toEqual(['a0']);
    const y = await scrollAll(owner, { passportId: 'zpassport-y' }, 4);
    expect(y.map((entry) => entry.action)).toEqual(['a8', 'a7', 'a5', 'a4', 'a2', 'a1']);
    expect((await owner.passportLogs.list({ passportId: 'zpassport-none' })).paging.total).toBe(0);
  });

  it('loses no row when a scroll page ends inside one millisecond', async () => {
    const { owner } = await api.newTeam();
    const { ids } = await owner.passportLogs.recordBatch({
      items: Array.from({ length: 11 }, (_, i) =>
        log({ action: `same-${i}`, occurredAt: minute(3) }),
      ),
    });
    const rows = await scrollAll(owner, {}, 4);
    expect(rows.map((row) => row.eventId)).toEqual([...ids].reverse());
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const { owner } = await api.newTeam();
    const cases: [() => Promise<unknown>, RegExp][] = [
      [
        () =>
          owner.passportLogs.record(log({ metadata: { notes: ['fine', { text: 'x\u0000' }] } })),
        /^metadata\.notes\.1\.text: /,
      ],
      [() => owner.passportLogs.record(log({ operatorIp: 'not-an-ip' })), /^operatorIp: /],
      [
        () => owner.passportLogs.recordBatch({ items: Array.from({ length: 1001 }, () => log()) }),
        /^items: /,
      ],
      [() => owner.passportLogs.list({ pageSize: 101 }), /^pageSize: /],
      [() => owner.passportLogs.list({ page: 0 }), /^page: /],
      [() => owner.passportLogs.scroll({ cursor: encodeCursor(['yesterday', 3]) }), /^cursor: /],
    ];
    for (const [call, message] of cases) {
      await expect(call()).rejects.toMatchObject({ code: 'BAD_REQUEST', message });
    }
    expect((await owner.passportLogs.list({})).paging.total).toBe(0);
  });

  it('never duplicates a retried batch and lets only writers write', async () => {
    const team = await api.newTeam();
    const service = await team.as('service');
    const viewer = await team.as('viewer');
    const items = [log({ idempotencyKey: 'p-1' }), log({ idempotencyKey: 'p-1' })];
    const first = await service.passportLogs.recordBatch({ items });
    // The second item repeats the first's key inside the same batch.
    expect(first).toMatchObject({ inserted: 1, duplicates: 1 });
    expect(first.ids[1]).toBe(first.ids[0]);
    expect(await service.passportLogs.record(items[0] ?? log())).toEqual({
      inserted: 0,
      duplicates: 1,
      ids: [first.ids[0]],
    });
    await expect(viewer.passportLogs.record(log())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(viewer.passportLogs.recordBatch({ items })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await viewer.passportLogs.list({})).paging.total).toBe(1);
    expect((await viewer.passportLogs.scroll({})).items).toHaveLength(1);
  });

  it('keeps every procedure to the caller team', async () => {
    const [a, b] = [await api.newTeam(), await api.newTeam()];
    const recorded = await a.owner.passportLogs.recordBatch({
      items: [log({ idempotencyKey: 'same' }), log()],
    });
    await a.owner.passportLogs.record(log());

    expect((await b.owner.passportLogs.list({})).paging.total).toBe(0);
    expect((await b.owner.passportLogs.list({ passportId: 'zpassport-1' })).passportLogs).toEqual(
      [],
    );
    const aPage = await a.owner.passportLogs.scroll({ limit: 1 });
    expect(
      (await b.owner.passportLogs.scroll({ cursor: aPage.nextCursor ?? undefined })).items,
    ).toEqual([]);
    expect((await b.owner.passportLogs.scroll({ passportId: 'zpassport-1' })).items).toEqual([]);

    const bBatch = await b.owner.passportLogs.recordBatch({
      items: [log({ idempotencyKey: 'same' })],
    });
    expect(bBatch.inserted).toBe(1);
    expect(bBatch.ids).not.toContain(recorded.ids[0]);
    await b.owner.passportLogs.record(log());
    expect((await a.owner.passportLogs.list({})).paging.total).toBe(3);
    expect((await b.owner.passportLogs.list({})).paging.total).toBe(2);
  });
});
