import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { PlatformEvent, PlatformEventInput } from '@opsledger/domain';

import { createTestApi, type TestCaller } from '../testing';

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

// A whole second a month ago: well within the 6 months user and system events are kept.
const BASE = Math.floor(Date.now() / 1000) * 1000 - 30 * 24 * 60 * 60 * 1000;
const second = (n: number) => new Date(BASE + n * 1000).toISOString();

const userEvent = (overrides: Partial<PlatformEventInput> = {}): PlatformEventInput => ({
  type: 'user',
  module: 'LUN',
  name: 'CreateLUN',
  ...overrides,
});
const systemEvent = (overrides: Partial<PlatformEventInput> = {}): PlatformEventInput => ({
  type: 'system',
  module: 'Server',
  name: 'ServerOffline',
  ...overrides,
});

async function scrollAll(caller: TestCaller, type: 'user' | 'system', limit: number) {
  const rows: PlatformEvent[] = [];
  let cursor: string | undefined;
  // A bound, so a cursor that fails to advance fails the test instead of hanging it.
  for (let pages = 0; pages < 200; pages++) {
    const page = await caller.events.scroll({ type, limit, cursor });
    rows.push(...page.items);
    if (!page.nextCursor) return rows;
    cursor = page.nextCursor;
  }
  throw new Error('the scroll never reported its last page');
}

describe('events', () => {
  it('stores HBlock user and system events apart and lists the last N newest first', async () => {
    const { owner } = await api.newTeam();
    const recorded = await owner.events.record(
      userEvent({
        requestId: 'req-1',
        requesterIP: '203.0.113.7',
        statusCode: 409,
        errorCode: 'LUNAlreadyExists',
        errorMessage: 'The LUN already exists.',
        detail: { method: 'POST', url: '/rest/v1/block/lun', body: '{"name":"lun1"}' },
        instanceId: 'node-1',
        occurredAt: second(0),
      }),
    );
    await owner.events.recordBatch({
      items: [
        userEvent({ name: 'DeleteLUN', occurredAt: second(1) }),
        systemEvent({ occurredAt: second(2) }),
        userEvent({ name: 'ExpandLUN', occurredAt: second(3) }),
        systemEvent({ name: 'DiskFault', occurredAt: second(4) }),
      ],
    });

    const users = (await owner.events.list({})).events;
    expect(users.map((event) => event.name)).toEqual(['ExpandLUN', 'DeleteLUN', 'CreateLUN']);
    expect(users[2]).toEqual({
      eventId: recorded.ids[0],
      seq: expect.any(Number),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      type: 'user',
      module: 'LUN',
      name: 'CreateLUN',
      eventTime: second(0),
      requestId: 'req-1',
      requesterIP: '203.0.113.7',
      statusCode: 409,
      errorCode: 'LUNAlreadyExists',
      errorMessage: 'The LUN already exists.',
      detail: { method: 'POST', url: '/rest/v1/block/lun', body: '{"name":"lun1"}' },
      instanceId: 'node-1',
    });
    const systems = (await owner.events.list({ type: 'system' })).events;
    expect(systems.map((event) => event.name)).toEqual(['DiskFault', 'ServerOffline']);
    expect(systems.every((event) => event.type === 'system')).toBe(true);
    expect((await owner.events.list({ number: 2 })).events.map((event) => event.name)).toEqual([
      'ExpandLUN',
      'DeleteLUN',
    ]);
  });

  it('returns up to 1000 by default and refuses a number outside 1..1000', async () => {
    const { owner } = await api.newTeam();
    await owner.events.recordBatch({
      items: Array.from({ length: 1000 }, (_, i) => userEvent({ occurredAt: second(i) })),
    });
    await owner.events.record(userEvent({ name: 'Newest', occurredAt: second(1000) }));
    const { events } = await owner.events.list({});
    expect(events).toHaveLength(1000);
    expect(events[0]?.name).toBe('Newest');
    expect(events.at(-1)?.eventTime).toBe(second(1));
    for (const number of [0, 1001, 2.5]) {
      await expect(owner.events.list({ number })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/^number: /),
      });
    }
    await expect(owner.events.list({ type: 'audit' as never })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^type: /),
    });
  });

  it('scrolls one type newest first without losing rows that share a millisecond', async () => {
    const { owner } = await api.newTeam();
    const { ids } = await owner.events.recordBatch({
      items: [
        ...Array.from({ length: 9 }, () => systemEvent({ occurredAt: second(7) })),
        ...Array.from({ length: 4 }, () => userEvent({ occurredAt: second(7) })),
        systemEvent({ name: 'Older', occurredAt: second(6) }),
      ],
    });
    const systems = await scrollAll(owner, 'system', 2);
    expect(systems.map((event) => event.eventId)).toEqual([...ids.slice(0, 9).reverse(), ids[13]]);
    expect(await scrollAll(owner, 'user', 3)).toHaveLength(4);
    await expect(owner.events.scroll({ cursor: 'bm9wZQ' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^cursor: /),
    });
  });

  it('never duplicates a retried batch and lets only writers write', async () => {
    const team = await api.newTeam();
    const service = await team.as('service');
    const viewer = await team.as('viewer');
    const items = [
      userEvent({ idempotencyKey: 'e-1' }),
      systemEvent({ idempotencyKey: 'e-2', errorMessage: 'disk \uD800 fault' }),
    ];
    await expect(service.events.recordBatch({ items })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^items\.1\.errorMessage: /),
    });
    const clean = items.map((item) => ({ ...item, errorMessage: undefined }));
    const first = await service.events.recordBatch({ items: clean });
    expect(first).toMatchObject({ inserted: 2, duplicates: 0 });
    expect(await service.events.recordBatch({ items: clean })).toEqual({
      inserted: 0,
      duplicates: 2,
      ids: first.ids,
    });
    await expect(viewer.events.record(userEvent())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(viewer.events.recordBatch({ items: clean })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await viewer.events.list({})).events).toHaveLength(1);
    expect((await viewer.events.scroll({ type: 'system' })).items).toHaveLength(1);
  });

  it('keeps every procedure to the caller team', async () => {
    const [a, b] = [await api.newTeam(), await api.newTeam()];
    const recorded = await a.owner.events.recordBatch({
      items: [userEvent({ idempotencyKey: 'same' }), systemEvent(), userEvent()],
    });
    await a.owner.events.record(systemEvent());

    expect((await b.owner.events.list({})).events).toEqual([]);
    expect((await b.owner.events.list({ type: 'system' })).events).toEqual([]);
    const aPage = await a.owner.events.scroll({ limit: 1 });
    expect((await b.owner.events.scroll({ cursor: aPage.nextCursor ?? undefined })).items).toEqual(
      [],
    );
    expect((await b.owner.events.scroll({ type: 'system' })).items).toEqual([]);

    const bBatch = await b.owner.events.recordBatch({
      items: [userEvent({ idempotencyKey: 'same' })],
    });
    expect(bBatch.inserted).toBe(1);
    expect(bBatch.ids).not.toContain(recorded.ids[0]);
    await b.owner.events.record(systemEvent());
    expect((await a.owner.events.list({})).events).toHaveLength(2);
    expect((await a.owner.events.list({ type: 'system' })).events).toHaveLength(2);
    expect((await b.owner.events.list({})).events.map((event) => event.eventId)).toEqual(
      bBatch.ids,
    );
  });
});
